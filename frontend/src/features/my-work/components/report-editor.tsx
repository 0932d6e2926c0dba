import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useLocation, useNavigate } from 'react-router';
import type { components } from '@/api/schema';
import { ApiError, readableError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useCreateReport } from '@/features/my-work/api/create-report';
import { useGetEvidence } from '@/features/my-work/api/get-evidence';
import type { Report } from '@/features/my-work/api/get-report';
import { useSubmitReport } from '@/features/my-work/api/submit-report';
import { useUpdateReport } from '@/features/my-work/api/update-report';
import { useUploads } from '@/features/my-work/api/upload-evidence';
import { Contributions } from '@/features/my-work/components/contributions';
import { EvidencePanel, type ReportRef } from '@/features/my-work/components/evidence-panel';
import {
  Countdown,
  LateBadge,
  StateBadge,
  type Lateness,
} from '@/features/my-work/components/report-state';
import { TextAreaField, ValueInput } from '@/features/my-work/components/value-input';
import { formatTime } from '@/features/my-work/utils/periods';
import { mayChangeReport } from '@/features/my-work/utils/report-actions';
import { periodLabel } from '@/lib/periods';
import {
  formatReportValue,
  formValuesFrom,
  isReportField,
  reportFields,
  shapeFields,
  toReportBody,
  valueShape,
  type ReportField,
  type ReportFormValues,
  type ReportUpdate,
} from '@/features/my-work/utils/report-value';

type Indicator = components['schemas']['Indicator'];
type Task = components['schemas']['Task'];
type ReportRole = components['schemas']['ReportRole'];

/** What a report is about: one item of a plan, in one period. */
export type Subject = {
  planId: string;
  itemKind: 'INDICATOR' | 'TASK';
  itemId: string;
  periodKey: string;
};

type Props = {
  subject: Subject;
  /** Absent until the first save creates it. */
  report: Report | undefined;
  indicator: Indicator | null;
  task: Task | null;
  period: { unitDeadline: string; closed: boolean } | undefined;
  /** Before the report exists: whether the server lets the person start it (the assignment's CREATE). */
  startable: boolean;
  /** Before the report exists: its assignment, with the unit's part in it and its lateness as the server counts them. */
  assignment: (Lateness & { role: ReportRole }) | undefined;
  /** The signed-in person's unit: its documents can be reused as evidence. */
  unitId: string | undefined;
};

type Errors = Partial<Record<ReportField, string>>;

type Outcome =
  | { kind: 'saved'; at: Date }
  | { kind: 'submitted' }
  | { kind: 'invalid' }
  | {
      kind: 'failed';
      action: 'save' | 'submit';
      error: unknown;
      others: string[];
      onFields: boolean;
    }
  | { kind: 'stale'; error: ApiError };

const textFields = ['achievements', 'difficulties', 'proposals'] as const;

