import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, readableError } from '@/lib/api-client';
import { useChangePassword } from '@/features/auth/api/change-password';
import { useGetMe } from '@/lib/me';

const fields = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;

const empty: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

const autoComplete: Record<Field, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'new-password',
};

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const id = useId();
  const me = useGetMe().data;
  const change = useChangePassword();
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const [values, setValues] = useState<Values>(empty);
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});

  function check(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    for (const field of fields) {
      if (values[field] === '') errors[field] = t('auth.changePassword.required');
    }
    if (!errors.newPassword && values.newPassword === values.currentPassword) {
      errors.newPassword = t('auth.changePassword.sameAsCurrent');
    }
    if (!errors.confirmPassword && values.confirmPassword !== values.newPassword) {
      errors.confirmPassword = t('auth.changePassword.mismatch');
    }
    return errors;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (change.isPending || !me) return;
    const errors = check();
    setChecked(errors);
    const first = fields.find((field) => errors[field]);
    if (first) {
      change.reset();
      inputs.current[first]?.focus();
      return;
    }
    change.mutate(
      {
        input: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        username: me.username,
      },
      {
        onSuccess: () => setValues(empty),
        onError: (error) => {
          const field = fields.find((f) => error instanceof ApiError && error.fieldErrors[f]);
          if (field) inputs.current[field]?.focus();
        },
      },
    );
  }

  const serverErrors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const fieldError = (field: Field) => checked[field] ?? serverErrors[field];
  const anyFieldError = fields.some((field) => fieldError(field));
  const alert = change.isError
    ? anyFieldError
      ? t('auth.changePassword.checkFields')
      : readableError(change.error)
    : null;
  const labels: Record<Field, string> = {
    currentPassword: t('auth.changePassword.currentPassword'),
    newPassword: t('auth.changePassword.newPassword'),
    confirmPassword: t('auth.changePassword.confirmPassword'),
  };

  return (
    <section className="page narrow" aria-labelledby={`${id}-heading`}>
      <title>{t('app.documentTitle', { page: t('auth.changePassword.title') })}</title>
      <h1 id={`${id}-heading`}>{t('auth.changePassword.title')}</h1>
      <p className="muted">{t('auth.changePassword.intro')}</p>

      <form className="form-stack" noValidate onSubmit={submit}>
        {fields.map((field) => {
          const error = fieldError(field);
          const hint = field === 'newPassword' ? `${id}-${field}-hint` : undefined;
          const errorId = error ? `${id}-${field}-error` : undefined;
          return (
            <div className="field" key={field}>
              <label htmlFor={`${id}-${field}`}>{labels[field]}</label>
              <input
                ref={(element) => {
                  inputs.current[field] = element;
                }}
                id={`${id}-${field}`}
                name={field}
                type="password"
                autoComplete={autoComplete[field]}
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={[hint, errorId].filter(Boolean).join(' ') || undefined}
                value={values[field]}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              />
              {hint && (
                <p id={hint} className="field-hint">
                  {t('auth.changePassword.newPasswordHint')}
                </p>
              )}
              {error && (
                <p id={errorId} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}

        <div role="alert" className="form-alert">
          {alert && <p className="notice notice-error">{alert}</p>}
        </div>
        <div role="status" className="form-alert">
          {change.isSuccess && (
            <p className="notice notice-success">{t('auth.changePassword.success')}</p>
          )}
        </div>

        <button type="submit" className="button button-primary" disabled={change.isPending || !me}>
          {change.isPending && <span className="spinner" aria-hidden="true" />}
          {change.isPending ? t('auth.changePassword.submitting') : t('auth.changePassword.submit')}
        </button>
      </form>
    </section>
  );
}
