import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { SelectField, TextField } from '@/components/form-fields';
import { orgUnitKinds } from '@/features/admin/components/unit-kinds';
import { UnitPicker } from '@/features/admin/components/unit-picker';

type OrgUnitRef = components['schemas']['OrgUnitRef'];

export type UnitValues = {
  code: string;
  name: string;
  shortName: string;
  kind: string;
  parent: OrgUnitRef | null;
};

export const unitFields = ['code', 'name', 'shortName', 'kind', 'parentId'] as const;
export type UnitField = (typeof unitFields)[number];
export type UnitErrors = Partial<Record<UnitField, string>>;

/** Same rule as the server: upper-case letters, digits, dot, underscore, hyphen; 1–64 characters. */
const codePattern = /^[A-Z0-9][A-Z0-9._-]{0,63}$/;

/** Refusals without field errors whose code says which field they concern. */
export const unitCodeFields: Record<string, UnitField> = {
  'access.unit-denied': 'parentId',
  'org-unit.cycle': 'parentId',
  'org-unit.code-taken': 'code',
};

/** The element to focus for a field: the picker's search box stands for the parent. */
export function unitFieldElementId(formId: string, field: UnitField) {
  return field === 'parentId' ? `${formId}-parentId-search` : `${formId}-${field}`;
}

export function checkUnit(
  values: UnitValues,
  { t, withCode, parentRequired }: { t: TFunction; withCode: boolean; parentRequired: boolean },
): UnitErrors {
  const errors: UnitErrors = {};
  if (withCode) {
    if (values.code.trim() === '') errors.code = t('admin.form.required');
    else if (!codePattern.test(values.code.trim())) errors.code = t('admin.units.codeInvalid');
  }
  if (values.name.trim() === '') errors.name = t('admin.form.required');
  if (values.kind === '') errors.kind = t('admin.form.required');
  if (parentRequired && !values.parent) errors.parentId = t('admin.units.parentRequired');
  return errors;
}

/** The fields of a unit; the code is set once, on creation. */
export function UnitFields({
  formId,
  values,
  onChange,
  errors,
  withCode,
  parentClearable,
  excludeId,
}: {
  formId: string;
  values: UnitValues;
  onChange: (values: UnitValues) => void;
  errors: UnitErrors;
  withCode: boolean;
  /** Only administrators make top-level units. */
  parentClearable: boolean;
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const set = (changes: Partial<UnitValues>) => onChange({ ...values, ...changes });
  return (
    <>
      {withCode && (
        <TextField
          id={`${formId}-code`}
          label={t('admin.units.fields.code')}
          hint={t('admin.units.fields.codeHint')}
          error={errors.code}
          required
          value={values.code}
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={64}
          onChange={(code) => set({ code: code.toUpperCase() })}
        />
      )}
      <TextField
        id={`${formId}-name`}
        label={t('admin.units.fields.name')}
        hint={t('admin.units.fields.nameHint')}
        error={errors.name}
        required
        value={values.name}
        maxLength={500}
        onChange={(name) => set({ name })}
      />
      <TextField
        id={`${formId}-shortName`}
        label={t('admin.units.fields.shortName')}
        hint={t('admin.units.fields.shortNameHint')}
        error={errors.shortName}
        value={values.shortName}
        maxLength={200}
        onChange={(shortName) => set({ shortName })}
      />
      <SelectField
        id={`${formId}-kind`}
        label={t('admin.units.fields.kind')}
        error={errors.kind}
        required
        value={values.kind}
        onChange={(kind) => set({ kind })}
      >
        <option value="">{t('admin.units.fields.chooseKind')}</option>
        {orgUnitKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`admin.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <UnitPicker
        id={`${formId}-parentId`}
        label={t('admin.units.fields.parent')}
        hint={parentClearable ? t('admin.units.fields.parentHintAdmin') : undefined}
        error={errors.parentId}
        value={values.parent}
        emptyLabel={t('admin.units.topLevel')}
        clearable={parentClearable}
        excludeId={excludeId}
        onChange={(parent) => set({ parent })}
      />
    </>
  );
}