export function ReportEditor(props: Props) {
  const { subject, report, indicator, task, period, unitId } = props;
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const headingId = useId();
  const shape = valueShape(indicator, subject.periodKey);

  const [values, setValues] = useState<ReportFormValues>(() => formValuesFrom(report, shape, lang));
  const [baseline, setBaseline] = useState(values);
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'saving' | 'submitting' | null>(null);
  const [reloadPending, setReloadPending] = useState(false);
  /** The version the form's content is based on: what If-Match names when it is saved. */
  const [baseVersion, setBaseVersion] = useState(report?.version);
  const [seenVersion, setSeenVersion] = useState(report?.version);
  const dirty = reportFields.some((field) => values[field] !== baseline[field]);
  if (report && report.version !== seenVersion) {
    setSeenVersion(report.version);
    // A newer version was read (in the background, or after our own save): shown at once unless
    // there is unsaved work, which stays on screen; saving that is then refused as stale (412).
    if (!dirty) {
      const fresh = formValuesFrom(report, shape, lang);
      setValues(fresh);
      setBaseline(fresh);
      setBaseVersion(report.version);
    }
  }
  if (report && reloadPending && report.version !== baseVersion) {
    // After a 412: the newest saved version replaces what was on screen.
    const fresh = formValuesFrom(report, shape, lang);
    setValues(fresh);
    setBaseline(fresh);
    setBaseVersion(report.version);
    setErrors({});
    setReloadPending(false);
  }

  const create = useCreateReport();
  const update = useUpdateReport();
  const submitReport = useSubmitReport();
  const attached = useGetEvidence(
    { reportId: report?.id, size: 100 },
    { enabled: Boolean(report) },
  );
  const uploads = useUploads(report?.id);

  const fieldElements = useRef<Partial<Record<ReportField, HTMLElement | null>>>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<ReportField | 'alert' | 'status' | null>(null);
  const skipBlock = useRef(false);
  /** The creation under way, shared: files dropped twice must not start two reports. */
  const creating = useRef<Promise<{ id: string; version: number }> | null>(null);

  const writable = mayChangeReport(report, props.startable);
  // Whether the unit leads or contributes is the server's word: the report's, else its assignment's.
  const role = report?.role ?? props.assignment?.role;
  const evidenceRequired = report?.evidenceRequired ?? indicator?.evidenceRequired ?? false;
  const attachedCount = report ? (attached.data?.totalItems ?? report.evidenceCount) : 0;
  const needsExplanation = evidenceRequired && attachedCount === 0;
  const showExplanation =
    needsExplanation || values.evidenceExplanation !== '' || Boolean(errors.evidenceExplanation);
  const uploading = uploads.some((upload) => upload.status === 'uploading');
  const visible = new Set<ReportField>([
    ...shapeFields(shape),
    ...textFields,
    'evidenceExplanation',
  ]);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target === 'alert') alertRef.current?.focus();
    else if (target === 'status') statusRef.current?.focus();
    else fieldElements.current[target]?.focus();
  });

  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (skipBlock.current) {
      skipBlock.current = false;
      return false;
    }
    return dirty && currentLocation.pathname !== nextLocation.pathname;
  });

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function change(field: ReportField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) {
      setErrors((current) => {
        const next = { ...current };
        delete next[field];
        return next;
      });
    }
  }

  function showFieldErrors(found: Errors) {
    setErrors(found);
    const first = reportFields.find((field) => found[field]);
    focusNext.current = first ?? 'alert';
  }

  /** The body to send, or null when a field cannot be read (the error is shown next to it). */
  function readForm(): ReportUpdate | null {
    const { body, problems } = toReportBody(values, shape, lang);
    const found: Errors = {};
    for (const field of reportFields) {
      const problem = problems[field];
      if (problem) found[field] = t(`work.errors.${problem}`);
    }
    if (Object.keys(found).length === 0) return body;
    setOutcome({ kind: 'invalid' });
    showFieldErrors(found);
    return null;
  }

  function fail(error: unknown, action: 'save' | 'submit') {
    if (error instanceof ApiError && error.status === 412) {
      // The mutation has asked for the report again; its newest version replaces the form.
      setReloadPending(true);
      setErrors({});
      setOutcome({ kind: 'stale', error });
      focusNext.current = 'alert';
      return;
    }
    const found: Errors = {};
    const others: string[] = [];
    if (error instanceof ApiError) {
      for (const [field, message] of Object.entries(error.fieldErrors)) {
        if (isReportField(field) && visible.has(field)) found[field] = message;
        else if (message !== error.detail) others.push(message);
      }
    }
    setOutcome({ kind: 'failed', action, error, others, onFields: Object.keys(found).length > 0 });
    showFieldErrors(found);
  }

  /**
   * Saves what is on screen: creates the report the first time, then updates it, naming in
   * If-Match the version the form was based on. Resolves with the report's id and new version.
   */
  async function persist(
    body: ReportUpdate,
    snapshot: ReportFormValues,
  ): Promise<{ id: string; version: number }> {
    if (!report) {
      if (creating.current) return creating.current;
      const pending = (async () => {
        const created = await create.mutateAsync({
          periodKey: subject.periodKey,
          ...(subject.itemKind === 'INDICATOR'
            ? { indicatorId: subject.itemId }
            : { taskId: subject.itemId }),
          ...body,
        });
        setBaseline(snapshot);
        setBaseVersion(created.version);
        // From now on the address names the report; the same editor stays on screen.
        skipBlock.current = true;
        const state: unknown = location.state;
        void navigate(`/my-work/reports/${created.id}`, { replace: true, state });
        return created;
      })();
      creating.current = pending;
      // A failed creation may be tried again.
      pending.catch(() => (creating.current = null));
      return pending;
    }
    const version = baseVersion ?? report.version;
    if (!dirty) return { id: report.id, version };
    const saved = await update.mutateAsync({ reportId: report.id, version, body });
    setBaseline(snapshot);
    setBaseVersion(saved.version);
    return saved;
  }

  async function save() {
    if (busy) return;
    const body = readForm();
    if (!body) return;
    const snapshot = values;
    setBusy('saving');
    setOutcome(null);
    try {
      await persist(body, snapshot);
      setErrors({});
      setOutcome({ kind: 'saved', at: new Date() });
    } catch (error) {
      fail(error, 'save');
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    if (busy) return;
    if (uploading) {
      setOutcome({
        kind: 'failed',
        action: 'submit',
        error: new ApiError(0, 'work.uploading', t('work.errors.uploading')),
        others: [],
        onFields: false,
      });
      focusNext.current = 'alert';
      return;
    }
    const body = readForm();
    if (!body) return;
    if (needsExplanation && !body.evidenceExplanation) {
      setOutcome({ kind: 'invalid' });
      showFieldErrors({ evidenceExplanation: t('work.errors.evidenceRequired') });
      return;
    }
    const snapshot = values;
    setBusy('submitting');
    setOutcome(null);
    try {
      const saved = await persist(body, snapshot);
      await submitReport.mutateAsync({ reportId: saved.id, version: saved.version });
      setErrors({});
      setOutcome({ kind: 'submitted' });
      focusNext.current = 'status';
    } catch (error) {
      fail(error, 'submit');
    } finally {
      setBusy(null);
    }
  }

  /**
   * Evidence needs a report to attach to: a new one is saved as a draft first. Its version is the
   * one the form is based on, so a report someone else changed meanwhile refuses the attachment.
   */
  async function ensureReport(): Promise<ReportRef | null> {
    // Evidence changes the report, so what is typed is saved first: the report's version then moves on from the saved one.
    if (report && !dirty) return { id: report.id, version: baseVersion ?? report.version };
    const body = readForm();
    if (!body) return null;
    const alreadyBusy = busy !== null;
    if (!alreadyBusy) setBusy('saving');
    setOutcome(null);
    try {
      const created = await persist(body, values);
      setOutcome({ kind: 'saved', at: new Date() });
      return created;
    } catch (error) {
      fail(error, 'save');
      return null;
    } finally {
      if (!alreadyBusy) setBusy(null);
    }
  }

  const item = report?.item ?? {
    code: indicator?.code ?? task?.code ?? '',
    content: indicator?.content ?? task?.description ?? '',
  };
  const state = report?.state ?? 'NOT_STARTED';
  const deadline = period?.unitDeadline;
  // Lateness and the days left are the server's (a returned report past its deadline is overdue too).
  const lateness: Lateness | undefined = report ?? props.assignment;
  const awaiting = state === 'NOT_STARTED' || state === 'DRAFT';
  const late = lateness?.overdue ?? false;
  const returned = report?.state === 'RETURNED';

  return (
    <article className="report-editor" aria-labelledby={headingId}>
      <title>{t('app.documentTitle', { page: `${item.code} – ${t('work.title')}` })}</title>
      <h1 id={headingId}>
        <span className="item-code">{item.code}</span> {item.content}
      </h1>
      <dl className="report-facts">
        {report && (
          <div>
            <dt>{t('work.fields.plan')}</dt>
            <dd>
              {report.plan.documentNumber
                ? t('work.list.planWithNumber', {
                    number: report.plan.documentNumber,
                    title: report.plan.title,
                  })
                : report.plan.title}
            </dd>
          </div>
        )}
        {report && (
          <div>
            <dt>{t('work.fields.unit')}</dt>
            <dd>{report.unit.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('work.fields.period')}</dt>
          <dd>{periodLabel(subject.periodKey, t)}</dd>
        </div>
        {deadline && (
          <div>
            <dt>{t('work.fields.deadline')}</dt>
            <dd>
              {formatDate(deadline, lang)}
              {awaiting && lateness && (
                <>
                  {' · '}
                  <Countdown lateness={lateness} />
                </>
              )}
            </dd>
          </div>
        )}
        {role && (
          <div>
            <dt>{t('work.fields.role')}</dt>
            <dd>{t(`work.role.${role}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t('work.fields.state')}</dt>
          <dd className="work-card-states">
            <StateBadge state={state} />
            {late && <LateBadge />}
          </dd>
        </div>
        {shape.kind !== 'progress' && shape.target?.wording && (
          <div>
            <dt>{t('work.fields.target', { year: subject.periodKey.slice(0, 4) })}</dt>
            <dd>
              {shape.target.wording}
              {shape.target.qualification &&
              !shape.target.wording.includes(shape.target.qualification)
                ? ` (${shape.target.qualification})`
                : ''}
            </dd>
          </div>
        )}
        {task?.product && (
          <div>
            <dt>{t('work.fields.product')}</dt>
            <dd>{task.product}</dd>
          </div>
        )}
      </dl>

      {report && <ReviewNotice report={report} />}
      {!writable && report?.state === 'DRAFT' && (
        <p className="notice">{t('work.editor.periodClosed')}</p>
      )}
      {!report && period?.closed && <p className="notice">{t('work.editor.periodClosed')}</p>}

      <div ref={alertRef} role="alert" tabIndex={-1} className="form-alert">
        {outcome && <OutcomeAlert outcome={outcome} />}
      </div>
      <div ref={statusRef} role="status" tabIndex={-1} className="form-alert">
        {outcome?.kind === 'saved' && (
          <p className="notice notice-success">
            {t('work.editor.saved', { time: formatTime(outcome.at, lang) })}
          </p>
        )}
        {outcome?.kind === 'submitted' && (
          <p className="notice notice-success">{t('work.editor.submitted')}</p>
        )}
      </div>

      {role === 'LEAD' && (
        <Contributions
          subject={subject}
          shape={shape}
          cooperatingUnits={indicator?.cooperatingUnits ?? task?.cooperatingUnits ?? []}
        />
      )}

      {writable ? (
        <section className="report-form" aria-labelledby={`${headingId}-result`}>
          <h2 id={`${headingId}-result`}>{t('work.editor.resultHeading')}</h2>
          <ValueInput
            shape={shape}
            values={values}
            errors={errors}
            onChange={change}
            fieldRef={(field, element) => {
              fieldElements.current[field] = element;
            }}
          />
          {textFields.map((field) => (
            <TextAreaField
              key={field}
              field={field}
              label={t(`work.fields.${field}`)}
              hint={t(`work.hints.${field}`)}
              values={values}
              errors={errors}
              onChange={change}
              fieldRef={(name, element) => {
                fieldElements.current[name] = element;
              }}
            />
          ))}
        </section>
      ) : (
        report && <ReportSummary report={report} shape={shape} />
      )}

      <EvidencePanel
        reportId={report?.id}
        unitId={report?.unit.id ?? unitId}
        myUnitId={unitId}
        attached={attached.data?.items ?? []}
        loading={Boolean(report) && attached.isPending}
        loadError={attached.isError ? readableError(attached.error) : null}
        writable={writable}
        required={evidenceRequired}
        ensureReport={ensureReport}
        reportVersion={report ? (baseVersion ?? report.version) : undefined}
        onReportChanged={(from, to) => {
          // Our own attach or detach moved the report on: the form's content is still based on it.
          if ((baseVersion ?? report?.version) === from) setBaseVersion(to);
        }}
      />

      {writable && showExplanation && (
        <section className="report-form">
          <TextAreaField
            field="evidenceExplanation"
            label={t('work.fields.evidenceExplanation')}
            hint={
              needsExplanation
                ? t('work.hints.evidenceExplanationRequired')
                : t('work.hints.evidenceExplanation')
            }
            rows={3}
            values={values}
            errors={errors}
            onChange={change}
            fieldRef={(name, element) => {
              fieldElements.current[name] = element;
            }}
          />
        </section>
      )}

      {writable && (
        <div className="action-bar">
          {dirty && !busy && <p className="action-bar-note">{t('work.editor.unsaved')}</p>}
          <button
            type="button"
            className="button"
            aria-disabled={busy !== null}
            onClick={() => void save()}
          >
            {busy === 'saving' && <span className="spinner" aria-hidden="true" />}
            {busy === 'saving' ? t('work.editor.saving') : t('work.editor.save')}
          </button>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={busy !== null}
            onClick={() => void submit()}
          >
            {busy === 'submitting' && <span className="spinner" aria-hidden="true" />}
            {busy === 'submitting'
              ? t('work.editor.submitting')
              : returned
                ? t('work.editor.resubmit')
                : t('work.editor.submit')}
          </button>
        </div>
      )}

      {blocker.state === 'blocked' && (
        <LeaveDialog onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />
      )}
    </article>
  );
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'invalid':
      return <p className="notice notice-error">{t('work.errors.checkFields')}</p>;
    case 'stale':
      return (
        <div className="notice notice-error">
          <p>{outcome.error.detail}</p>
          <p>{t('work.errors.reloaded')}</p>
        </div>
      );
    case 'failed':
      return (
        <div className="notice notice-error">
          <p>
            {outcome.action === 'submit'
              ? t('work.errors.notSubmitted')
              : t('work.errors.notSaved')}{' '}
            {readableError(outcome.error)}
          </p>
          {outcome.others.length > 0 && (
            <ul>
              {outcome.others.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {outcome.onFields && <p>{t('work.errors.seeFields')}</p>}
        </div>
      );
    default:
      return null;
  }
}

/** The reviewer's word: why a report came back, or what was said on accepting it. */
function ReviewNotice({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const by = [report.reviewedBy, report.reviewedAt ? formatDate(report.reviewedAt, lang) : null]
    .filter(Boolean)
    .join(', ');
  if (report.state === 'RETURNED') {
    return (
      <section className="work-review work-review-returned" aria-labelledby={id}>
        <h2 id={id}>
          {report.reopenReason ? t('work.review.reopenedTitle') : t('work.review.returnedTitle')}
        </h2>
        <p className="work-review-label">{t('work.review.comment')}</p>
        <blockquote className="work-review-comment">
          {report.reviewComment ?? report.reopenReason ?? t('work.review.noComment')}
        </blockquote>
        {by && <p className="muted">{t('work.review.by', { who: by })}</p>}
        <p>{t('work.review.returnedAdvice')}</p>
      </section>
    );
  }
  if (report.state === 'SUBMITTED') {
    return (
      <p className="notice work-review">
        {report.submittedAt
          ? t('work.review.submittedOn', { date: formatDate(report.submittedAt, lang) })
          : t('work.review.submitted')}
      </p>
    );
  }
  if (report.state === 'ACCEPTED') {
    return (
      <section className="work-review work-review-accepted" aria-labelledby={id}>
        <h2 id={id}>{t('work.review.acceptedTitle')}</h2>
        {report.reviewComment && (
          <>
            <p className="work-review-label">{t('work.review.comment')}</p>
            <blockquote className="work-review-comment">{report.reviewComment}</blockquote>
          </>
        )}
        {by && <p className="muted">{t('work.review.by', { who: by })}</p>}
      </section>
    );
  }
  return null;
}

/** What was reported, for reading, once the report can no longer be changed here. */
function ReportSummary({
  report,
  shape,
}: {
  report: Report;
  shape: ReturnType<typeof valueShape>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const empty = <span className="muted">{t('work.editor.none')}</span>;
  const value = formatReportValue(report.value, shape, lang, t);
  return (
    <section className="report-summary" aria-labelledby="report-summary-heading">
      <h2 id="report-summary-heading">{t('work.editor.resultHeading')}</h2>
      <dl>
        {shape.kind === 'progress' ? (
          <div>
            <dt>{t('work.value.progress')}</dt>
            <dd>{report.progress ? t(`work.progress.${report.progress}`) : empty}</dd>
          </div>
        ) : (
          <div>
            <dt>{t('work.fields.value')}</dt>
            <dd>{value ?? empty}</dd>
          </div>
        )}
        {textFields.map((field) => (
          <div key={field}>
            <dt>{t(`work.fields.${field}`)}</dt>
            <dd className="pre-line">{report[field] ?? empty}</dd>
          </div>
        ))}
        {report.evidenceExplanation && (
          <div>
            <dt>{t('work.fields.evidenceExplanation')}</dt>
            <dd className="pre-line">{report.evidenceExplanation}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div
      className="leave-dialog notice"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onStay();
      }}
    >
      <p id={id}>{t('work.editor.leaveQuestion')}</p>
      <div className="leave-dialog-actions">
        <button ref={stay} type="button" className="button button-primary" onClick={onStay}>
          {t('work.editor.stay')}
        </button>
        <button type="button" className="button" onClick={onLeave}>
          {t('work.editor.leave')}
        </button>
      </div>
    </div>
  );
}
