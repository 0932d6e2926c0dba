import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, readableError } from '@/lib/api-client';
import { BusyButton } from '@/components/form-fields';

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
