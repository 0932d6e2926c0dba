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
import { ConfirmStep } from '@/features/admin/components/confirm-step';
import { Spinner, TextField } from '@/components/form-fields';
import { FormAlert, fieldProblems } from '@/features/admin/components/problems';
import { grantableRoles, personRoles } from '@/features/admin/components/roles';
import {
  checkUser,
  userCodeFields,
  userFieldElementId,
  userFields,
  UserFields,
  type UserErrors,
  type UserValues,
} from '@/features/admin/components/user-fields';
import { LoadError } from '@/components/load-error';

/** One account: its facts, its edit form, (de)activation and a new password. */
export function UserEdit() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { userId = '' } = useParams();
  const userQuery = useGetUser(userId);
  const me = useGetMe().data;
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const crumbs = [{ to: '/admin/users', label: t('admin.users.title') }];

  if (userQuery.isPending || userQuery.isError) {
    return (
      <AdminPage title={t('admin.users.editTitle')} crumbs={crumbs}>
        {userQuery.isPending ? (
          <p role="status" className="notice">
            {t('admin.loading')}
          </p>
        ) : (
          <LoadError
            title={t('admin.users.loadOneError')}
            error={userQuery.error}
            onRetry={() => void userQuery.refetch()}
          />
        )}
      </AdminPage>
    );
  }

  const user = userQuery.data;
  const isMe = me?.id === user.id;
  async function reload() {
    await userQuery.refetch();
    setMessage(null);
    setGeneration((g) => g + 1);
  }
  function done(text: string) {
    setMessage(text);
    setGeneration((g) => g + 1);
  }
  const shared = {
    user,
    reloading: userQuery.isFetching,
    onReload: () => void reload(),
  };

  return (
    <AdminPage title={user.fullName} crumbs={crumbs} message={message}>
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
        key={`edit-${generation}`}
        {...shared}
        isMe={isMe}
        onSaved={(saved) => done(t('admin.users.saved', { username: saved.username }))}
      />
      <UserActivation
        key={`active-${generation}`}
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
        key={`password-${generation}`}
        {...shared}
        onDone={(saved) => done(t('admin.users.passwordSet', { username: saved.username }))}
      />
    </AdminPage>
  );
}

type SectionProps = { user: User; reloading: boolean; onReload: () => void };

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
  const grantable = grantableRoles(useGetMe().data?.roles ?? []);
  const update = useUpdateUser();
  const [base] = useState(user);
  const [values, setValues] = useState<UserValues>(() => valuesOf(base));
  const [checked, setChecked] = useState<UserErrors>({});

  const placed = fieldProblems(update.error, userFields, userCodeFields);
  const errors: UserErrors = { ...placed, ...checked };

  function focusFirst(found: UserErrors) {
    const first = userFields.find((field) => found[field]);
    if (first) document.getElementById(userFieldElementId(formId, first, values))?.focus();
    return Boolean(first);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    const found = checkUser(values, t, { creating: false });
    setChecked(found);
    if (focusFirst(found) || !values.unit) {
      update.reset();
      return;
    }
    const body: UserUpdate = {
      fullName: values.fullName.trim(),
      orgUnitId: values.unit.id,
      roles: values.roles,
      active: base.active,
    };
    if (values.email.trim()) body.email = values.email.trim();
    if (values.phone.trim()) body.phone = values.phone.trim();
    update.mutate(
      { userId: base.id, version: base.version, body },
      {
        onSuccess: onSaved,
        onError: (error) => focusFirst(fieldProblems(error, userFields, userCodeFields)),
      },
    );
  }

  return (
    <form
      className="form-stack admin-form admin-panel"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={submit}
    >
      <h2 id={`${formId}-heading`}>{t('admin.users.editHeading')}</h2>
      {isMe && <p className="field-hint">{t('admin.users.selfRoles')}</p>}
      <UserFields
        formId={formId}
        values={values}
        onChange={(next) => {
          setValues(next);
          setChecked({});
        }}
        errors={errors}
        creating={false}
        grantable={isMe ? [] : grantable}
      />
      <FormAlert error={update.error} placed={placed} onReload={onReload} reloading={reloading} />
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending && <Spinner />}
          {update.isPending ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
    </form>
  );
}

function UserActivation({
  user,
  reloading,
  onReload,
  isMe,
  onDone,
}: SectionProps & { isMe: boolean; onDone: (user: User) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);

  function apply(active: boolean) {
    update.mutate(
      { userId: user.id, version: user.version, body: updateOf(user, { active }) },
      { onSuccess: onDone, onSettled: () => setConfirming(false) },
    );
  }

  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.users.activationHeading')}</h2>
      {isMe ? (
        <p className="muted">{t('admin.users.selfDeactivate')}</p>
      ) : user.active ? (
        <>
          <p className="muted">{t('admin.users.deactivateIntro')}</p>
          {confirming ? (
            <ConfirmStep
              question={t('admin.users.deactivateQuestion', { username: user.username })}
              confirmLabel={t('admin.users.deactivateConfirm')}
              pendingLabel={t('admin.users.deactivating')}
              pending={update.isPending}
              onConfirm={() => apply(false)}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                update.reset();
                setConfirming(true);
              }}
            >
              {t('admin.users.deactivate')}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="muted">{t('admin.users.reactivateIntro')}</p>
          <button
            type="button"
            className="button"
            disabled={update.isPending}
            onClick={() => apply(true)}
          >
            {update.isPending && <Spinner />}
            {update.isPending ? t('admin.reactivating') : t('admin.reactivate')}
          </button>
        </>
      )}
      <FormAlert error={update.error} placed={{}} onReload={onReload} reloading={reloading} />
    </section>
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
    <form
      className="form-stack admin-form admin-panel"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={submit}
    >
      <h2 id={`${formId}-heading`}>{t('admin.users.passwordHeading')}</h2>
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
        <button type="submit" className="button button-primary" disabled={reset.isPending}>
          {reset.isPending && <Spinner />}
          {reset.isPending ? t('admin.users.settingPassword') : t('admin.users.setPassword')}
        </button>
      </div>
    </form>
  );
}
