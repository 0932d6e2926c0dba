import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Shows a service account's secret the one time the server gives it out. The server keeps only a hash,
 * so the dialog says so plainly, offers a copy button, and closes only when the person says they have
 * stored it (Escape does not throw the secret away by accident).
 */
export function SecretDialog({
  title,
  clientId,
  secret,
  onClose,
}: {
  title: string;
  clientId: string;
  secret: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Modal where the browser supports it (the page behind becomes inert); otherwise simply shown.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    secretRef.current?.focus();
    secretRef.current?.select();
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
    };
  }, []);

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      // No clipboard access (an old browser, a denied permission): leave it selected to copy by hand.
      setCopy('failed');
      secretRef.current?.focus();
      secretRef.current?.select();
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="secret-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-warning`}
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-warning`} className="notice notice-warning">
        <strong>{t('admin.secret.warningTitle')}</strong> {t('admin.secret.warning')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-client`}>{t('admin.serviceAccounts.fields.clientId')}</label>
        <input id={`${id}-client`} className="secret-value" readOnly value={clientId} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{t('admin.secret.secret')}</label>
        <input
          ref={secretRef}
          id={`${id}-secret`}
          className="secret-value"
          readOnly
          value={secret}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="form-buttons">
        <button type="button" className="button" onClick={() => void copySecret()}>
          {t('admin.secret.copy')}
        </button>
        <span role="status" className="copy-status">
          {copy === 'copied' && t('admin.secret.copied')}
          {copy === 'failed' && t('admin.secret.copyFailed')}
        </span>
      </div>
      <div className="form-buttons secret-dialog-close">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('admin.secret.close')}
        </button>
      </div>
    </dialog>
  );
}
