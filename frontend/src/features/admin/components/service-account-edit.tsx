import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import {
  useGetServiceAccount,
  type ServiceAccount,
} from '@/features/admin/api/get-service-account';
import { useRotateServiceAccountSecret } from '@/features/admin/api/rotate-service-account-secret';
import {
  useUpdateServiceAccount,
  type ServiceAccountUpdate,
} from '@/features/admin/api/update-service-account';
import { ActiveBadge, AdminPage } from '@/features/admin/components/admin-page';
import { ConfirmStep } from '@/features/admin/components/confirm-step';
import { Spinner } from '@/components/form-fields';
import { FormAlert, fieldProblems } from '@/features/admin/components/problems';
import { SecretDialog } from '@/features/admin/components/secret-dialog';
import {
  checkServiceAccount,
  serviceAccountCodeFields,
  serviceAccountElementId,
  serviceAccountFields,
  ServiceAccountFields,
  type ServiceAccountErrors,
  type ServiceAccountValues,
} from '@/features/admin/components/service-account-fields';
import { LoadError } from '@/components/load-error';

type ServiceAccountSecret = components['schemas']['ServiceAccountSecret'];

/** One service account: its facts, its edit form, a new secret (shown once) and revocation. */
export function ServiceAccountEdit() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { accountId = '' } = useParams();
  const accountQuery = useGetServiceAccount(accountId);
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ clientId: string; secret: string } | null>(null);
  const crumbs = [{ to: '/admin/service-accounts', label: t('admin.serviceAccounts.title') }];

  if (accountQuery.isPending || accountQuery.isError) {
    return (
      <AdminPage title={t('admin.serviceAccounts.title')} crumbs={crumbs}>
        {accountQuery.isPending ? (
          <p role="status" className="notice">
            {t('admin.loading')}
          </p>
        ) : (
          <LoadError
            title={t('admin.serviceAccounts.loadOneError')}
            error={accountQuery.error}
            onRetry={() => void accountQuery.refetch()}
          />
        )}
      </AdminPage>
    );
  }

  const account = accountQuery.data;
  async function reload() {
    await accountQuery.refetch();
    setMessage(null);
    setGeneration((g) => g + 1);
  }
  function done(text: string) {
    setMessage(text);
    setGeneration((g) => g + 1);
  }
  const shared = {
    account,
    reloading: accountQuery.isFetching,
    onReload: () => void reload(),
  };

  return (
    <AdminPage title={account.name} crumbs={crumbs} message={message}>
      <dl className="admin-facts">
        <div>
          <dt>{t('admin.serviceAccounts.fields.clientId')}</dt>
          <dd>
            <code>{account.clientId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('admin.columns.state')}</dt>
          <dd>
            <ActiveBadge
              active={account.active}
              inactiveLabel={t('admin.serviceAccounts.revoked')}
            />
          </dd>
        </div>
        <div>
          <dt>{t('admin.serviceAccounts.secretRotatedAt')}</dt>
          <dd>{formatDate(account.secretRotatedAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('admin.serviceAccounts.columns.lastUsedAt')}</dt>
          <dd>
            {account.lastUsedAt
              ? formatDate(account.lastUsedAt, lang)
              : t('admin.serviceAccounts.neverUsed')}
          </dd>
        </div>
      </dl>

      <AccountEditForm
        key={`edit-${generation}`}
        {...shared}
        onSaved={(saved) => done(t('admin.serviceAccounts.saved', { clientId: saved.clientId }))}
      />
      <AccountSecret
        key={`secret-${generation}`}
        {...shared}
        onIssued={({ account: saved, clientSecret }) => {
          setIssued({ clientId: saved.clientId, secret: clientSecret });
          done(t('admin.serviceAccounts.secretIssued', { clientId: saved.clientId }));
        }}
      />
      <AccountRevocation
        key={`revoke-${generation}`}
        {...shared}
        onDone={(saved) =>
          done(
            saved.active
              ? t('admin.serviceAccounts.reactivated', { clientId: saved.clientId })
              : t('admin.serviceAccounts.revokedDone', { clientId: saved.clientId }),
          )
        }
      />
      {issued && (
        <SecretDialog
          title={t('admin.secret.rotatedTitle', { clientId: issued.clientId })}
          clientId={issued.clientId}
          secret={issued.secret}
          onClose={() => setIssued(null)}
        />
      )}
    </AdminPage>
  );
}

type SectionProps = { account: ServiceAccount; reloading: boolean; onReload: () => void };

