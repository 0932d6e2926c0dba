import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { TextField } from '@/components/form-fields';
import { firstRoleElementId, RolePicker } from '@/features/admin/components/role-picker';
import type { PersonRole } from '@/features/admin/components/roles';
import { UnitPicker } from '@/features/admin/components/unit-picker';

type OrgUnitRef = components['schemas']['OrgUnitRef'];

export type UserValues = {
  username: string;
  fullName: string;
  email: string;
  phone: string;
  unit: OrgUnitRef | null;
  roles: PersonRole[];
  password: string;
};

export const userFields = [
  'username',
  'fullName',
  'email',
  'phone',
  'orgUnitId',
  'roles',
  'password',
] as const;
export type UserField = (typeof userFields)[number];
export type UserErrors = Partial<Record<UserField, string>>;

/** Refusals without field errors whose code says which field they concern. */
export const userCodeFields: Record<string, UserField> = {
  'access.unit-denied': 'orgUnitId',
  'access.role-denied': 'roles',
  'user.username-taken': 'username',
};

// The server's rules, checked here first so that the person need not wait for an answer to fix a typo.
const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const phonePattern = /^[0-9 +().-]{6,32}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkUser(values: UserValues, t: TFunction, { creating }: { creating: boolean }) {
  const errors: UserErrors = {};
  const required = t('admin.form.required');
  if (creating) {
    if (values.username.trim() === '') errors.username = required;
    else if (!usernamePattern.test(values.username.trim()))
      errors.username = t('admin.users.usernameInvalid');
  }
  if (values.fullName.trim() === '') errors.fullName = required;
  if (values.email.trim() && !emailPattern.test(values.email.trim()))
    errors.email = t('admin.users.emailInvalid');
  if (values.phone.trim() && !phonePattern.test(values.phone.trim()))
    errors.phone = t('admin.users.phoneInvalid');
  if (!values.unit) errors.orgUnitId = t('admin.users.unitRequired');
  if (values.roles.length === 0) errors.roles = t('admin.roles.required');
  if (creating && values.password === '') errors.password = required;
  return errors;
}

export function userFieldElementId(formId: string, field: UserField, values: UserValues) {
  if (field === 'orgUnitId') return `${formId}-orgUnitId-search`;
  if (field === 'roles') return firstRoleElementId(formId, values.roles);
  return `${formId}-${field}`;
}

/** The fields of a person's account; the user name and first password are set on creation only. */
export function UserFields({
  formId,
  values,
  onChange,
  errors,
  creating,
  grantable,
}: {
  formId: string;
  values: UserValues;
  onChange: (values: UserValues) => void;
  errors: UserErrors;
  creating: boolean;
  grantable: readonly PersonRole[];
}) {
  const { t } = useTranslation();
  const [showPassword, setShowPassword] = useState(false);
  const set = (changes: Partial<UserValues>) => onChange({ ...values, ...changes });
  return (
    <>
      {creating && (
        <TextField
          id={`${formId}-username`}
          label={t('admin.users.fields.username')}
          hint={t('admin.users.fields.usernameHint')}
          error={errors.username}
          required
          value={values.username}
          spellCheck={false}
          autoCapitalize="none"
          maxLength={64}
          onChange={(username) => set({ username: username.toLowerCase() })}
        />
      )}
      <TextField
        id={`${formId}-fullName`}
        label={t('admin.users.fields.fullName')}
        error={errors.fullName}
        required
        value={values.fullName}
        maxLength={200}
        onChange={(fullName) => set({ fullName })}
      />
      <TextField
        id={`${formId}-email`}
        type="email"
        label={t('admin.users.fields.email')}
        error={errors.email}
        value={values.email}
        maxLength={254}
        onChange={(email) => set({ email })}
      />
      <TextField
        id={`${formId}-phone`}
        type="tel"
        label={t('admin.users.fields.phone')}
        error={errors.phone}
        value={values.phone}
        maxLength={32}
        onChange={(phone) => set({ phone })}
      />
      <UnitPicker
        id={`${formId}-orgUnitId`}
        label={t('admin.users.fields.unit')}
        hint={t('admin.users.fields.unitHint')}
        error={errors.orgUnitId}
        value={values.unit}
        clearable={false}
        onChange={(unit) => set({ unit })}
      />
      <RolePicker
        formId={formId}
        value={values.roles}
        onChange={(roles) => set({ roles })}
        grantable={grantable}
        unitId={values.unit?.id ?? null}
        error={errors.roles}
      />
      {creating && (
        <div className="password-field">
          <TextField
            id={`${formId}-password`}
            type={showPassword ? 'text' : 'password'}
            label={t('admin.users.fields.password')}
            hint={t('auth.changePassword.newPasswordHint')}
            error={errors.password}
            required
            autoComplete="new-password"
            value={values.password}
            maxLength={128}
            onChange={(password) => set({ password })}
          />
          <label className="field-check-inline">
            <input
              type="checkbox"
              checked={showPassword}
              onChange={(event) => setShowPassword(event.target.checked)}
            />
            {t('admin.users.showPassword')}
          </label>
        </div>
      )}
    </>
  );
}
