import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useGetMe } from '@/lib/me';
import { useCreateOrgUnit, type OrgUnitCreate } from '@/features/admin/api/create-org-unit';
import { useGetOrgUnit } from '@/lib/org-units';
import { AdminPage, withArrival } from '@/features/admin/components/admin-page';
import { PendingButton } from '@/components/form-fields';
import { useAdminForm } from '@/features/admin/components/admin-form';
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

/** A new unit, below the one named by `?parentId=` when there is one. */
export function UnitCreate() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const parentQuery = useGetOrgUnit(params.get('parentId'));
  const title = t('admin.units.add');
  const crumbs = [{ to: '/admin/units', label: t('admin.units.title') }];
  if (params.get('parentId') && parentQuery.isPending) {
    return (
      <AdminPage title={title} crumbs={crumbs}>
        <p role="status" className="notice">
          {t('admin.loading')}
        </p>
      </AdminPage>
    );
  }
  return (
    <AdminPage title={title} crumbs={crumbs}>
      <UnitCreateForm parent={parentQuery.data ?? null} />
    </AdminPage>
  );
}

function UnitCreateForm({ parent }: { parent: UnitValues['parent'] }) {
  const { t } = useTranslation();
  const formId = useId();
  const navigate = useNavigate();
  // Units without a parent are placed by those the server lets place them (administrators).
  const placesTopUnits = useGetMe().data?.actions.includes('MANAGE_TOP_UNITS') ?? false;
  const create = useCreateOrgUnit();
  const form = useAdminForm({
    formId,
    initial: (): UnitValues => ({ code: '', name: '', shortName: '', kind: '', parent }),
    fields: unitFields,
    codeFields: unitCodeFields,
    elementId: unitFieldElementId,
    mutation: create,
    check: (values) => checkUnit(values, { t, withCode: true, parentRequired: !placesTopUnits }),
    request: (values) => {
      if (!isOrgUnitKind(values.kind)) return null;
      const body: OrgUnitCreate = {
        code: values.code.trim(),
        name: values.name.trim(),
        kind: values.kind,
      };
      if (values.shortName.trim()) body.shortName = values.shortName.trim();
      if (values.parent) body.parentId = values.parent.id;
      return body;
    },
    onSuccess: (unit) =>
      void navigate(`/admin/units/${unit.id}`, {
        state: withArrival(t('admin.units.created', { name: unit.name })),
      }),
  });

  return (
    <form className="form-stack admin-form" noValidate onSubmit={form.submit}>
      <UnitFields
        formId={formId}
        values={form.values}
        onChange={form.onChange}
        errors={form.errors}
        withCode
        parentClearable={placesTopUnits}
      />
      <FormAlert error={create.error} placed={form.placed} />
      <div className="form-buttons">
        <PendingButton
          pending={create.isPending}
          label={t('admin.units.create')}
          pendingLabel={t('admin.units.creating')}
        />
      </div>
    </form>
  );
}
