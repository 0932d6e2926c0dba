import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { setLanguage } from '@/lib/i18n';
import { ValueInput } from '@/features/my-work/components/value-input';
import {
  emptyFormValues,
  toReportBody,
  valueShape,
  type ReportField,
  type ReportFormValues,
} from '@/features/my-work/utils/report-value';
import { indicator, target } from '@/testing/fixtures';

type Indicator = components['schemas']['Indicator'];

/** The input as the editor uses it: the form keeps the values, the input shows and changes them. */
function Harness({
  item,
  errors = {},
  onValues,
}: {
  item: Indicator | null;
  errors?: Partial<Record<ReportField, string>>;
  onValues?: (values: ReportFormValues) => void;
}) {
  const shape = valueShape(item, '2026-03');
  const [values, setValues] = useState(() => emptyFormValues(shape));
  return (
    <ValueInput
      shape={shape}
      values={values}
      errors={errors}
      onChange={(field, value) => {
        const next = { ...values, [field]: value };
        setValues(next);
        onValues?.(next);
      }}
    />
  );
}

function renderInput(item: Indicator | null, errors?: Partial<Record<ReportField, string>>) {
  let latest: ReportFormValues | undefined;
  const user = userEvent.setup();
  render(<Harness item={item} errors={errors} onValues={(v) => (latest = v)} />);
  return { user, values: () => latest };
}

