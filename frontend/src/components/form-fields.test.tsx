import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  BusyButton,
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
} from '@/components/form-fields';

function EditableText({ onChange }: { onChange: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <TextField
      name="title"
      label="Tên"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('form fields', () => {
  it('names a control by its given id, and describes it by its hint then its error', () => {
    render(
      <TextField
        id="user-email"
        type="email"
        label="Thư điện tử"
        hint="Để nhận thông báo"
        error="Địa chỉ không hợp lệ"
        required
        value=""
        onChange={() => {}}
      />,
    );
    const input = screen.getByLabelText('Thư điện tử');
    expect(input).toHaveAttribute('id', 'user-email');
    expect(input).toHaveAttribute('name', 'user-email');
    expect(input).toHaveAttribute('type', 'email');
    expect(input).toBeRequired();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAttribute('aria-describedby', 'user-email-hint user-email-error');
    expect(input).toHaveAccessibleDescription('Để nhận thông báo Địa chỉ không hợp lệ');
  });

  it('makes its own id when given only the name the API uses, and reports each change', async () => {
    const onChange = vi.fn();
    render(<EditableText onChange={onChange} />);
    const input = screen.getByLabelText('Tên');
    expect(input).toHaveAttribute('name', 'title');
    expect(input.id).not.toBe('');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAttribute('aria-describedby');
    await userEvent.type(input, 'Kế hoạch');
    expect(input).toHaveValue('Kế hoạch');
    expect(onChange).toHaveBeenLastCalledWith('Kế hoạch');
  });

  it('keeps the field class and adds the one given', () => {
    const { container } = render(
      <TextAreaField name="note" label="Ghi chú" className="wide" value="" onChange={() => {}} />,
    );
    expect(container.firstElementChild).toHaveClass('field', 'wide');
    expect(screen.getByLabelText('Ghi chú')).toHaveAttribute('rows', '3');
  });

  it('offers the options given as a list or as children', async () => {
    const onChange = vi.fn();
    render(
      <>
        <SelectField
          name="kind"
          label="Loại"
          value="A"
          options={[
            { value: 'A', label: 'Một' },
            { value: 'B', label: 'Hai' },
          ]}
          onChange={onChange}
        />
        <SelectField id="unit-kind" label="Cấp" value="" onChange={() => {}}>
          <option value="">Chọn cấp</option>
          <option value="PROVINCE">Tỉnh</option>
        </SelectField>
      </>,
    );
    await userEvent.selectOptions(screen.getByLabelText('Loại'), 'B');
    expect(onChange).toHaveBeenCalledWith('B');
    expect(screen.getByRole('option', { name: 'Tỉnh' })).toBeInTheDocument();
    expect(screen.getByLabelText('Cấp')).toHaveAttribute('name', 'unit-kind');
  });

  it('reports a checkbox as checked or not', async () => {
    const onChange = vi.fn();
    render(<CheckboxField name="done" label="Xong" checked={false} onChange={onChange} />);
    await userEvent.click(screen.getByLabelText('Xong'));
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('keeps a busy button focusable, says what is under way and ignores a second press', async () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <BusyButton type="button" busy={false} label="Lưu" busyLabel="Đang lưu…" onClick={onClick} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    rerender(<BusyButton type="button" busy label="Lưu" busyLabel="Đang lưu…" onClick={onClick} />);
    const busy = screen.getByRole('button', { name: 'Đang lưu…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(busy);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
