import type { ReactNode, Ref } from 'react';
import { describedBy, FieldMessages } from '@/components/field-messages';

type Common = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
};

export function TextField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  inputRef,
  type = 'text',
  autoComplete = 'off',
  readOnly,
  maxLength,
  spellCheck,
  autoCapitalize,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  type?: 'text' | 'email' | 'tel' | 'password';
  autoComplete?: string;
  readOnly?: boolean;
  maxLength?: number;
  spellCheck?: boolean;
  autoCapitalize?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={id}
        type={type}
        value={value}
        required={required}
        readOnly={readOnly}
        maxLength={maxLength}
        spellCheck={spellCheck}
        autoCapitalize={autoCapitalize}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 3,
}: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  selectRef,
  children,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  selectRef?: Ref<HTMLSelectElement>;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        ref={selectRef}
        id={id}
        name={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** A spinner for a button whose action is under way; the button's text says what is happening. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
