import { useId, type ReactNode, type Ref } from 'react';
import { describedBy, FieldMessages } from '@/components/field-messages';

type FieldProps = {
  /** The control's id; without one the field makes its own. */
  id?: string;
  /** The field's name as the API names it (focus goes to the first one in error); the id when not given. */
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  /** Added to the field's `field` class. */
  className?: string;
};

type ValueProps = { value: string; onChange: (value: string) => void };

/** The control's id and name: the given id, else one of the field's own; the name defaults to the id. */
function useFieldId({ id, name }: { id?: string; name?: string }) {
  const ownId = useId();
  const fieldId = id ?? ownId;
  return { id: fieldId, name: name ?? fieldId };
}

function fieldClass(className?: string) {
  return className ? `field ${className}` : 'field';
}

/** The attributes every control shares: its state and the messages that describe it. */
function controlProps(
  id: string,
  name: string,
  { hint, error, required, disabled }: Pick<FieldProps, 'hint' | 'error' | 'required' | 'disabled'>,
) {
  return {
    id,
    name,
    required,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, { hint, error }),
  };
}

export function TextField({
  label,
  hint,
  error,
  className,
  value,
  onChange,
  inputRef,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  readOnly,
  maxLength,
  spellCheck,
  autoCapitalize,
  ...props
}: FieldProps &
  ValueProps & {
    inputRef?: Ref<HTMLInputElement>;
    type?: 'text' | 'email' | 'tel' | 'password';
    inputMode?: 'text' | 'numeric' | 'decimal';
    autoComplete?: string;
    readOnly?: boolean;
    maxLength?: number;
    spellCheck?: boolean;
    autoCapitalize?: string;
  }) {
  const { id, name } = useFieldId(props);
  return (
    <div className={fieldClass(className)}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        {...controlProps(id, name, { hint, error, ...props })}
        type={type}
        inputMode={inputMode}
        value={value}
        readOnly={readOnly}
        maxLength={maxLength}
        spellCheck={spellCheck}
        autoCapitalize={autoCapitalize}
        autoComplete={autoComplete}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  className,
  value,
  onChange,
  rows = 3,
  ...props
}: FieldProps & ValueProps & { rows?: number }) {
  const { id, name } = useFieldId(props);
  return (
    <div className={fieldClass(className)}>
      <label htmlFor={id}>{label}</label>
      <textarea
        {...controlProps(id, name, { hint, error, ...props })}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** A choice among `options`, or among the `<option>`s given as children. */
export function SelectField({
  label,
  hint,
  error,
  className,
  value,
  onChange,
  selectRef,
  options,
  children,
  ...props
}: FieldProps &
  ValueProps & {
    selectRef?: Ref<HTMLSelectElement>;
    options?: { value: string; label: string }[];
    children?: ReactNode;
  }) {
  const { id, name } = useFieldId(props);
  return (
    <div className={fieldClass(className)}>
      <label htmlFor={id}>{label}</label>
      <select
        ref={selectRef}
        {...controlProps(id, name, { hint, error, ...props })}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  checked,
  onChange,
  ...props
}: Omit<FieldProps, 'className'> & {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { id, name } = useFieldId(props);
  return (
    <div className="field plan-check">
      <label htmlFor={id} className="plan-check-label">
        <input
          {...controlProps(id, name, { hint, error, ...props })}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** A spinner for a button whose action is under way; the button's text says what is happening. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/**
 * A button that cannot be pressed again while its action is under way: it shows a spinner and says what is
 * happening.
 */
export function PendingButton({
  pending,
  label,
  pendingLabel,
  className = 'button button-primary',
  type = 'submit',
  disabled = false,
  onClick,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  className?: string;
  type?: 'submit' | 'button';
  /** Not pressable for another reason than the action under way. */
  disabled?: boolean;
  onClick?: () => void;
}) {
  return (
    <button type={type} className={className} disabled={pending || disabled} onClick={onClick}>
      {pending && <Spinner />}
      {pending ? pendingLabel : label}
    </button>
  );
}

/** A button whose action is under way shows a spinner and says what is happening. */
export function BusyButton({
  busy,
  label,
  busyLabel,
  className = 'button button-primary',
  type = 'submit',
  onClick,
  disabled,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  className?: string;
  type?: 'submit' | 'button';
  onClick?: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      type={type}
      className={className}
      // Still focusable while busy, so the focus does not jump away; a second press does nothing.
      aria-disabled={busy || disabled ? true : undefined}
      onClick={(event) => {
        if (busy || disabled) {
          event.preventDefault();
          return;
        }
        onClick?.();
      }}
    >
      {busy && <Spinner />}
      {busy ? busyLabel : label}
    </button>
  );
}
