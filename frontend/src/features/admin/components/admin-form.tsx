import type { UseMutationResult } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { PendingButton } from '@/components/form-fields';
import { LoadError } from '@/components/load-error';
import { useTranslation } from 'react-i18next';
import { AdminPage, type Crumb } from '@/features/admin/components/admin-page';
import { ConfirmStep } from '@/features/admin/components/confirm-step';
import { FormAlert, fieldProblems } from '@/features/admin/components/problems';

type Errors<F extends string> = Partial<Record<F, string>>;

/**
 * The state of a create or edit form: its values, the errors found before sending and those the server
 * gave back for its fields, and a submit that checks, sends, and puts the focus on the first field in error.
 */
export function useAdminForm<V, F extends string, TData, TVars>({
  formId,
  initial,
  fields,
  codeFields,
  elementId,
  mutation,
  check,
  request,
  onSuccess,
  blocked = false,
}: {
  formId: string;
  initial: V | (() => V);
  /** The form's fields in screen order: the first in error takes the focus. */
  fields: readonly F[];
  /** Refusals without field errors whose code says which field they concern. */
  codeFields: Readonly<Record<string, F>>;
  /** The element that stands for a field, to focus. */
  elementId: (formId: string, field: F, values: V) => string;
  mutation: UseMutationResult<TData, Error, TVars>;
  /** The checks made before sending (the server's rules, so that a typo need not wait for an answer). */
  check: (values: V) => Errors<F>;
  /** What to send, or null when the values cannot be sent. */
  request: (values: V) => TVars | null;
  onSuccess: (data: TData) => void;
  /** A submit does nothing (e.g. while the outcome of the last one is shown). */
  blocked?: boolean;
}) {
  const [values, setValues] = useState<V>(initial);
  const [checked, setChecked] = useState<Errors<F>>({});
  const placed = fieldProblems(mutation.error, fields, codeFields);
  const errors: Errors<F> = { ...placed, ...checked };

  function focusFirst(found: Errors<F>) {
    const first = fields.find((field) => found[field]);
    if (first) document.getElementById(elementId(formId, first, values))?.focus();
    return Boolean(first);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending || blocked) return;
    const found = check(values);
    setChecked(found);
    const body = focusFirst(found) ? null : request(values);
    if (body === null) {
      mutation.reset();
      return;
    }
    mutation.mutate(body, {
      onSuccess,
      onError: (error) => focusFirst(fieldProblems(error, fields, codeFields)),
    });
  }

  function onChange(next: V) {
    setValues(next);
    setChecked({});
  }

  return { values, onChange, errors, placed, submit };
}

/** A form in its own panel of a record's page, named by its heading. */
export function PanelForm({
  formId,
  heading,
  onSubmit,
  children,
}: {
  formId: string;
  heading: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <form
      className="form-stack admin-form admin-panel"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={onSubmit}
    >
      <h2 id={`${formId}-heading`}>{heading}</h2>
      {children}
    </form>
  );
}

/** The save button of an edit form. */
export function SaveButton({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form-buttons">
      <PendingButton pending={pending} label={t('admin.save')} pendingLabel={t('admin.saving')} />
    </div>
  );
}

/** What a record's page gives each of its panels: a way to load the stored record again after a conflict. */
export type ReloadProps = { reloading: boolean; onReload: () => void };

/**
 * The page of one stored record, made of panels that each edit the version they were opened at: after a
 * save or a reload every panel starts again from the stored record, and the page says what was done.
 */
export function useRecordPage(query: { isFetching: boolean; refetch: () => Promise<unknown> }) {
  // A new set of panels (from the stored record) after each save or reload.
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  async function reload() {
    await query.refetch();
    setMessage(null);
    setGeneration((g) => g + 1);
  }
  function done(text: string) {
    setMessage(text);
    setGeneration((g) => g + 1);
  }
  const reloadProps: ReloadProps = { reloading: query.isFetching, onReload: () => void reload() };
  return { generation, message, done, reloadProps };
}

/** A record's page while the record loads, or when it could not be loaded. */
export function RecordLoading({
  title,
  crumbs,
  query,
  errorTitle,
}: {
  title: string;
  crumbs: Crumb[];
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  errorTitle: string;
}) {
  const { t } = useTranslation();
  return (
    <AdminPage title={title} crumbs={crumbs}>
      {query.isPending ? (
        <p role="status" className="notice">
          {t('admin.loading')}
        </p>
      ) : (
        <LoadError title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />
      )}
    </AdminPage>
  );
}

/**
 * Turning a record off (after a second step that says what will happen) or on again, in its own panel.
 * `locked` replaces the controls with why the record cannot be turned off here.
 */
export function ActivationPanel({
  active,
  danger,
  texts,
  locked,
  mutation,
  apply,
  reloading,
  onReload,
}: ReloadProps & {
  active: boolean;
  /** Shown as a danger zone. */
  danger?: boolean;
  texts: {
    heading: string;
    offIntro: string;
    offQuestion: string;
    off: string;
    offConfirm: string;
    offPending: string;
    onIntro: string;
  };
  locked?: string;
  mutation: { isPending: boolean; error: unknown; reset: () => void };
  /** Stores the new state; `settled` is called once the answer has come, either way. */
  apply: (active: boolean, settled: () => void) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const settled = () => setConfirming(false);

  return (
    <section
      className={danger ? 'admin-panel danger-zone' : 'admin-panel'}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{texts.heading}</h2>
      {locked ? (
        <p className="muted">{locked}</p>
      ) : active ? (
        <>
          <p className="muted">{texts.offIntro}</p>
          {confirming ? (
            <ConfirmStep
              question={texts.offQuestion}
              confirmLabel={texts.offConfirm}
              pendingLabel={texts.offPending}
              pending={mutation.isPending}
              onConfirm={() => apply(false, settled)}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                mutation.reset();
                setConfirming(true);
              }}
            >
              {texts.off}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="muted">{texts.onIntro}</p>
          <PendingButton
            type="button"
            className="button"
            pending={mutation.isPending}
            label={t('admin.reactivate')}
            pendingLabel={t('admin.reactivating')}
            onClick={() => apply(true, settled)}
          />
        </>
      )}
      <FormAlert error={mutation.error} placed={{}} onReload={onReload} reloading={reloading} />
    </section>
  );
}
