import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useGetMe } from '@/lib/me';
import { useCreateUser, type UserCreate as UserCreateBody } from '@/features/admin/api/create-user';
import { AdminPage, withArrival } from '@/features/admin/components/admin-page';
import { PendingButton } from '@/components/form-fields';
import { useAdminForm } from '@/features/admin/components/admin-form';
import { FormAlert } from '@/features/admin/components/problems';
import { grantableRoles } from '@/features/admin/components/roles';
import {
  checkUser,
  userCodeFields,
  userFieldElementId,
  userFields,
  UserFields,
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
  const grantable = grantableRoles(useGetMe().data?.grantableRoles ?? []);
  const create = useCreateUser();
  const form = useAdminForm({
    formId,
    initial: empty,
    fields: userFields,
    codeFields: userCodeFields,
    elementId: userFieldElementId,
    mutation: create,
    check: (values) => checkUser(values, t, { creating: true }),
    request: (values) => {
      if (!values.unit) return null;
      const body: UserCreateBody = {
        username: values.username.trim(),
        fullName: values.fullName.trim(),
        orgUnitId: values.unit.id,
        roles: values.roles,
        password: values.password,
      };
      if (values.email.trim()) body.email = values.email.trim();
      if (values.phone.trim()) body.phone = values.phone.trim();
      return body;
    },
    onSuccess: (user) =>
      void navigate(`/admin/users/${user.id}`, {
        state: withArrival(t('admin.users.created', { username: user.username })),
      }),
  });

  return (
    <AdminPage
      title={t('admin.users.add')}
      crumbs={[{ to: '/admin/users', label: t('admin.users.title') }]}
    >
      <form className="form-stack admin-form" noValidate onSubmit={form.submit}>
        <UserFields
          formId={formId}
          values={form.values}
          onChange={form.onChange}
          errors={form.errors}
          creating
          grantable={grantable}
        />
        <FormAlert error={create.error} placed={form.placed} />
        <div className="form-buttons">
          <PendingButton
            pending={create.isPending}
            label={t('admin.users.create')}
            pendingLabel={t('admin.users.creating')}
          />
        </div>
      </form>
    </AdminPage>
  );
}
