import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BusyButton, SelectField, TextField } from '@/components/form-fields';
import type { PlanGroup } from '@/features/plans/api/get-groups';

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

type PlaceField = 'groupId' | 'order' | 'code';

/**
 * The first part of the form of a plan's indicator or task: where it stands in the appendix (its group, its
 * order there, its code), then the item's own fields (`children`).
 */
export function ItemPlaceFieldset({
  planId,
  kind,
  groups,
  values,
  err,
  onChange,
  children,
}: {
  planId: string;
  kind: 'indicator' | 'task';
  /** The plan's groups of this kind of item. */
  groups: PlanGroup[];
  values: Record<PlaceField, string>;
  err: (field: string) => string | undefined;
  onChange: (field: PlaceField, value: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plan-fieldset">
      <legend>
        {kind === 'indicator' ? t('plan.appendix.indicators') : t('plan.appendix.tasks')}
      </legend>
      {groups.length === 0 && (
        <p className="notice">
          {t(`plan.${kind}.noGroups`)}{' '}
          <Link to={`/plans/${planId}/groups`}>{t('plan.actions.groups')}</Link>
        </p>
      )}
      <div className="plan-form-grid">
        <SelectField
          name="groupId"
          label={t(`plan.${kind}.group`)}
          value={values.groupId}
          error={err('groupId')}
          options={[
            { value: '', label: '—' },
            ...groups.map((g) => ({ value: g.id, label: `${g.code}. ${g.name}` })),
          ]}
          onChange={(v) => onChange('groupId', v)}
        />
        <TextField
          name="order"
          inputMode="numeric"
          label={t(`plan.${kind}.order`)}
          value={values.order}
          error={err('order')}
          onChange={(v) => onChange('order', v)}
        />
        <TextField
          name="code"
          label={t(`plan.${kind}.code`)}
          hint={t(`plan.${kind}.codeHint`)}
          value={values.code}
          error={err('code')}
          onChange={(v) => onChange('code', v)}
        />
        {children}
      </div>
    </fieldset>
  );
}
