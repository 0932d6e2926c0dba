import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { components } from '@/api/schema';
import { ApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetMe } from '@/lib/me';
import { useDeleteOrgUnit } from '@/features/admin/api/delete-org-unit';
import { useGetOrgUnit } from '@/lib/org-units';
import { useUpdateOrgUnit, type OrgUnitUpdate } from '@/features/admin/api/update-org-unit';
import { useUpdateOrgUnitAliases } from '@/features/admin/api/update-org-unit-aliases';
import { ActiveBadge, AdminPage, withArrival } from '@/features/admin/components/admin-page';
import {
  PanelForm,
  RecordLoading,
  SaveButton,
  useAdminForm,
  useRecordPage,
  type ReloadProps,
} from '@/features/admin/components/admin-form';
import { ConfirmStep } from '@/features/admin/components/confirm-step';
import { PendingButton } from '@/components/form-fields';
import { FormAlert } from '@/features/admin/components/problems';
import {
  checkUnit,
  unitCodeFields,
  unitFieldElementId,
  unitFields,
  UnitFields,
  type UnitValues,
} from '@/features/admin/components/unit-fields';
import { isOrgUnitKind } from '@/features/admin/components/unit-kinds';

type OrgUnit = components['schemas']['OrgUnit'];

/** One unit: its facts, its edit form (rename, re-kind, move, (de)activate) and its deletion. */
export function UnitEdit() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { unitId = '' } = useParams();
  const unitQuery = useGetOrgUnit(unitId);
  const page = useRecordPage(unitQuery);
  const crumbs = [{ to: '/admin/units', label: t('admin.units.title') }];

  if (unitQuery.isPending || unitQuery.isError) {
    return (
      <RecordLoading
        title={t('admin.units.title')}
        crumbs={crumbs}
        query={unitQuery}
        errorTitle={t('admin.units.loadOneError')}
      />
    );
  }

  const unit = unitQuery.data;
  const { done } = page;

  return (
    <AdminPage title={unit.name} crumbs={crumbs} message={page.message}>
      <dl className="admin-facts">
        <div>
          <dt>{t('admin.units.fields.code')}</dt>
          <dd>
            <code>{unit.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t('admin.columns.state')}</dt>
          <dd>
            <ActiveBadge active={unit.active} />
          </dd>
        </div>
        <div>
          <dt>{t('admin.units.columns.parent')}</dt>
          <dd>
            {unit.ancestors.length > 0
              ? unit.ancestors.map((a) => a.name).join(' › ')
              : t('admin.units.topLevel')}
          </dd>
        </div>
        <div>
          <dt>{t('admin.columns.updatedAt')}</dt>
          <dd>{formatDate(unit.updatedAt, lang)}</dd>
        </div>
      </dl>
      <p className="admin-links">
        <Link to={`/admin/units?parentId=${encodeURIComponent(unit.id)}`}>
          {t('admin.units.children')}
        </Link>
        <Link to={`/admin/units/new?parentId=${encodeURIComponent(unit.id)}`}>
          {t('admin.units.addChild')}
        </Link>
        <Link to={`/admin/users?withinUnitId=${encodeURIComponent(unit.id)}`}>
          {t('admin.units.usersOf')}
        </Link>
      </p>

      <UnitEditForm
        key={`edit-${page.generation}`}
        unit={unit}
        {...page.reloadProps}
        onSaved={(saved) => done(t('admin.units.saved', { name: saved.name }))}
      />
      <UnitAliasesForm
        key={`aliases-${page.generation}`}
        unit={unit}
        {...page.reloadProps}
        onSaved={(saved) => done(t('admin.units.aliasesSaved', { name: saved.name }))}
      />
      <UnitDelete
        key={`delete-${page.generation}`}
        unit={unit}
        {...page.reloadProps}
        onDeactivated={(saved) => done(t('admin.units.deactivated', { name: saved.name }))}
      />
    </AdminPage>
  );
}

function valuesOf(unit: OrgUnit): UnitValues {
  return {
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName ?? '',
    kind: unit.kind,
    parent: unit.parent,
  };
}