describe('ValueInput', () => {
  it('takes a plain number, with the unit and the target beside it', async () => {
    const { user, values } = renderInput(indicator());

    const input = screen.getByRole('textbox', { name: 'Giá trị đạt được' });
    expect(input).toHaveAccessibleDescription('Chỉ tiêu: ≥ 80%');
    expect(screen.getByText('%')).toBeInTheDocument();

    await user.type(input, '72,5');
    expect(input).toHaveValue('72,5');
    expect(toReportBody(values()!, valueShape(indicator(), '2026-03'), 'vi').body.value).toEqual(
      expect.objectContaining({ number: 72.5, numerator: null, denominator: null }),
    );
  });

  it('takes a numerator and a denominator and shows the rate while typing', async () => {
    const fraction = indicator({
      capturedAsFraction: true,
      numeratorLabel: 'Số hồ sơ nộp trực tuyến',
      denominatorLabel: 'Tổng số hồ sơ tiếp nhận',
    });
    const { user } = renderInput(fraction);

    const rate = screen.getByRole('status');
    expect(rate).toHaveTextContent('nhập tử số và mẫu số để tính');

    await user.type(screen.getByRole('textbox', { name: 'Số hồ sơ nộp trực tuyến' }), '1.450');
    await user.type(screen.getByRole('textbox', { name: 'Tổng số hồ sơ tiếp nhận' }), '2000');

    expect(rate).toHaveTextContent('72,5 %');
    expect(screen.getByText('Tỷ lệ đạt được:')).toBeInTheDocument();
    expect(screen.getByText('Chỉ tiêu: ≥ 80%')).toBeInTheDocument();
  });

  it('shows a ratio per the target base when the target is a ratio', async () => {
    const ratio = indicator({
      capturedAsFraction: true,
      unitOfMeasure: 'tài khoản/1.000 dân',
      targets: [target({ kind: 'RATIO', per: 1000, value: 500, wording: '≥ 500/1.000 dân' })],
    });
    const { user } = renderInput(ratio);

    await user.type(screen.getByRole('textbox', { name: 'Tử số' }), '36');
    await user.type(screen.getByRole('textbox', { name: 'Mẫu số' }), '10000');

    expect(screen.getByRole('status')).toHaveTextContent('3,6 / 1.000');
  });

  it('asks met or not met for a pass/fail indicator', async () => {
    const passFail = indicator({
      unitOfMeasure: 'Đạt',
      targets: [target({ kind: 'PASS_FAIL', comparator: null, value: null, wording: 'Đạt' })],
    });
    const { user, values } = renderInput(passFail);

    const group = screen.getByRole('group', { name: 'Kết quả' });
    expect(group).toHaveAccessibleDescription('Chỉ tiêu: Đạt');
    const notMet = within(group).getByRole('radio', { name: 'Chưa đạt' });
    await user.click(notMet);

    expect(notMet).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Đạt' })).not.toBeChecked();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(toReportBody(values()!, valueShape(passFail, '2026-03'), 'vi').body.value).toEqual(
      expect.objectContaining({ met: false, number: null }),
    );
  });

  it('takes a rank out of the number ranked, starting from the target’s', async () => {
    const rank = indicator({
      unitOfMeasure: 'Hạng',
      targets: [
        target({ kind: 'RANK', comparator: 'LE', value: 10, outOf: 34, wording: 'Top 10/34' }),
      ],
    });
    const { user } = renderInput(rank);

    const outOf = screen.getByRole('textbox', { name: 'Trên tổng số' });
    expect(outOf).toHaveValue('34');
    await user.type(screen.getByRole('textbox', { name: 'Thứ hạng đạt được' }), '8');

    expect(screen.getByRole('textbox', { name: 'Thứ hạng đạt được' })).toHaveValue('8');
    expect(screen.getByText('Chỉ tiêu: Top 10/34')).toBeInTheDocument();
  });

  it('asks whether a milestone is reached and what was achieved', async () => {
    const milestone = indicator({
      unitOfMeasure: null,
      targets: [
        target({
          kind: 'MILESTONE',
          comparator: null,
          value: null,
          text: 'Triển khai nền tảng họp trực tuyến',
          wording: 'Triển khai',
        }),
      ],
    });
    const { user, values } = renderInput(milestone);

    const group = screen.getByRole('group', { name: 'Đã đạt mốc chưa?' });
    expect(group).toHaveAccessibleDescription('Mốc cần đạt: Triển khai nền tảng họp trực tuyến');
    await user.click(within(group).getByRole('radio', { name: 'Đã đạt' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Mô tả kết quả đạt được' }),
      'Đã triển khai tại 31/31 ấp',
    );

    expect(toReportBody(values()!, valueShape(milestone, '2026-03'), 'vi').body.value).toEqual(
      expect.objectContaining({ met: true, text: 'Đã triển khai tại 31/31 ấp' }),
    );
  });

  it('asks a task’s progress instead of a value', async () => {
    const { user } = renderInput(null);

    const select = screen.getByRole('combobox', { name: 'Tiến độ thực hiện' });
    await user.selectOptions(select, 'Đang triển khai');

    expect(select).toHaveValue('IN_PROGRESS');
  });

  it('shows an error next to the field it concerns', () => {
    renderInput(indicator(), { 'value.number': 'Tỷ lệ phần trăm không vượt quá 100.' });

    const input = screen.getByRole('textbox', { name: 'Giá trị đạt được' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(
      'Chỉ tiêu: ≥ 80% Tỷ lệ phần trăm không vượt quá 100.',
    );
  });

  it('reads numbers the way they are written in English too', async () => {
    await setLanguage('en');
    const fraction = indicator({ capturedAsFraction: true });
    const { user } = renderInput(fraction);

    await user.type(screen.getByRole('textbox', { name: 'Numerator' }), '1,450');
    await user.type(screen.getByRole('textbox', { name: 'Denominator' }), '2000');

    expect(screen.getByRole('status')).toHaveTextContent('72.5 %');
  });
});

describe('toReportBody', () => {
  const shape = valueShape(indicator(), '2026-03');

  it('refuses what is not a number before sending', () => {
    const values = { ...emptyFormValues(shape), 'value.number': 'nhiều' };
    expect(toReportBody(values, shape, 'vi').problems).toEqual({ 'value.number': 'notANumber' });
  });

  it('sends only the fields of the shape, and never the computed `empty`', () => {
    const values = {
      ...emptyFormValues(shape),
      'value.number': '1.450',
      'value.met': 'true',
      achievements: '  Đã làm  ',
    };
    const { body } = toReportBody(values, shape, 'vi');
    expect(body.value).toEqual({
      number: 1450,
      numerator: null,
      denominator: null,
      met: null,
      rank: null,
      rankOutOf: null,
      text: null,
    });
    expect(body.achievements).toBe('Đã làm');
    expect(body.difficulties).toBeNull();
  });
});
