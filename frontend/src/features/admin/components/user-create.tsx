import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useGetMe } from '@/lib/me';
import { useCreateUser, type UserCreate as UserCreateBody } from '@/features/admin/api/create-user';
import { AdminPage, withArrival } from '@/features/admin/components/admin-page';
import { Spinner } from '@/components/form-fields';
import { FormAlert, fieldProblems } from '@/features/admin/components/problems';
import { grantableRoles } from '@/features/admin/components/roles';
import {
  checkUser,
  userCodeFields,
  userFieldElementId,
  userFields,
  UserFields,
  type UserErrors,
  type UserValues,
} from '@/features/admin/components/user-fields';

const empty: UserValues = {
  username: '',
  fullName: '',
  email: '',
  phone: '',
  unit: null,
  roles: [],
  password: '',
};

/** A new account of a person: who, in which unit, with which roles, and a first password. */
export function UserCreate() {
  const { t } = useTranslation();
  const formId = useId();
  const navigate = useNavigate();
  const grantable = grantableRoles(useGetMe().data?.roles ?? []);
  const create = useCreateUser();
  const [values, setValues] = useState<UserValues>(empty);
  const [checked, setChecked] = useState<UserErrors>({});

  const placed = fieldProblems(create.error, userFields, userCodeFields);
  const errors: UserErrors = { ...placed, ...checked };

  function focusFirst(found: UserErrors) {
    const first = userFields.find((field) => found[field]);
    if (first) document.getElementById(userFieldElementId(formId, first, values))?.focus();
    return Boolean(first);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found = checkUser(values, t, { creating: true });
    setChecked(found);
    if (focusFirst(found) || !values.unit) {
      create.reset();
      return;
    }
    const body: UserCreateBody = {
      username: values.username.trim(),
      fullName: values.fullName.trim(),
      orgUnitId: values.unit.id,
      roles: values.roles,
      password: values.password,
    };
    if (values.email.trim()) body.email = values.email.trim();
    if (values.phone.trim()) body.phone = values.phone.trim();
    create.mutate(body, {
      onSuccess: (user) =>
        void navigate(`/admin/users/${user.id}`, {
          state: withArrival(t('admin.users.created', { username: user.username })),
        }),
      onError: (error) => focusFirst(fieldProblems(error, userFields, userCodeFields)),
    });
  }

  return (
    <AdminPage
      title={t('admin.users.add')}
      crumbs={[{ to: '/admin/users', label: t('admin.users.title') }]}
    >
      <form className="form-stack admin-form" noValidate onSubmit={submit}>
        <UserFields
          formId={formId}
          values={values}
          onChange={(next) => {
            setValues(next);
            setChecked({});
          }}
          errors={errors}
          creating
          grantable={grantable}
        />
        <FormAlert error={create.error} placed={placed} />
        <div className="form-buttons">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending && <Spinner />}
            {create.isPending ? t('admin.users.creating') : t('admin.users.create')}
          </button>
        </div>
      </form>
    </AdminPage>
  );
}
