import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PendingButton } from '@/components/form-fields';

/**
 * A second step before an action that cannot be taken back (delete, revoke, a new secret): says what will
 * happen, then offers the action and a way out.
 */
export function ConfirmStep({
  question,
  confirmLabel,
  pendingLabel,
  pending,
  danger = true,
  onConfirm,
  onCancel,
}: {
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // Read the question first: it is what the user has to decide on.
    questionRef.current?.focus();
  }, []);
  return (
    <div className="confirm-step">
      <p ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div className="form-buttons">
        <PendingButton
          type="button"
          className={`button ${danger ? 'button-danger' : 'button-primary'}`}
          pending={pending}
          label={confirmLabel}
          pendingLabel={pendingLabel}
          onClick={onConfirm}
        />
        <button type="button" className="button" disabled={pending} onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </div>
  );
}
