import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useEffectEvent, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { components } from '@/api/schema';
import { ApiError, readableError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { useAcceptReport } from '@/features/review/api/accept-report';
import { useGetIndicator, useGetTask } from '@/lib/plan-items';
import { useGetReport } from '@/features/review/api/get-report';
import {
  getReviewQueueQueryOptions,
  useGetReviewQueue,
} from '@/features/review/api/get-review-queue';
import { useReopenReport } from '@/features/review/api/reopen-report';
import { useReturnReport } from '@/features/review/api/return-report';
import { readQueueState, toQueueApiParams } from '@/features/review/components/queue-state';
import { ReportEvidence } from '@/features/review/components/report-evidence';
import { ReportHistory } from '@/features/review/components/report-history';
import {
  formatDateTime,
  formatTarget,
  formatTiming,
  formatValue,
  periodYear,
} from '@/features/review/components/review-format';
import { periodLabel } from '@/lib/periods';
import {
  readReviewNavigation,
  reviewNavigation,
  Fact,
  StateBadge,
} from '@/features/review/components/review-shared';
import { Spinner } from '@/components/form-fields';
import { LoadError } from '@/components/load-error';

type Report = components['schemas']['Report'];

/** One report, opened from the queue: read it, then accept, return, or reopen it. */
export function ReportReview() {
  const { reportId = '' } = useParams();
  // A fresh page per report: the comment typed for one must not stay for the next.
  return <ReportReviewPage key={reportId} reportId={reportId} />;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The reports around this one in the queue it was opened from (its filters in the URL). */
function useQueueNeighbours(reportId: string, searchParams: URLSearchParams) {
  const queryClient = useQueryClient();
  const params = toQueueApiParams(readQueueState(searchParams));
  const query = useGetReviewQueue(params);
  const items = query.data?.items ?? [];
  const index = items.findIndex((report) => report.id === reportId);
  return {
    inQueue: index >= 0,
    index,
    count: items.length,
    previous: index > 0 ? items[index - 1] : undefined,
    next: index >= 0 ? items[index + 1] : undefined,
    /** After a step this report has left the queue: the one now in its place, if any. */
    async following(): Promise<string | undefined> {
      const fresh = await queryClient
        .fetchQuery(getReviewQueueQueryOptions(params))
        .catch(() => undefined);
      const remaining = (fresh?.items ?? []).filter((report) => report.id !== reportId);
      return remaining[Math.min(Math.max(index, 0), remaining.length - 1)]?.id;
    },
  };
}

function ReportReviewPage({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const search = searchParams.size > 0 ? `?${searchParams.toString()}` : '';
  const arrival = readReviewNavigation(location.state);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reportQuery = useGetReport(reportId);
  const queue = useQueueNeighbours(reportId, searchParams);
  const [notice, setNotice] = useState<string | null>(arrival.message);
  const report = reportQuery.data?.report;

  const focused = useRef(false);
  useEffect(() => {
    if (report && arrival.focus && !focused.current) {
      focused.current = true;
      headingRef.current?.focus();
    }
  }, [report, arrival.focus]);

  const keys = {
    accept: t('review.shortcuts.keys.accept'),
    return: t('review.shortcuts.keys.return'),
    next: t('review.shortcuts.keys.next'),
    previous: t('review.shortcuts.keys.previous'),
  };

  function open(id: string) {
    void navigate(
      { pathname: `../${id}`, search },
      { relative: 'path', state: reviewNavigation({ focus: true }) },
    );
  }

  /** After a step: on to the report now in this one's place, or back to the list when none is left. */
  async function moveOn(message: string) {
    if (!queue.inQueue) {
      setNotice(message);
      headingRef.current?.focus();
      return;
    }
    const following = await queue.following();
    if (following) {
      void navigate(
        { pathname: `../${following}`, search },
        { relative: 'path', state: reviewNavigation({ message, focus: true }) },
      );
      return;
    }
    const listSearch = new URLSearchParams(searchParams);
    listSearch.delete('page');
    void navigate(
      { pathname: '..', search: `?${listSearch.toString()}` },
      {
        relative: 'path',
        state: reviewNavigation({
          message: `${message} ${t('review.actions.queueDone')}`,
          focus: true,
        }),
      },
    );
  }

  const previous = queue.previous;
  const next = queue.next;
  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === keys.next && next) {
      event.preventDefault();
      open(next.id);
    } else if (key === keys.previous && previous) {
      event.preventDefault();
      open(previous.id);
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  return (
    <article className="page review review-report" aria-labelledby="review-report-heading">
      <title>
        {t('app.documentTitle', {
          page: report ? `${report.item.code} – ${report.unit.name}` : t('review.title'),
        })}
      </title>
      <p className="review-back">
        <Link to={{ pathname: '..', search }} relative="path">
          {t('review.detail.back')}
        </Link>
      </p>

      {queue.inQueue && queue.index >= 0 && (
        <nav className="review-pager" aria-label={t('review.detail.pager')}>
          <span>{t('review.detail.position', { index: queue.index + 1, count: queue.count })}</span>
          {previous ? (
            <Link
              className="button"
              to={{ pathname: `../${previous.id}`, search }}
              relative="path"
              state={reviewNavigation({ focus: true })}
              aria-keyshortcuts={keys.previous}
            >
              {t('review.detail.previous')}
            </Link>
          ) : null}
          {next ? (
            <Link
              className="button"
              to={{ pathname: `../${next.id}`, search }}
              relative="path"
              state={reviewNavigation({ focus: true })}
              aria-keyshortcuts={keys.next}
            >
              {t('review.detail.next')}
            </Link>
          ) : null}
        </nav>
      )}

      {notice && (
        <p role="status" className="notice notice-success">
          {notice}
        </p>
      )}

      {reportQuery.isPending && (
        <>
          <h1 id="review-report-heading">{t('review.title')}</h1>
          <p role="status" className="notice">
            <Spinner /> {t('review.detail.loading')}
          </p>
        </>
      )}

      {reportQuery.isError && (
        <>
          <h1 id="review-report-heading">{t('review.title')}</h1>
          <LoadError
            title={t('review.detail.errorTitle')}
            error={reportQuery.error}
            onRetry={() => void reportQuery.refetch()}
          />
        </>
      )}

      {report && reportQuery.data && (
        <>
          <header className="review-report-header">
            <h1 id="review-report-heading" ref={headingRef} tabIndex={-1}>
              {`${report.item.code} – ${report.unit.name}`}
            </h1>
            <p className="review-report-state">
              <StateBadge state={report.state} />
              {report.locked && <span className="status">{t('review.detail.locked')}</span>}
              {reportQuery.isFetching && (
                <span role="status" className="muted">
                  <Spinner /> {t('review.detail.refreshing')}
                </span>
              )}
            </p>
          </header>
          <div className="review-layout">
            <div className="review-main">
              <ReportFacts report={report} />
              <ItemResult report={report} />
              <Narrative report={report} />
              <ReportEvidence report={report} />
            </div>
            {/* After the content and before the history: on a phone, the decision comes right after
                what it is about; on a wide screen it stays beside the content. */}
            <aside className="review-aside" aria-label={t('review.actions.title')}>
              <ReviewActions
                report={report}
                etag={reportQuery.data.etag}
                keys={keys}
                headingRef={headingRef}
                hasNeighbours={Boolean(previous ?? next)}
                onDone={(message) => void moveOn(message)}
              />
            </aside>
            <div className="review-more">
              <ReportHistory reportId={report.id} />
            </div>
          </div>
        </>
      )}
    </article>
  );
}

function ReportFacts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const isTask = report.item.kind === 'TASK';
  return (
    <section className="review-section" aria-labelledby="review-facts-heading">
      <h2 id="review-facts-heading">{t('review.detail.facts')}</h2>
      <dl className="review-facts">
        <Fact label={isTask ? t('review.detail.task') : t('review.detail.indicator')}>
          {`${report.item.code} ${report.item.content}`}
        </Fact>
        <Fact label={t('review.detail.unit')}>{report.unit.name}</Fact>
        <Fact label={t('review.detail.role')}>{t(`review.role.${report.role}`)}</Fact>
        <Fact label={t('review.detail.plan')}>
          {report.plan.documentNumber
            ? `${report.plan.documentNumber} – ${report.plan.title}`
            : report.plan.title}
        </Fact>
        <Fact label={t('review.detail.period')}>{periodLabel(report.period.key, t)}</Fact>
        <Fact label={t('review.detail.deadline')}>
          {formatDate(report.period.unitDeadline, lang)}
        </Fact>
        <Fact label={t('review.detail.submitted')}>
          {report.submittedAt
            ? t('review.detail.byAt', {
                at: formatDateTime(report.submittedAt, lang),
                by: report.submittedBy ?? t('review.detail.unknownPerson'),
              })
            : t('review.timing.notSubmitted')}
        </Fact>
        <Fact label={t('review.detail.timing')}>{formatTiming(report, t)}</Fact>
        {report.reviewedAt && (
          <Fact label={t('review.detail.reviewed')}>
            {t('review.detail.byAt', {
              at: formatDateTime(report.reviewedAt, lang),
              by: report.reviewedBy ?? t('review.detail.unknownPerson'),
            })}
          </Fact>
        )}
        {report.reviewComment && (
          <Fact
            label={
              report.state === 'RETURNED'
                ? t('review.detail.returnReason')
                : t('review.detail.reviewComment')
            }
          >
            <span className="review-text">{report.reviewComment}</span>
          </Fact>
        )}
        {report.reopenReason && (
          <Fact label={t('review.detail.reopenReason')}>
            <span className="review-text">{report.reopenReason}</span>
          </Fact>
        )}
      </dl>
    </section>
  );
}

/** The target and the value for an indicator; the product, timeframe and progress for a task. */
function ItemResult({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <section className="review-section" aria-labelledby="review-result-heading">
      <h2 id="review-result-heading">{t('review.detail.result')}</h2>
      {report.item.kind === 'TASK' ? (
        <TaskResult report={report} />
      ) : (
        <IndicatorResult report={report} />
      )}
    </section>
  );
}

function IndicatorResult({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const indicatorQuery = useGetIndicator(report.plan.id, report.item.id);
  const indicator = indicatorQuery.data;
  const year = periodYear(report.period.key);
  const target = indicator?.targets.find((candidate) => candidate.year === year);
  const value = report.value;
  return (
    <dl className="review-facts">
      <Fact label={t('review.detail.target', { year })}>
        {indicatorQuery.isPending ? (
          <span className="muted">{t('review.detail.targetLoading')}</span>
        ) : indicatorQuery.isError ? (
          <span className="field-error">{readableError(indicatorQuery.error)}</span>
        ) : target ? (
          formatTarget(target, lang, indicator?.unitOfMeasure)
        ) : (
          <span className="muted">{t('review.detail.noTarget')}</span>
        )}
      </Fact>
      {indicator?.unitOfMeasure && (
        <Fact label={t('review.detail.unitOfMeasure')}>{indicator.unitOfMeasure}</Fact>
      )}
      <Fact label={t('review.detail.value')}>
        <strong>{formatValue(value, t, { lang, unitOfMeasure: indicator?.unitOfMeasure })}</strong>
      </Fact>
      {value.numerator !== null && (
        <Fact label={indicator?.numeratorLabel ?? t('review.value.numerator')}>
          {formatValue({ ...value, denominator: null, number: value.numerator }, t, { lang })}
        </Fact>
      )}
      {value.denominator !== null && (
        <Fact label={indicator?.denominatorLabel ?? t('review.value.denominator')}>
          {formatValue({ ...value, numerator: null, number: value.denominator }, t, { lang })}
        </Fact>
      )}
    </dl>
  );
}

function TaskResult({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const taskQuery = useGetTask(report.plan.id, report.item.id);
  const task = taskQuery.data;
  const timeframe = task
    ? (task.timeframe.wording ??
      (task.timeframe.kind === 'ONGOING'
        ? t('review.detail.ongoing')
        : [task.timeframe.startYear, task.timeframe.endYear]
            .filter((year, index, years) => year !== null && years.indexOf(year) === index)
            .join('–')))
    : null;
  return (
    <dl className="review-facts">
      {taskQuery.isError && (
        <Fact label={t('review.detail.task')}>
          <span className="field-error">{readableError(taskQuery.error)}</span>
        </Fact>
      )}
      {task?.product && <Fact label={t('review.detail.product')}>{task.product}</Fact>}
      {timeframe && <Fact label={t('review.detail.timeframe')}>{timeframe}</Fact>}
      <Fact label={t('review.detail.progress')}>
        <strong>
          {report.progress ? t(`review.progress.${report.progress}`) : t('review.value.empty')}
        </strong>
      </Fact>
      {!report.value.empty && (
        <Fact label={t('review.detail.value')}>{formatValue(report.value, t, { lang })}</Fact>
      )}
    </dl>
  );
}

function Narrative({ report }: { report: Report }) {
  const { t } = useTranslation();
  const blocks = [
    { label: t('review.detail.achievements'), text: report.achievements },
    { label: t('review.detail.difficulties'), text: report.difficulties },
    { label: t('review.detail.proposals'), text: report.proposals },
  ];
  return (
    <section className="review-section" aria-labelledby="review-narrative-heading">
      <h2 id="review-narrative-heading">{t('review.detail.narrative')}</h2>
      {blocks.map((block) => (
        <div key={block.label} className="review-text-block">
          <h3>{block.label}</h3>
          {block.text ? (
            <p className="review-text">{block.text}</p>
          ) : (
            <p className="muted">{t('review.detail.notFilled')}</p>
          )}
        </div>
      ))}
    </section>
  );
}

type Keys = { accept: string; return: string; next: string; previous: string };

function refusalMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
    return t('review.actions.reloaded', { detail: error.detail });
  }
  return readableError(error);
}

/** Accept or return a submitted report; reopen an accepted one. */
function ReviewActions({
  report,
  etag,
  keys,
  headingRef,
  hasNeighbours,
  onDone,
}: {
  report: Report;
  etag: string;
  keys: Keys;
  headingRef: RefObject<HTMLHeadingElement | null>;
  hasNeighbours: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const accept = useAcceptReport();
  const sendBack = useReturnReport();
  const reopen = useReopenReport();
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const busy = accept.isPending || sendBack.isPending || reopen.isPending;
  const names = { item: report.item.code, unit: report.unit.name };

  function start() {
    setAlert(null);
    setFieldError(null);
  }

  function failed(error: unknown) {
    const commentProblem = error instanceof ApiError ? error.fieldErrors.comment : undefined;
    if (commentProblem) {
      setFieldError(commentProblem);
      setAlert(t('review.actions.checkField'));
      commentRef.current?.focus();
      return;
    }
    setAlert(refusalMessage(error, t));
    // The report is read again; its heading is where the user finds out what it now says.
    if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
      headingRef.current?.focus();
    }
  }

  /**
   * One workflow step on a report in the state the step needs; `required` is the message shown when the step needs
   * a comment (a return, a reopen) and none was written.
   */
  function act(
    from: 'SUBMITTED' | 'ACCEPTED',
    step: typeof accept,
    done: string,
    required?: string,
  ) {
    if (busy || report.state !== from) return;
    start();
    if (required && comment.trim() === '') {
      setFieldError(required);
      commentRef.current?.focus();
      return;
    }
    step.mutate(
      { reportId: report.id, etag, comment },
      { onSuccess: () => onDone(done), onError: failed },
    );
  }

  const doAccept = () => act('SUBMITTED', accept, t('review.actions.accepted', names));
  const doReturn = () =>
    act(
      'SUBMITTED',
      sendBack,
      t('review.actions.returned', names),
      t('review.actions.commentRequired'),
    );
  const doReopen = () =>
    act('ACCEPTED', reopen, t('review.reopen.done', names), t('review.reopen.reasonRequired'));

  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === keys.accept && report.actions.includes('ACCEPT')) {
      event.preventDefault();
      doAccept();
    } else if (key === keys.return && report.actions.includes('RETURN')) {
      event.preventDefault();
      doReturn();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, fieldError ? errorId : null].filter(Boolean).join(' ');
  const alertRegion = (
    <div role="alert" className="form-alert">
      {alert && <p className="notice notice-error">{alert}</p>}
    </div>
  );

  // What the reviewer may do is the server's answer (the report's actions), not a rule of the web app.
  if (report.actions.includes('ACCEPT') || report.actions.includes('RETURN')) {
    return (
      <section className="review-panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('review.actions.title')}</h2>
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t('review.actions.comment')}</label>
          <textarea
            ref={commentRef}
            id={`${id}-comment`}
            name="comment"
            rows={4}
            value={comment}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => setComment(event.target.value)}
          />
          <p id={hintId} className="field-hint">
            {t('review.actions.commentHint')}
          </p>
          {fieldError && (
            <p id={errorId} className="field-error">
              {fieldError}
            </p>
          )}
        </div>
        {alertRegion}
        <div className="review-buttons">
          <button
            type="button"
            className="button button-primary"
            accessKey={keys.accept}
            aria-keyshortcuts={keys.accept}
            disabled={busy}
            onClick={doAccept}
          >
            {accept.isPending && <Spinner />}
            {accept.isPending ? t('review.actions.accepting') : t('review.actions.accept')}
            <kbd aria-hidden="true">{keys.accept.toUpperCase()}</kbd>
          </button>
          <button
            type="button"
            className="button button-danger"
            accessKey={keys.return}
            aria-keyshortcuts={keys.return}
            disabled={busy}
            onClick={doReturn}
          >
            {sendBack.isPending && <Spinner />}
            {sendBack.isPending ? t('review.actions.returning') : t('review.actions.return')}
            <kbd aria-hidden="true">{keys.return.toUpperCase()}</kbd>
          </button>
        </div>
        <ShortcutHelp keys={keys} review navigation={hasNeighbours} />
      </section>
    );
  }

  if (report.actions.includes('REOPEN')) {
    return (
      <section className="review-panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('review.reopen.title')}</h2>
        <p>{t('review.reopen.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t('review.reopen.reason')}</label>
          <textarea
            ref={commentRef}
            id={`${id}-comment`}
            name="comment"
            rows={3}
            value={comment}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? errorId : undefined}
            onChange={(event) => setComment(event.target.value)}
          />
          {fieldError && (
            <p id={errorId} className="field-error">
              {fieldError}
            </p>
          )}
        </div>
        {alertRegion}
        <button type="button" className="button" disabled={busy} onClick={doReopen}>
          {reopen.isPending && <Spinner />}
          {reopen.isPending ? t('review.reopen.submitting') : t('review.reopen.submit')}
        </button>
        {hasNeighbours && <ShortcutHelp keys={keys} review={false} navigation />}
      </section>
    );
  }

  return (
    <section className="review-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('review.actions.title')}</h2>
      {alertRegion}
      <p>
        {report.state === 'RETURNED'
          ? t('review.actions.waitingForUnit')
          : t('review.actions.notSubmitted')}
      </p>
      {hasNeighbours && <ShortcutHelp keys={keys} review={false} navigation />}
    </section>
  );
}

function ShortcutHelp({
  keys,
  review,
  navigation,
}: {
  keys: Keys;
  /** The accept and return keys apply (the report waits for review). */
  review: boolean;
  /** The next and previous keys apply (the report was opened from a list). */
  navigation: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const entries = [
    ...(review
      ? [
          { key: keys.accept, label: t('review.shortcuts.accept') },
          { key: keys.return, label: t('review.shortcuts.return') },
        ]
      : []),
    ...(navigation
      ? [
          { key: keys.next, label: t('review.shortcuts.next') },
          { key: keys.previous, label: t('review.shortcuts.previous') },
        ]
      : []),
  ];
  return (
    <div className="review-shortcuts">
      <h3 id={id}>{t('review.shortcuts.title')}</h3>
      <dl aria-labelledby={id}>
        {entries.map((entry) => (
          <div key={entry.key}>
            <dt>
              <kbd>{entry.key.toUpperCase()}</kbd>
            </dt>
            <dd>{entry.label}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">{t('review.shortcuts.note')}</p>
    </div>
  );
}
