import { useId, useState } from 'react';
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
import {
  ActivationPanel,
  PanelForm,
  RecordLoading,
  SaveButton,
  useAdminForm,
  useRecordPage,
  type ReloadProps,
} from '@/features/admin/components/admin-form';
import { ConfirmStep } from '@/features/admin/components/confirm-step';
import { FormAlert } from '@/features/admin/components/problems';
import { SecretDialog } from '@/features/admin/components/secret-dialog';
import {
  checkServiceAccount,
  serviceAccountCodeFields,
  serviceAccountElementId,
  serviceAccountFields,
  ServiceAccountFields,
  type ServiceAccountValues,
} from '@/features/admin/components/service-account-fields';

type ServiceAccountSecret = components['schemas']['ServiceAccountSecret'];

/** One service account: its facts, its edit form, a new secret (shown once) and revocation. */
export function ServiceAccountEdit() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { accountId = '' } = useParams();
  const accountQuery = useGetServiceAccount(accountId);
  const page = useRecordPage(accountQuery);
  const [issued, setIssued] = useState<{ clientId: string; secret: string } | null>(null);
  const crumbs = [{ to: '/admin/service-accounts', label: t('admin.serviceAccounts.title') }];

  if (accountQuery.isPending || accountQuery.isError) {
    return (
      <RecordLoading
        title={t('admin.serviceAccounts.title')}
        crumbs={crumbs}
        query={accountQuery}
        errorTitle={t('admin.serviceAccounts.loadOneError')}
      />
    );
  }

  const account = accountQuery.data;
  const { done } = page;
  const shared = { account, ...page.reloadProps };

  return (
    <AdminPage title={account.name} crumbs={crumbs} message={page.message}>
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
        key={`edit-${page.generation}`}
        {...shared}
        onSaved={(saved) => done(t('admin.serviceAccounts.saved', { clientId: saved.clientId }))}
      />
      <AccountSecret
        key={`secret-${page.generation}`}
        {...shared}
        onIssued={({ account: saved, clientSecret }) => {
          setIssued({ clientId: saved.clientId, secret: clientSecret });
          done(t('admin.serviceAccounts.secretIssued', { clientId: saved.clientId }));
        }}
      />
      <AccountRevocation
        key={`revoke-${page.generation}`}
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

type SectionProps = ReloadProps & { account: ServiceAccount };

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
  const form = useAdminForm({
    formId,
    initial: (): ServiceAccountValues => ({
      clientId: base.clientId,
      name: base.name,
      description: base.description ?? '',
      unit: base.unit,
    }),
    fields: serviceAccountFields,
    codeFields: serviceAccountCodeFields,
    elementId: serviceAccountElementId,
    mutation: update,
    check: (values) => checkServiceAccount(values, t, { creating: false }),
    request: (values) => {
      if (!values.unit) return null;
      const body: ServiceAccountUpdate = {
        name: values.name.trim(),
        orgUnitId: values.unit.id,
        active: base.active,
      };
      if (values.description.trim()) body.description = values.description.trim();
      return { accountId: base.id, version: base.version, body };
    },
    onSuccess: onSaved,
  });

  return (
    <PanelForm
      formId={formId}
      heading={t('admin.serviceAccounts.editHeading')}
      onSubmit={form.submit}
    >
      <ServiceAccountFields
        formId={formId}
        values={form.values}
        onChange={form.onChange}
        errors={form.errors}
        creating={false}
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
  onDone,
  ...reloadProps
}: SectionProps & { onDone: (account: ServiceAccount) => void }) {
  const { t } = useTranslation();
  const update = useUpdateServiceAccount();
  return (
    <ActivationPanel
      {...reloadProps}
      danger
      active={account.active}
      texts={{
        heading: t('admin.serviceAccounts.revokeHeading'),
        offIntro: t('admin.serviceAccounts.revokeIntro'),
        offQuestion: t('admin.serviceAccounts.revokeQuestion', { clientId: account.clientId }),
        off: t('admin.serviceAccounts.revoke'),
        offConfirm: t('admin.serviceAccounts.revokeConfirm'),
        offPending: t('admin.serviceAccounts.revoking'),
        onIntro: t('admin.serviceAccounts.reactivateIntro'),
      }}
      mutation={update}
      apply={(active, settled) =>
        update.mutate(
          { accountId: account.id, version: account.version, body: updateOf(account, { active }) },
          { onSuccess: onDone, onSettled: settled },
        )
      }
    />
  );
}
