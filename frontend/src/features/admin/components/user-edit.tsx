import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetMe } from '@/lib/me';
import { useGetUser, type User } from '@/features/admin/api/get-user';
import { useResetUserPassword } from '@/features/admin/api/reset-user-password';
import { useUpdateUser, type UserUpdate } from '@/features/admin/api/update-user';
import { ActiveBadge, AdminPage } from '@/features/admin/components/admin-page';
import {
  ActivationPanel,
  PanelForm,
  RecordLoading,
  SaveButton,
  useAdminForm,
  useRecordPage,
  type ReloadProps,
} from '@/features/admin/components/admin-form';
import { PendingButton, TextField } from '@/components/form-fields';
import { FormAlert, fieldProblems } from '@/features/admin/components/problems';
import { grantableRoles, personRoles } from '@/features/admin/components/roles';
import {
  checkUser,
  userCodeFields,
  userFieldElementId,
  userFields,
  UserFields,
  type UserValues,
} from '@/features/admin/components/user-fields';

/** One account: its facts, its edit form, (de)activation and a new password. */
export function UserEdit() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { userId = '' } = useParams();
  const userQuery = useGetUser(userId);
  const me = useGetMe().data;
  const page = useRecordPage(userQuery);
  const crumbs = [{ to: '/admin/users', label: t('admin.users.title') }];

  if (userQuery.isPending || userQuery.isError) {
    return (
      <RecordLoading
        title={t('admin.users.editTitle')}
        crumbs={crumbs}
        query={userQuery}
        errorTitle={t('admin.users.loadOneError')}
      />
    );
  }

  const user = userQuery.data;
  const isMe = me?.id === user.id;
  const { done } = page;
  const shared = { user, ...page.reloadProps };

  return (
    <AdminPage title={user.fullName} crumbs={crumbs} message={page.message}>
      <dl className="admin-facts">
        <div>
          <dt>{t('admin.users.fields.username')}</dt>
          <dd>
            <code>{user.username}</code>
          </dd>
        </div>
        <div>
          <dt>{t('admin.columns.state')}</dt>
          <dd>
            <ActiveBadge active={user.active} />
            {user.lockedUntil && (
              <span className="status status-locked">{t('admin.users.locked')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('admin.users.columns.lastSignInAt')}</dt>
          <dd>
            {user.lastSignInAt
              ? formatDate(user.lastSignInAt, lang)
              : t('admin.users.neverSignedIn')}
          </dd>
        </div>
        <div>
          <dt>{t('admin.users.createdAt')}</dt>
          <dd>{formatDate(user.createdAt, lang)}</dd>
        </div>
      </dl>

      <UserEditForm
        key={`edit-${page.generation}`}
        {...shared}
        isMe={isMe}
        onSaved={(saved) => done(t('admin.users.saved', { username: saved.username }))}
      />
      <UserActivation
        key={`active-${page.generation}`}
        {...shared}
        isMe={isMe}
        onDone={(saved) =>
          done(
            saved.active
              ? t('admin.users.reactivated', { username: saved.username })
              : t('admin.users.deactivated', { username: saved.username }),
          )
        }
      />
      <UserPassword
        key={`password-${page.generation}`}
        {...shared}
        onDone={(saved) => done(t('admin.users.passwordSet', { username: saved.username }))}
      />
    </AdminPage>
  );
}

type SectionProps = ReloadProps & { user: User };

function valuesOf(user: User): UserValues {
  return {
    username: user.username,
    fullName: user.fullName,
    email: user.email ?? '',
    phone: user.phone ?? '',
    unit: user.unit,
    roles: personRoles.filter((role) => user.roles.includes(role)),
    password: '',
  };
}

/** The stored account as an update, with `changes` applied: every write sends the whole editable shape. */
function updateOf(user: User, changes: Partial<UserUpdate> = {}): UserUpdate {
  const body: UserUpdate = {
    fullName: user.fullName,
    orgUnitId: user.unit.id,
    roles: user.roles,
    active: user.active,
    ...changes,
  };
  if (body.email === undefined && user.email) body.email = user.email;
  if (body.phone === undefined && user.phone) body.phone = user.phone;
  return body;
}

function UserEditForm({
  user,
  reloading,
  onReload,
  isMe,
  onSaved,
}: SectionProps & { isMe: boolean; onSaved: (user: User) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const grantable = grantableRoles(useGetMe().data?.grantableRoles ?? []);
  const update = useUpdateUser();
  const [base] = useState(user);
  const form = useAdminForm({
    formId,
    initial: () => valuesOf(base),
    fields: userFields,
    codeFields: userCodeFields,
    elementId: userFieldElementId,
    mutation: update,
    check: (values) => checkUser(values, t, { creating: false }),
    request: (values) => {
      if (!values.unit) return null;
      const body: UserUpdate = {
        fullName: values.fullName.trim(),
        orgUnitId: values.unit.id,
        roles: values.roles,
        active: base.active,
      };
      if (values.email.trim()) body.email = values.email.trim();
      if (values.phone.trim()) body.phone = values.phone.trim();
      return { userId: base.id, version: base.version, body };
    },
    onSuccess: onSaved,
  });

  return (
    <PanelForm formId={formId} heading={t('admin.users.editHeading')} onSubmit={form.submit}>
      {isMe && <p className="field-hint">{t('admin.users.selfRoles')}</p>}
      <UserFields
        formId={formId}
        values={form.values}
        onChange={form.onChange}
        errors={form.errors}
        creating={false}
        grantable={isMe ? [] : grantable}
      />
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

function UserActivation({
  user,
  isMe,
  onDone,
  ...reloadProps
}: SectionProps & { isMe: boolean; onDone: (user: User) => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  return (
    <ActivationPanel
      {...reloadProps}
      active={user.active}
      locked={isMe ? t('admin.users.selfDeactivate') : undefined}
      texts={{
        heading: t('admin.users.activationHeading'),
        offIntro: t('admin.users.deactivateIntro'),
        offQuestion: t('admin.users.deactivateQuestion', { username: user.username }),
        off: t('admin.users.deactivate'),
        offConfirm: t('admin.users.deactivateConfirm'),
        offPending: t('admin.users.deactivating'),
        onIntro: t('admin.users.reactivateIntro'),
      }}
      mutation={update}
      apply={(active, settled) =>
        update.mutate(
          { userId: user.id, version: user.version, body: updateOf(user, { active }) },
          { onSuccess: onDone, onSettled: settled },
        )
      }
    />
  );
}

function UserPassword({
  user,
  reloading,
  onReload,
  onDone,
}: SectionProps & { onDone: (user: User) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const reset = useResetUserPassword();
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const [checked, setChecked] = useState<string | undefined>();
  const placed = fieldProblems(reset.error, ['newPassword'] as const);
  const error = checked ?? placed.newPassword;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reset.isPending) return;
    if (password === '') {
      setChecked(t('admin.form.required'));
      reset.reset();
      document.getElementById(`${formId}-newPassword`)?.focus();
      return;
    }
    setChecked(undefined);
    reset.mutate(
      { userId: user.id, version: user.version, newPassword: password },
      {
        onSuccess: onDone,
        onError: () => document.getElementById(`${formId}-newPassword`)?.focus(),
      },
    );
  }

  return (
    <PanelForm formId={formId} heading={t('admin.users.passwordHeading')} onSubmit={submit}>
      <p className="muted">{t('admin.users.passwordIntro')}</p>
      <TextField
        id={`${formId}-newPassword`}
        type={show ? 'text' : 'password'}
        label={t('admin.users.fields.newPassword')}
        hint={t('auth.changePassword.newPasswordHint')}
        error={error}
        required
        autoComplete="new-password"
        value={password}
        maxLength={128}
        onChange={setPassword}
      />
      <label className="field-check-inline">
        <input type="checkbox" checked={show} onChange={(event) => setShow(event.target.checked)} />
        {t('admin.users.showPassword')}
      </label>
      <FormAlert
        error={reset.error}
        placed={{ newPassword: placed.newPassword }}
        onReload={onReload}
        reloading={reloading}
      />
      <div className="form-buttons">
        <PendingButton
          pending={reset.isPending}
          label={t('admin.users.setPassword')}
          pendingLabel={t('admin.users.settingPassword')}
        />
      </div>
    </PanelForm>
  );
}
