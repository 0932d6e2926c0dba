import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, readableError } from '@/lib/api-client';
import { describedBy, FieldMessages } from '@/components/field-messages';

type FieldProps = {
  /** The field's path as the API names it: focus goes to the first one in error. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  disabled?: boolean;
  className?: string;
};

export function TextField({
  name,
  label,
  value,
  onChange,
  hint,
  error,
  disabled,
  className,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  inputRef,
}: FieldProps & {
  type?: 'text' | 'date';
  inputMode?: 'text' | 'numeric' | 'decimal';
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  value,
  onChange,
  hint,
  error,
  disabled,
  className,
  rows = 3,
}: FieldProps & { rows?: number }) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  value,
  onChange,
  hint,
  error,
  disabled,
  className,
  options,
}: FieldProps & { options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  checked,
  onChange,
  hint,
  error,
  disabled,
}: Omit<FieldProps, 'value' | 'onChange'> & {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="field plan-check">
      <label htmlFor={id} className="plan-check-label">
        <input
          id={id}
          name={name}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error })}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
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
      {busy && <span className="spinner" aria-hidden="true" />}
      {busy ? busyLabel : label}
    </button>
  );
}

/** Whether a failure is a refused If-Match: someone else saved first. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

/**
 * Why a save failed, above the form: the problem's readable detail, the field messages no control on screen
 * shows, and after a conflict (412) a way to load what is stored now.
 */
export function FormAlert({
  error,
  message,
  others = [],
  onReload,
  reloading = false,
  alertRef,
  children,
}: {
  error: unknown;
  /** Said instead of the error's detail (a check made before sending). */
  message?: string;
  others?: string[];
  onReload?: () => void;
  reloading?: boolean;
  alertRef?: Ref<HTMLDivElement>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const failed = error !== null && error !== undefined;
  const detail = message ?? (failed ? readableError(error) : null);
  const stale = isStale(error);
  return (
    <div ref={alertRef} role="alert" tabIndex={-1} className="form-alert">
      {detail && (
        <div className="notice notice-error">
          {stale && <p className="plan-alert-lead">{t('plan.errors.stale')}</p>}
          <p>{detail}</p>
          {others.length > 0 && (
            <ul>
              {others.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {stale && onReload && (
            <BusyButton
              type="button"
              className="button"
              busy={reloading}
              label={t('plan.errors.reload')}
              busyLabel={t('plan.errors.reloading')}
              onClick={onReload}
            />
          )}
          {children}
        </div>
      )}
    </div>
  );
}

/**
 * After a failed save, focus goes to the first field in error, else to the alert saying why: call `request()`
 * when the failure is shown.
 */
export function useProblemFocus() {
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [requested, setRequested] = useState(0);
  useEffect(() => {
    if (requested === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>(
      'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]',
    );
    (invalid ?? alertRef.current)?.focus();
  }, [requested]);
  return { formRef, alertRef, request: () => setRequested((n) => n + 1) };
}