function UnitEditForm({
  unit,
  reloading,
  onReload,
  onSaved,
}: ReloadProps & { unit: OrgUnit; onSaved: (unit: OrgUnit) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  // Units without a parent are placed by those the server lets place them (administrators).
  const placesTopUnits = useGetMe().data?.actions.includes('MANAGE_TOP_UNITS') ?? false;
  const update = useUpdateOrgUnit();
  // The version this form was opened at: a change stored since then must not be overwritten unseen.
  const [base] = useState(unit);
  const [active, setActive] = useState(base.active);
  const form = useAdminForm({
    formId,
    initial: () => valuesOf(base),
    fields: unitFields,
    codeFields: unitCodeFields,
    elementId: unitFieldElementId,
    mutation: update,
    check: (values) =>
      checkUnit(values, {
        t,
        withCode: false,
        parentRequired: !placesTopUnits && base.parent !== null,
      }),
    request: (values) => {
      if (!isOrgUnitKind(values.kind)) return null;
      const body: OrgUnitUpdate = { name: values.name.trim(), kind: values.kind, active };
      if (values.shortName.trim()) body.shortName = values.shortName.trim();
      if (values.parent) body.parentId = values.parent.id;
      return { id: base.id, version: base.version, body };
    },
    onSuccess: onSaved,
  });

  return (
    <PanelForm formId={formId} heading={t('admin.units.editHeading')} onSubmit={form.submit}>
      <UnitFields
        formId={formId}
        values={form.values}
        onChange={form.onChange}
        errors={form.errors}
        withCode={false}
        parentClearable={placesTopUnits}
        excludeId={base.id}
      />
      <div className="field-check">
        <label>
          <input
            type="checkbox"
            checked={active}
            aria-describedby={`${formId}-active-hint`}
            onChange={(event) => setActive(event.target.checked)}
          />
          {t('admin.units.fields.active')}
        </label>
        <p id={`${formId}-active-hint`} className="field-hint">
          {t('admin.units.fields.activeHint')}
        </p>
      </div>
      <FormAlert
        error={update.error}
        placed={form.placed}
        onReload={onReload}
        reloading={reloading}
      />
      <SaveButton pending={update.isPending} />
    </PanelForm>
  );
}

/**
 * The other names documents give the unit ("Phòng VH&XH"), one a line: the plan intake matches them as it matches the
 * unit's name, and adds those a person picks the unit for.
 */
function UnitAliasesForm({
  unit,
  reloading,
  onReload,
  onSaved,
}: ReloadProps & { unit: OrgUnit; onSaved: (unit: OrgUnit) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const save = useUpdateOrgUnitAliases();
  const [base] = useState(unit);
  const [text, setText] = useState(base.aliases.join('\n'));

  function submit(event: FormEvent) {
    event.preventDefault();
    const aliases = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    save.mutate({ id: base.id, version: base.version, aliases }, { onSuccess: onSaved });
  }

  return (
    <PanelForm formId={formId} heading={t('admin.units.aliasesHeading')} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${formId}-aliases`}>{t('admin.units.fields.aliases')}</label>
        <textarea
          id={`${formId}-aliases`}
          rows={Math.min(8, Math.max(3, base.aliases.length + 1))}
          value={text}
          aria-describedby={`${formId}-aliases-hint`}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={`${formId}-aliases-hint`} className="field-hint">
          {t('admin.units.fields.aliasesHint')}
        </p>
      </div>
      <FormAlert error={save.error} placed={{}} onReload={onReload} reloading={reloading} />
      <div className="form-buttons">
        <PendingButton
          pending={save.isPending}
          label={t('admin.units.aliasesSave')}
          pendingLabel={t('admin.saving')}
        />
      </div>
    </PanelForm>
  );
}

function UnitDelete({
  unit,
  reloading,
  onReload,
  onDeactivated,
}: ReloadProps & { unit: OrgUnit; onDeactivated: (unit: OrgUnit) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const navigate = useNavigate();
  const remove = useDeleteOrgUnit();
  const deactivate = useUpdateOrgUnit();
  const [confirming, setConfirming] = useState(false);
  const refusal =
    remove.error instanceof ApiError && remove.error.code === 'org-unit.referenced'
      ? remove.error
      : null;

  function doDelete() {
    deactivate.reset();
    remove.mutate(
      { id: unit.id, version: unit.version },
      {
        onSuccess: () =>
          void navigate('/admin/units', {
            state: withArrival(t('admin.units.deleted', { name: unit.name })),
          }),
        onSettled: () => setConfirming(false),
      },
    );
  }

  function doDeactivate() {
    const body: OrgUnitUpdate = { name: unit.name, kind: unit.kind, active: false };
    if (unit.shortName) body.shortName = unit.shortName;
    if (unit.parent) body.parentId = unit.parent.id;
    deactivate.mutate({ id: unit.id, version: unit.version, body }, { onSuccess: onDeactivated });
  }

  return (
    <section className="admin-panel danger-zone" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.units.deleteHeading')}</h2>
      <p className="muted">{t('admin.units.deleteIntro')}</p>
      {confirming ? (
        <ConfirmStep
          question={t('admin.units.deleteQuestion', { name: unit.name, code: unit.code })}
          confirmLabel={t('admin.units.deleteConfirm')}
          pendingLabel={t('admin.units.deleting')}
          pending={remove.isPending}
          onConfirm={doDelete}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
        >
          {t('admin.units.delete')}
        </button>
      )}
      {refusal ? (
        <div role="alert" className="form-alert">
          <div className="notice notice-error">
            <p>{refusal.detail}</p>
            <p>
              {unit.active ? t('admin.units.referencedHint') : t('admin.units.referencedInactive')}
            </p>
            {unit.active && (
              <PendingButton
                type="button"
                className="button"
                pending={deactivate.isPending}
                label={t('admin.units.deactivate')}
                pendingLabel={t('admin.units.deactivating')}
                onClick={doDeactivate}
              />
            )}
          </div>
        </div>
      ) : (
        <FormAlert error={remove.error} placed={{}} onReload={onReload} reloading={reloading} />
      )}
      {deactivate.isError && (
        <FormAlert error={deactivate.error} placed={{}} onReload={onReload} reloading={reloading} />
      )}
    </section>
  );
}
