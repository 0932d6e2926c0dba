import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BusyButton } from '@/components/form-fields';

/**
 * The end of the form of a plan's indicator or task: save, back to the plan, and for a stored item its
 * deletion, after a second step that names it.
 */
export function ItemFormActions({
  planId,
  stored,
  confirming,
  onConfirming,
  saving,
  deleting,
  onDelete,
  texts,
}: {
  planId: string;
  /** Whether the item is stored (and so can be deleted). */
  stored: boolean;
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  saving: boolean;
  deleting: boolean;
  onDelete: () => void;
  texts: { delete: string; deleting: string; question: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      {stored && confirming && (
        <section className="plan-panel plan-panel-danger" aria-label={texts.delete}>
          <p>{texts.question}</p>
          <div className="plan-form-buttons">
            <BusyButton
              type="button"
              className="button button-danger"
              busy={deleting}
              label={texts.delete}
              busyLabel={texts.deleting}
              onClick={onDelete}
            />
            <button type="button" className="button" onClick={() => onConfirming(false)}>
              {t('plan.actions.cancel')}
            </button>
          </div>
        </section>
      )}

      <div className="plan-form-actions">
        {stored && !confirming && (
          <button type="button" className="button button-danger" onClick={() => onConfirming(true)}>
            {texts.delete}
          </button>
        )}
        <Link to={`/plans/${planId}`} className="button">
          {t('plan.form.cancel')}
        </Link>
        <BusyButton busy={saving} label={t('plan.form.save')} busyLabel={t('plan.form.saving')} />
      </div>
    </>
  );
}
