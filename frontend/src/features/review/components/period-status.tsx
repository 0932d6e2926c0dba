import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { ApiError, readableError } from '@/lib/api-client';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useGetConsolidatedReport, useGetPlanOverview } from '@/lib/consolidated-report';
import { useGetLateAssignments } from '@/features/review/api/get-late-assignments';
import { versionTag } from '@/features/review/api/get-report';
import { useGetReviewQueue } from '@/features/review/api/get-review-queue';
import { useSendUpPeriod } from '@/features/review/api/send-up-period';
import { scopeSearch } from '@/features/review/components/queue-state';
import { lateUnitReminder, sendUpReminder } from '@/features/review/components/reminder-text';
import { formatDateTime } from '@/features/review/components/review-format';
import { periodLabel } from '@/lib/periods';
import {
  ReviewScopePicker,
  ReviewTabs,
  useReviewScope,
} from '@/features/review/components/review-scope';
import { ReportDownloads } from '@/components/report-downloads';
import { ConsolidatedIndicators } from '@/features/review/components/consolidated-indicators';
import { Spinner } from '@/components/form-fields';
import { Fact } from '@/features/review/components/review-shared';
import { LoadError } from '@/components/load-error';

type Assignment = components['schemas']['Assignment'];
type ConsolidatedReport = components['schemas']['ConsolidatedReport'];
type LateUnit = components['schemas']['LateUnit'];
type PlanRef = components['schemas']['PlanRef'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];
type SubordinatePlan = components['schemas']['SubordinatePlan'];

