import { useTranslation } from 'react-i18next';
import { ApiError, readableError } from '@/lib/api-client';

/** The edit was based on a version someone else has since replaced (If-Match refused). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

/**
 * Field → readable detail for a failed write: the problem's own field errors for the form's fields, plus a
 * refusal without field errors whose code says which field it is about (e.g. a role the caller may not give).
 */
export function fieldProblems<F extends string>(
  error: unknown,
  fields: readonly F[],
  codeFields: Readonly<Record<string, F>> = {},
): Partial<Record<F, string>> {
  if (!(error instanceof ApiError)) return {};
  const found: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const message = error.fieldErrors[field];
    if (message) found[field] = message;
  }
  const byCode = codeFields[error.code];
  if (byCode && !found[byCode]) found[byCode] = error.detail;
  return found;
}

/**
 * What a form says above its buttons when a write fails: where to look when the problem is on fields;
 * for a stale edit, what happened and a way to read the current version; otherwise the problem's
 * detail, with any field errors the form has no place for.
 */
export function FormAlert({
  error,
  placed,
  onReload,
  reloading = false,
}: {
  error: unknown;
  /** The errors the form shows next to its fields (from `fieldProblems`). */
  placed: Readonly<Record<string, string | undefined>>;
  onReload?: () => void;
  reloading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="form-alert">
      {error ? content() : null}
    </div>
  );

  function content() {
    if (isStale(error)) {
      return (
        <div className="notice notice-error">
          <p>
            <strong>{t('admin.conflict.title')}</strong> {t('admin.conflict.body')}
          </p>
          <p className="muted">{readableError(error)}</p>
          {onReload && (
            <button type="button" className="button" disabled={reloading} onClick={onReload}>
              {reloading ? t('admin.conflict.reloading') : t('admin.conflict.reload')}
            </button>
          )}
        </div>
      );
    }
    const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
    const onFields = Object.values(placed).some(Boolean);
    const elsewhere = Object.entries(fieldErrors).filter(([field]) => !placed[field]);
    return (
      <div className="notice notice-error">
        <p>{onFields ? t('admin.form.checkFields') : readableError(error)}</p>
        {elsewhere.length > 0 && (
          <ul>
            {elsewhere.map(([field, message]) => (
              <li key={field}>
                <code>{field}</code>: {message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
}
