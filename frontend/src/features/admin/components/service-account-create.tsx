import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  useCreateServiceAccount,
  type ServiceAccountCreate as ServiceAccountCreateBody,
} from '@/features/admin/api/create-service-account';
import { AdminPage, withArrival } from '@/features/admin/components/admin-page';
import { PendingButton } from '@/components/form-fields';
import { useAdminForm } from '@/features/admin/components/admin-form';
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

type Issued = { accountId: string; clientId: string; secret: string };

/** A new service account; its secret is shown once, in a dialog, before going on to the account. */
export function ServiceAccountCreate() {
  const { t } = useTranslation();
  const formId = useId();
  const navigate = useNavigate();
  const create = useCreateServiceAccount();
  const [issued, setIssued] = useState<Issued | null>(null);
  const form = useAdminForm({
    formId,
    initial: (): ServiceAccountValues => ({ clientId: '', name: '', description: '', unit: null }),
    fields: serviceAccountFields,
    codeFields: serviceAccountCodeFields,
    elementId: serviceAccountElementId,
    mutation: create,
    blocked: issued !== null,
    check: (values) => checkServiceAccount(values, t, { creating: true }),
    request: (values) => {
      if (!values.unit) return null;
      const body: ServiceAccountCreateBody = {
        clientId: values.clientId.trim(),
        name: values.name.trim(),
        orgUnitId: values.unit.id,
      };
      if (values.description.trim()) body.description = values.description.trim();
      return body;
    },
    onSuccess: ({ account, clientSecret }) => {
      setIssued({ accountId: account.id, clientId: account.clientId, secret: clientSecret });
      // The secret now lives only in this screen's state, until the dialog is closed.
      create.reset();
    },
  });

  function close() {
    if (!issued) return;
    const { accountId, clientId } = issued;
    setIssued(null);
    void navigate(`/admin/service-accounts/${accountId}`, {
      replace: true,
      state: withArrival(t('admin.serviceAccounts.created', { clientId })),
    });
  }

  return (
    <AdminPage
      title={t('admin.serviceAccounts.add')}
      crumbs={[{ to: '/admin/service-accounts', label: t('admin.serviceAccounts.title') }]}
    >
      <form className="form-stack admin-form" noValidate onSubmit={form.submit}>
        <ServiceAccountFields
          formId={formId}
          values={form.values}
          onChange={form.onChange}
          errors={form.errors}
          creating
        />
        <FormAlert error={create.error} placed={form.placed} />
        <div className="form-buttons">
          <PendingButton
            pending={create.isPending}
            disabled={issued !== null}
            label={t('admin.serviceAccounts.create')}
            pendingLabel={t('admin.serviceAccounts.creating')}
          />
        </div>
      </form>
      {issued && (
        <SecretDialog
          title={t('admin.secret.createdTitle', { clientId: issued.clientId })}
          clientId={issued.clientId}
          secret={issued.secret}
          onClose={close}
        />
      )}
    </AdminPage>
  );
}
