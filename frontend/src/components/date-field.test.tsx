import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DateField } from '@/components/date-field';
// Loaded ahead, so that opening the calendar does not wait for its code to be compiled.
import '@/components/date-calendar';

function IssueDate({
  initial = '',
  onChange,
}: {
  initial?: string;
  onChange: (v: string) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <DateField
      name="issueDate"
      label="Ngày ban hành"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('DateField', () => {
  it('shows the ISO date day first, as text, whatever the browser', () => {
    render(<IssueDate initial="2026-12-07" onChange={() => {}} />);
    const input = screen.getByLabelText('Ngày ban hành');
    expect(input).toHaveValue('07/12/2026');
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveAccessibleDescription('Nhập ngày/tháng/năm, ví dụ 26/03/2026.');
  });

  it('gives the form the ISO date of what is typed day first', async () => {
    const onChange = vi.fn();
    render(<IssueDate onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('Ngày ban hành'), '26/03/2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-03-26');
  });

  it('says under the field when a typed day does not exist, once the person leaves it', async () => {
    const onChange = vi.fn();
    render(<IssueDate onChange={onChange} />);
    const input = screen.getByLabelText('Ngày ban hành');
    await userEvent.type(input, '31/02/2026');
    expect(onChange).toHaveBeenLastCalledWith('31/02/2026');
    expect(input).not.toHaveAttribute('aria-invalid');
    await userEvent.tab();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Ngày này không đọc được/)).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, '28/02/2026');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(onChange).toHaveBeenLastCalledWith('2026-02-28');
  });

  it('shows the server’s message for the field first', () => {
    render(
      <DateField label="Ngày ban hành" value="" error="Cần ngày ban hành" onChange={() => {}} />,
    );
    expect(screen.getByLabelText('Ngày ban hành')).toHaveAccessibleDescription(
      'Nhập ngày/tháng/năm, ví dụ 26/03/2026. Cần ngày ban hành',
    );
  });

  it('picks a day from a Vietnamese calendar and puts it in the field', async () => {
    const onChange = vi.fn();
    render(<IssueDate initial="2026-12-07" onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Chọn ngày' }));
    const calendar = await screen.findByRole('group', { name: 'Ngày ban hành' });
    expect(calendar).toHaveTextContent('Tháng Mười Hai 2026');
    await userEvent.click(screen.getByRole('button', { name: /ngày 15 tháng 12/i }));
    expect(onChange).toHaveBeenLastCalledWith('2026-12-15');
    expect(screen.getByLabelText('Ngày ban hành')).toHaveValue('15/12/2026');
    expect(screen.getByLabelText('Ngày ban hành')).toHaveFocus();
    expect(screen.queryByRole('group', { name: 'Ngày ban hành' })).not.toBeInTheDocument();
  });

  it('closes the calendar with Escape, back in the field', async () => {
    render(<IssueDate onChange={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Chọn ngày' }));
    await screen.findByRole('group', { name: 'Ngày ban hành' });
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Ngày ban hành' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Ngày ban hành')).toHaveFocus();
  });
});