function updateOf(account: ServiceAccount, changes: Partial<ServiceAccountUpdate> = {}) {
  const body: ServiceAccountUpdate = {
    name: account.name,
    orgUnitId: account.unit.id,
    active: account.active,
    ...changes,
  };
  if (body.description === undefined && account.description) body.description = account.description;
  return body;
}

function AccountEditForm({
  account,
  reloading,
  onReload,
  onSaved,
}: SectionProps & { onSaved: (account: ServiceAccount) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const update = useUpdateServiceAccount();
  const [base] = useState(account);
  const [values, setValues] = useState<ServiceAccountValues>({
    clientId: base.clientId,
    name: base.name,
    description: base.description ?? '',
    unit: base.unit,
  });
  const [checked, setChecked] = useState<ServiceAccountErrors>({});
  const placed = fieldProblems(update.error, serviceAccountFields, serviceAccountCodeFields);
  const errors: ServiceAccountErrors = { ...placed, ...checked };

  function focusFirst(found: ServiceAccountErrors) {
    const first = serviceAccountFields.find((field) => found[field]);
    if (first) document.getElementById(serviceAccountElementId(formId, first))?.focus();
    return Boolean(first);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    const found = checkServiceAccount(values, t, { creating: false });
    setChecked(found);
    if (focusFirst(found) || !values.unit) {
      update.reset();
      return;
    }
    const body: ServiceAccountUpdate = {
      name: values.name.trim(),
      orgUnitId: values.unit.id,
      active: base.active,
    };
    if (values.description.trim()) body.description = values.description.trim();
    update.mutate(
      { accountId: base.id, version: base.version, body },
      {
        onSuccess: onSaved,
        onError: (error) =>
          focusFirst(fieldProblems(error, serviceAccountFields, serviceAccountCodeFields)),
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
      <h2 id={`${formId}-heading`}>{t('admin.serviceAccounts.editHeading')}</h2>
      <ServiceAccountFields
        formId={formId}
        values={values}
        onChange={(next) => {
          setValues(next);
          setChecked({});
        }}
        errors={errors}
        creating={false}
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

function AccountSecret({
  account,
  reloading,
  onReload,
  onIssued,
}: SectionProps & { onIssued: (result: ServiceAccountSecret) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const rotate = useRotateServiceAccountSecret();
  const [confirming, setConfirming] = useState(false);

  function issue() {
    rotate.mutate(
      { accountId: account.id, version: account.version },
      {
        onSuccess: (result) => {
          onIssued(result);
          rotate.reset();
        },
        onSettled: () => setConfirming(false),
      },
    );
  }

  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.serviceAccounts.secretHeading')}</h2>
      <p className="muted">{t('admin.serviceAccounts.secretIntro')}</p>
      {confirming ? (
        <ConfirmStep
          question={t('admin.serviceAccounts.rotateQuestion', { clientId: account.clientId })}
          confirmLabel={t('admin.serviceAccounts.rotateConfirm')}
          pendingLabel={t('admin.serviceAccounts.rotating')}
          pending={rotate.isPending}
          onConfirm={issue}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            rotate.reset();
            setConfirming(true);
          }}
        >
          {t('admin.serviceAccounts.rotate')}
        </button>
      )}
      <FormAlert error={rotate.error} placed={{}} onReload={onReload} reloading={reloading} />
    </section>
  );
}

function AccountRevocation({
  account,
  reloading,
  onReload,
  onDone,
}: SectionProps & { onDone: (account: ServiceAccount) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateServiceAccount();
  const [confirming, setConfirming] = useState(false);

  function apply(active: boolean) {
    update.mutate(
      { accountId: account.id, version: account.version, body: updateOf(account, { active }) },
      { onSuccess: onDone, onSettled: () => setConfirming(false) },
    );
  }

  return (
    <section className="admin-panel danger-zone" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.serviceAccounts.revokeHeading')}</h2>
      {account.active ? (
        <>
          <p className="muted">{t('admin.serviceAccounts.revokeIntro')}</p>
          {confirming ? (
            <ConfirmStep
              question={t('admin.serviceAccounts.revokeQuestion', { clientId: account.clientId })}
              confirmLabel={t('admin.serviceAccounts.revokeConfirm')}
              pendingLabel={t('admin.serviceAccounts.revoking')}
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
              {t('admin.serviceAccounts.revoke')}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="muted">{t('admin.serviceAccounts.reactivateIntro')}</p>
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
