import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { TextAreaField, TextField } from '@/components/form-fields';
import { UnitPicker } from '@/features/admin/components/unit-picker';

type OrgUnitRef = components['schemas']['OrgUnitRef'];

export type ServiceAccountValues = {
  clientId: string;
  name: string;
  description: string;
  unit: OrgUnitRef | null;
};

export const serviceAccountFields = ['clientId', 'name', 'description', 'orgUnitId'] as const;
export type ServiceAccountField = (typeof serviceAccountFields)[number];
export type ServiceAccountErrors = Partial<Record<ServiceAccountField, string>>;

export const serviceAccountCodeFields: Record<string, ServiceAccountField> = {
  'access.unit-denied': 'orgUnitId',
  'service-account.client-id-taken': 'clientId',
};

const clientIdPattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export function checkServiceAccount(
  values: ServiceAccountValues,
  t: TFunction,
  { creating }: { creating: boolean },
) {
  const errors: ServiceAccountErrors = {};
  if (creating) {
    if (values.clientId.trim() === '') errors.clientId = t('admin.form.required');
    else if (!clientIdPattern.test(values.clientId.trim()))
      errors.clientId = t('admin.serviceAccounts.clientIdInvalid');
  }
  if (values.name.trim() === '') errors.name = t('admin.form.required');
  if (!values.unit) errors.orgUnitId = t('admin.serviceAccounts.unitRequired');
  return errors;
}

export function serviceAccountElementId(formId: string, field: ServiceAccountField) {
  return field === 'orgUnitId' ? `${formId}-orgUnitId-search` : `${formId}-${field}`;
}

/** The fields of a service account; its client id is set once, on creation. */
export function ServiceAccountFields({
  formId,
  values,
  onChange,
  errors,
  creating,
}: {
  formId: string;
  values: ServiceAccountValues;
  onChange: (values: ServiceAccountValues) => void;
  errors: ServiceAccountErrors;
  creating: boolean;
}) {
  const { t } = useTranslation();
  const set = (changes: Partial<ServiceAccountValues>) => onChange({ ...values, ...changes });
  return (
    <>
      {creating && (
        <TextField
          id={`${formId}-clientId`}
          label={t('admin.serviceAccounts.fields.clientId')}
          hint={t('admin.serviceAccounts.fields.clientIdHint')}
          error={errors.clientId}
          required
          value={values.clientId}
          spellCheck={false}
          autoCapitalize="none"
          maxLength={64}
          onChange={(clientId) => set({ clientId: clientId.toLowerCase() })}
        />
      )}
      <TextField
        id={`${formId}-name`}
        label={t('admin.serviceAccounts.fields.name')}
        hint={t('admin.serviceAccounts.fields.nameHint')}
        error={errors.name}
        required
        value={values.name}
        maxLength={200}
        onChange={(name) => set({ name })}
      />
      <TextAreaField
        id={`${formId}-description`}
        label={t('admin.serviceAccounts.fields.description')}
        error={errors.description}
        value={values.description}
        onChange={(description) => set({ description })}
      />
      <UnitPicker
        id={`${formId}-orgUnitId`}
        label={t('admin.serviceAccounts.fields.unit')}
        hint={t('admin.serviceAccounts.fields.unitHint')}
        error={errors.orgUnitId}
        value={values.unit}
        clearable={false}
        onChange={(unit) => set({ unit })}
      />
    </>
  );
}