/** The period as a whole: who has not reported, reminders to them, and sending the report up. */
export function PeriodStatus() {
  const { t } = useTranslation();
  const scope = useReviewScope();
  const consolidatedQuery = useGetConsolidatedReport(scope.planId, scope.periodKey);
  const consolidated = consolidatedQuery.data;

  return (
    <section className="page review" aria-labelledby="review-period-heading">
      <title>{t('app.documentTitle', { page: t('review.periodPage.title') })}</title>
      <h1 id="review-period-heading">{t('review.periodPage.title')}</h1>
      <ReviewTabs current="period" />
      <ReviewScopePicker scope={scope} />

      {scope.planId && scope.periodKey && (
        <>
          <div className="progress-slot">
            {consolidatedQuery.isFetching && (
              <progress className="progress" aria-label={t('review.periodPage.loading')} />
            )}
          </div>
          {consolidatedQuery.isPending && (
            <p role="status" className="notice">
              {t('review.periodPage.loading')}
            </p>
          )}
          {consolidatedQuery.isError && (
            <LoadError
              title={t('review.periodPage.errorTitle')}
              error={consolidatedQuery.error}
              onRetry={() => void consolidatedQuery.refetch()}
            />
          )}
          {consolidated && (
            <>
              <ReportDownloads
                className="review-downloads"
                planId={consolidated.plan.id}
                periodKey={consolidated.period.key}
              />
              <PeriodSummary consolidated={consolidated} />
              <ConsolidatedIndicators consolidated={consolidated} />
              <LateUnits consolidated={consolidated} />
              <SubordinatePlans plan={consolidated.plan} periodKey={consolidated.period.key} />
              <SendUp
                plan={consolidated.plan}
                period={consolidated.period}
                canReview={scope.canReview}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

function PeriodStateBadge({ period }: { period: ReportingPeriod }) {
  const { t } = useTranslation();
  return (
    <span className={`status ${period.closed ? 'review-state-accepted' : 'review-state-open'}`}>
      {period.closed ? t('review.sendUp.stateClosed') : t('review.sendUp.stateOpen')}
    </span>
  );
}

/** The queue's count for the period: reports still waiting, which block sending up. */
function useWaitingCount(planId: string, periodKey: string) {
  return useGetReviewQueue({ planId, periodKey, state: 'SUBMITTED', page: 0, size: 1 });
}

function PeriodSummary({ consolidated }: { consolidated: ConsolidatedReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [searchParams] = useSearchParams();
  const { period, timeliness } = consolidated;
  const waitingQuery = useWaitingCount(consolidated.plan.id, period.key);
  const waiting = waitingQuery.data?.totalItems;
  const count = (value: number) => formatNumber(value, lang);
  return (
    <section className="review-section" aria-labelledby="review-summary-heading">
      <h2 id="review-summary-heading">
        {t('review.periodPage.summaryTitle', { period: periodLabel(period.key, t) })}
      </h2>
      <dl className="review-facts review-summary">
        <Fact label={t('review.periodPage.state')}>
          <PeriodStateBadge period={period} />
        </Fact>
        <Fact label={t('review.periodPage.unitDeadline')}>
          {formatDate(period.unitDeadline, lang)}
        </Fact>
        <Fact label={t('review.periodPage.consolidationDeadline')}>
          {formatDate(period.consolidationDeadline, lang)}
        </Fact>
        <Fact label={t('review.periodPage.expected')}>{count(timeliness.expected)}</Fact>
        <Fact label={t('review.periodPage.submitted')}>{count(timeliness.submitted)}</Fact>
        <Fact label={t('review.periodPage.onTime')}>{count(timeliness.onTime)}</Fact>
        <Fact label={t('review.periodPage.late')}>{count(timeliness.late)}</Fact>
        <Fact label={t('review.periodPage.missing')}>{count(timeliness.missing)}</Fact>
        <Fact label={t('review.periodPage.waiting')}>
          {waitingQuery.isError ? (
            <span className="field-error">{readableError(waitingQuery.error)}</span>
          ) : waiting === undefined ? (
            '…'
          ) : (
            <Link to={{ pathname: '..', search: scopeSearch(searchParams) }} relative="path">
              {t('review.periodPage.waitingLink', { count: waiting })}
            </Link>
          )}
        </Fact>
      </dl>
    </section>
  );
}

function itemsByUnit(assignments: Assignment[]): Map<string, Assignment['item'][]> {
  const byUnit = new Map<string, Assignment['item'][]>();
  for (const assignment of assignments) {
    const items = byUnit.get(assignment.unit.id) ?? [];
    if (!items.some((item) => item.id === assignment.item.id)) items.push(assignment.item);
    byUnit.set(assignment.unit.id, items);
  }
  for (const items of byUnit.values()) {
    items.sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }));
  }
  return byUnit;
}

/** Units that missed the deadline: those with items still missing first get a ready reminder. */
function LateUnits({ consolidated }: { consolidated: ConsolidatedReport }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { period, plan, timeliness } = consolidated;
  const assignmentsQuery = useGetLateAssignments(plan.id, period.key);
  const owed = itemsByUnit(assignmentsQuery.data ?? []);
  const units = timeliness.lateUnits;
  return (
    <section className="review-section" aria-labelledby="review-late-heading">
      <h2 id="review-late-heading">{t('review.late.title')}</h2>
      {units.length === 0 ? (
        <p>
          {t('review.late.none', {
            deadline: formatDate(period.unitDeadline, lang),
          })}
        </p>
      ) : (
        <>
          <p className="muted">{t('review.late.intro')}</p>
          {assignmentsQuery.isError && (
            <LoadError
              error={assignmentsQuery.error}
              onRetry={() => void assignmentsQuery.refetch()}
            />
          )}
          <ul className="review-cards">
            {units.map((late) => (
              <LateUnitCard
                key={late.unit.id}
                late={late}
                items={owed.get(late.unit.id) ?? []}
                itemsPending={assignmentsQuery.isPending}
                plan={plan}
                period={period}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LateUnitCard({
  late,
  items,
  itemsPending,
  plan,
  period,
}: {
  late: LateUnit;
  items: Assignment['item'][];
  itemsPending: boolean;
  plan: PlanRef;
  period: ReportingPeriod;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <li className="review-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{late.unit.name}</h3>
      <p className="review-card-state">
        {late.missing > 0 ? (
          <span className="status review-state-late">{t('review.late.notSubmitted')}</span>
        ) : (
          <span className="status review-state-returned">{t('review.late.submittedLateOnly')}</span>
        )}
        {late.daysLate > 0 && <span>{t('review.late.daysLate', { count: late.daysLate })}</span>}
      </p>
      <ul className="review-card-counts">
        {late.missing > 0 && <li>{t('review.late.missing', { count: late.missing })}</li>}
        {late.submittedLate > 0 && (
          <li>{t('review.late.submittedLate', { count: late.submittedLate })}</li>
        )}
      </ul>
      {late.missing > 0 && items.length > 0 && (
        <ul className="review-owed">
          {items.map((item) => (
            <li key={item.id}>{`${item.code} ${item.content}`}</li>
          ))}
        </ul>
      )}
      {late.missing > 0 &&
        (itemsPending ? (
          <p role="status" className="muted">
            <Spinner /> {t('review.late.loadingItems')}
          </p>
        ) : (
          <CopyReminder
            unitName={late.unit.name}
            text={lateUnitReminder({
              unit: late.unit,
              plan,
              periodKey: period.key,
              deadline: period.unitDeadline,
              items,
              missing: late.missing,
            })}
          />
        ))}
    </li>
  );
}

/** Copies a reminder to the clipboard; where that is refused, shows it selected for copying by hand. */
function CopyReminder({ text, unitName }: { text: string; unitName: string }) {
  const { t } = useTranslation();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<'copied' | 'manual' | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (outcome === 'manual' && open) {
      textRef.current?.focus();
      textRef.current?.select();
    }
  }, [outcome, open]);

  async function copy() {
    try {
      // Absent outside secure contexts (plain http), hence the check despite the type.
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('manual');
      setOpen(true);
    }
  }

  return (
    <div className="review-reminder">
      <button type="button" className="button" onClick={() => void copy()}>
        {t('review.late.copy')} <span className="visually-hidden">{unitName}</span>
      </button>
      <p role="status" className="review-reminder-status">
        {outcome === 'copied' && t('review.late.copied', { unit: unitName })}
        {outcome === 'manual' && t('review.late.copyFallback')}
      </p>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t('review.late.showMessage')}</summary>
        <label htmlFor={`${id}-text`} className="visually-hidden">
          {t('review.late.messageLabel', { unit: unitName })}
        </label>
        <textarea
          ref={textRef}
          id={`${id}-text`}
          className="review-reminder-text"
          readOnly
          rows={8}
          value={text}
        />
        <p className="field-hint">{t('review.late.messageLanguage')}</p>
      </details>
    </div>
  );
}

/** For a plan carried out by lower levels (a province's): whose consolidated report is still due. */
function SubordinatePlans({ plan, periodKey }: { plan: PlanRef; periodKey: string }) {
  const { t } = useTranslation();
  const overviewQuery = useGetPlanOverview(plan.id, periodKey);
  if (overviewQuery.isError) {
    return (
      <section className="review-section" aria-labelledby="review-subordinates-heading">
        <h2 id="review-subordinates-heading">{t('review.subordinates.title')}</h2>
        <LoadError error={overviewQuery.error} onRetry={() => void overviewQuery.refetch()} />
      </section>
    );
  }
  const plans = overviewQuery.data?.plans ?? [];
  if (plans.length === 0) return null;
  return (
    <section className="review-section" aria-labelledby="review-subordinates-heading">
      <h2 id="review-subordinates-heading">{t('review.subordinates.title')}</h2>
      <ul className="review-cards">
        {plans.map((subordinate) => (
          <SubordinateCard
            key={subordinate.plan.id}
            subordinate={subordinate}
            parentPlan={plan}
            periodKey={periodKey}
          />
        ))}
      </ul>
    </section>
  );
}

function SubordinateCard({
  subordinate,
  parentPlan,
  periodKey,
}: {
  subordinate: SubordinatePlan;
  parentPlan: PlanRef;
  periodKey: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = useId();
  const sent = subordinate.sentUpAt !== null;
  const state = sent
    ? subordinate.late
      ? t('review.subordinates.sentLate')
      : t('review.subordinates.sent')
    : subordinate.late
      ? t('review.subordinates.overdue')
      : t('review.subordinates.notSent');
  return (
    <li className="review-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{subordinate.issuingUnit.name}</h3>
      <p className="muted">{subordinate.plan.title}</p>
      <p className="review-card-state">
        <span
          className={`status ${sent ? 'review-state-accepted' : subordinate.late ? 'review-state-late' : 'review-state-open'}`}
        >
          {state}
        </span>
        {subordinate.sentUpAt && <span>{formatDateTime(subordinate.sentUpAt, lang)}</span>}
      </p>
      {subordinate.consolidationDeadline && (
        <p>
          {t('review.subordinates.deadline', {
            deadline: formatDate(subordinate.consolidationDeadline, lang),
          })}
        </p>
      )}
      {subordinate.timeliness.missing > 0 && (
        <p>{t('review.subordinates.missing', { count: subordinate.timeliness.missing })}</p>
      )}
      {!sent && (
        <CopyReminder
          unitName={subordinate.issuingUnit.name}
          text={sendUpReminder({
            unit: subordinate.issuingUnit,
            parentPlan,
            plan: subordinate.plan,
            periodKey: subordinate.periodKey ?? periodKey,
            deadline: subordinate.consolidationDeadline,
          })}
        />
      )}
    </li>
  );
}

/** Marking the consolidated report as sent up: the period closes and accepted reports lock. */
function SendUp({
  plan,
  period,
  canReview,
}: {
  plan: PlanRef;
  period: ReportingPeriod;
  canReview: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const noteRef = useRef<HTMLInputElement>(null);
  const sendUp = useSendUpPeriod();
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const waiting = useWaitingCount(plan.id, period.key).data?.totalItems;

  const error = sendUp.error;
  const noteError = error instanceof ApiError ? error.fieldErrors.note : undefined;
  const alert = !sendUp.isError
    ? null
    : noteError
      ? t('review.sendUp.checkField')
      : error instanceof ApiError && error.status === 412
        ? t('review.sendUp.reloaded', { detail: error.detail })
        : readableError(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sendUp.isPending) return;
    setDone(null);
    sendUp.mutate(
      { planId: plan.id, periodKey: period.key, etag: versionTag(period.version), note },
      {
        onSuccess: () => {
          setNote('');
          setDone(t('review.sendUp.done', { period: periodLabel(period.key, t) }));
        },
        onError: (failure) => {
          if (failure instanceof ApiError && failure.fieldErrors.note) noteRef.current?.focus();
        },
      },
    );
  }

  return (
    <section className="review-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('review.sendUp.title')}</h2>
      <div role="status" className="form-alert">
        {done && <p className="notice notice-success">{done}</p>}
      </div>
      {period.closed ? (
        <>
          <p>
            <PeriodStateBadge period={period} />{' '}
            {period.sentUpAt &&
              t('review.sendUp.sentAt', {
                at: formatDateTime(period.sentUpAt, lang),
                by: period.sentUpBy ?? t('review.detail.unknownPerson'),
              })}
          </p>
          {period.sentUpNote && <p>{t('review.sendUp.sentNote', { note: period.sentUpNote })}</p>}
          <p className="muted">{t('review.sendUp.closedHint')}</p>
        </>
      ) : (
        <form className="form-stack" noValidate onSubmit={submit}>
          <p>
            {t('review.sendUp.intro', {
              deadline: formatDate(period.consolidationDeadline, lang),
            })}
          </p>
          {waiting !== undefined && waiting > 0 && (
            <p className="notice">{t('review.sendUp.waiting', { count: waiting })}</p>
          )}
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('review.sendUp.note')}</label>
            <input
              ref={noteRef}
              id={`${id}-note`}
              name="note"
              type="text"
              value={note}
              maxLength={500}
              placeholder={t('review.sendUp.notePlaceholder')}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? `${id}-note-error` : undefined}
              onChange={(event) => setNote(event.target.value)}
            />
            {noteError && (
              <p id={`${id}-note-error`} className="field-error">
                {noteError}
              </p>
            )}
          </div>
          <div role="alert" className="form-alert">
            {alert && <p className="notice notice-error">{alert}</p>}
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={sendUp.isPending || !canReview}
          >
            {sendUp.isPending && <Spinner />}
            {sendUp.isPending ? t('review.sendUp.submitting') : t('review.sendUp.submit')}
          </button>
          {!canReview && <p className="field-hint">{t('review.sendUp.notAllowed')}</p>}
        </form>
      )}
    </section>
  );
}
