import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  useCreateServiceAccount,
  type ServiceAccountCreate as ServiceAccountCreateBody,
} from '@/features/admin/api/create-service-account';
import { AdminPage, withArrival } from '@/features/admin/components/admin-page';
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

type Issued = { accountId: string; clientId: string; secret: string };

/** A new service account; its secret is shown once, in a dialog, before going on to the account. */
export function ServiceAccountCreate() {
  const { t } = useTranslation();
  const formId = useId();
  const navigate = useNavigate();
  const create = useCreateServiceAccount();
  const [values, setValues] = useState<ServiceAccountValues>({
    clientId: '',
    name: '',
    description: '',
    unit: null,
  });
  const [checked, setChecked] = useState<ServiceAccountErrors>({});
  const [issued, setIssued] = useState<Issued | null>(null);

  const placed = fieldProblems(create.error, serviceAccountFields, serviceAccountCodeFields);
  const errors: ServiceAccountErrors = { ...placed, ...checked };

  function focusFirst(found: ServiceAccountErrors) {
    const first = serviceAccountFields.find((field) => found[field]);
    if (first) document.getElementById(serviceAccountElementId(formId, first))?.focus();
    return Boolean(first);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending || issued) return;
    const found = checkServiceAccount(values, t, { creating: true });
    setChecked(found);
    if (focusFirst(found) || !values.unit) {
      create.reset();
      return;
    }
    const body: ServiceAccountCreateBody = {
      clientId: values.clientId.trim(),
      name: values.name.trim(),
      orgUnitId: values.unit.id,
    };
    if (values.description.trim()) body.description = values.description.trim();
    create.mutate(body, {
      onSuccess: ({ account, clientSecret }) => {
        setIssued({ accountId: account.id, clientId: account.clientId, secret: clientSecret });
        // The secret now lives only in this screen's state, until the dialog is closed.
        create.reset();
      },
      onError: (error) =>
        focusFirst(fieldProblems(error, serviceAccountFields, serviceAccountCodeFields)),
    });
  }

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
      <form className="form-stack admin-form" noValidate onSubmit={submit}>
        <ServiceAccountFields
          formId={formId}
          values={values}
          onChange={(next) => {
            setValues(next);
            setChecked({});
          }}
          errors={errors}
          creating
        />
        <FormAlert error={create.error} placed={placed} />
        <div className="form-buttons">
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending || issued !== null}
          >
            {create.isPending && <Spinner />}
            {create.isPending
              ? t('admin.serviceAccounts.creating')
              : t('admin.serviceAccounts.create')}
          </button>
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
