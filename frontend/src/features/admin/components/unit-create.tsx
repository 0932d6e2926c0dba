import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useGetMe } from '@/lib/me';
import { useCreateOrgUnit, type OrgUnitCreate } from '@/features/admin/api/create-org-unit';
import { useGetOrgUnit } from '@/features/admin/api/get-org-unit';
import { AdminPage, withArrival } from '@/features/admin/components/admin-page';
import { Spinner } from '@/components/form-fields';
import { FormAlert, fieldProblems } from '@/features/admin/components/problems';
import {
  checkUnit,
  unitCodeFields,
  unitFieldElementId,
  unitFields,
  UnitFields,
  type UnitErrors,
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
  const isAdmin = useGetMe().data?.roles.includes('ADMIN') ?? false;
  const create = useCreateOrgUnit();
  const [values, setValues] = useState<UnitValues>({
    code: '',
    name: '',
    shortName: '',
    kind: '',
    parent,
  });
  const [checked, setChecked] = useState<UnitErrors>({});

  const placed = fieldProblems(create.error, unitFields, unitCodeFields);
  const errors: UnitErrors = { ...placed, ...checked };

  function focusFirst(found: UnitErrors) {
    const first = unitFields.find((field) => found[field]);
    if (first) document.getElementById(unitFieldElementId(formId, first))?.focus();
    return Boolean(first);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found = checkUnit(values, { t, withCode: true, parentRequired: !isAdmin });
    setChecked(found);
    if (focusFirst(found) || !isOrgUnitKind(values.kind)) {
      create.reset();
      return;
    }
    const body: OrgUnitCreate = {
      code: values.code.trim(),
      name: values.name.trim(),
      kind: values.kind,
    };
    if (values.shortName.trim()) body.shortName = values.shortName.trim();
    if (values.parent) body.parentId = values.parent.id;
    create.mutate(body, {
      onSuccess: (unit) =>
        void navigate(`/admin/units/${unit.id}`, {
          state: withArrival(t('admin.units.created', { name: unit.name })),
        }),
      onError: (error) => focusFirst(fieldProblems(error, unitFields, unitCodeFields)),
    });
  }

  return (
    <form className="form-stack admin-form" noValidate onSubmit={submit}>
      <UnitFields
        formId={formId}
        values={values}
        onChange={(next) => {
          setValues(next);
          setChecked({});
        }}
        errors={errors}
        withCode
        parentClearable={isAdmin}
      />
      <FormAlert error={create.error} placed={placed} />
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending && <Spinner />}
          {create.isPending ? t('admin.units.creating') : t('admin.units.create')}
        </button>
      </div>
    </form>
  );
}
