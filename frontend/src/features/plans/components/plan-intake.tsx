import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BusyButton } from '@/components/form-fields';
import { describedBy } from '@/components/field-messages';
import { LoadError } from '@/components/load-error';
import { ApiError } from '@/lib/api-client';
import { useGetMe } from '@/lib/me';
import { useGetPlans } from '@/features/plans/api/get-plans';
import {
  isIntakeJob,
  planFileAccept,
  useCommitPlanIntake,
  usePlanIntakeJob,
  usePreviewPlanIntake,
  useReadPlanDocument,
  type PlanIntake,
  type PlanIntakeJob,
  type PlanIntakeFinding,
  type PlanIntakeInput,
  type PlanIntakeSource,
} from '@/features/plans/api/plan-intakes';
import { FormAlert, isStale } from '@/features/plans/components/form-alert';
import {
  changesSentence,
  IntakePlan,
  type UnitName,
} from '@/features/plans/components/intake-plan';
import {
  FindingNote,
  IntakeSource,
  type ChoicesChange,
  type IntakeChoices,
} from '@/features/plans/components/intake-source';
import { IssuerChoice } from '@/features/plans/components/intake-issuer';
import { mayCreatePlans } from '@/features/plans/utils/actions';
import { blockElementId, columnName, errorCount, errorsFirst } from '@/features/plans/utils/intake';
import '@/features/plans/components/plans.css';

/** The summary of a preview, where the result of previewing again is read. */
const summaryElementId = 'intake-summary';

const noChoices: IntakeChoices = {
  units: {},
  createUnitGroups: [],
  acknowledgeUnused: false,
  issuingUnitId: null,
};

/**
 * Refusals of the file itself (not a plan file, too large, damaged, protected), and the scan readers all busy: said
 * next to the file field.
 */
function fileProblem(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 503 && error.code === 'intake.busy') return t('plan.intake.busy');
  if (error.status === 413 || error.status === 415) return error.detail;
  if (error.status === 400 && error.code.startsWith('intake.')) return error.detail;
  return null;
}

function toInput(source: PlanIntakeSource, choices: IntakeChoices): PlanIntakeInput {
  return {
    source,
    choices: {
      units: choices.units,
      createUnitGroups: choices.createUnitGroups,
      acknowledgeUnused: choices.acknowledgeUnused,
      ...(choices.issuingUnitId ? { issuingUnitId: choices.issuingUnitId } : {}),
    },
  };
}

/**
 * `/plans/intake`: an issued plan brought in from its Word file. The file is read and shown beside the plan as
 * understood, with every doubt at its block; the person corrects the text, places unknown names on units and previews
 * again, and imports once the server finds no error. For those who may draw up plans (`CREATE_PLAN`).
 */
export function PlanIntakePage() {
  const { t } = useTranslation();
  const me = useGetMe();
  const headingId = useId();
  return (
    <section className="page plan-page intake-page" aria-labelledby={headingId}>
      <title>{t('app.documentTitle', { page: t('plan.intake.title') })}</title>
      <p className="plan-back">
        <Link to="/plans">{t('plan.intake.back')}</Link>
      </p>
      <h1 id={headingId}>{t('plan.intake.title')}</h1>
      {me.isError ? (
        <LoadError
          title={t('plan.errorTitle')}
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      ) : me.isPending ? (
        <p role="status" className="notice">
          {t('plan.loading')}
        </p>
      ) : !mayCreatePlans(me.data) ? (
        <p className="notice">{t('plan.intake.notAllowed')}</p>
      ) : (
        <IntakeFlow />
      )}
    </section>
  );
}

function IntakeFlow() {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [result, setResult] = useState<PlanIntake | null>(null);
  const [original, setOriginal] = useState<PlanIntakeSource | null>(null);
  const [source, setSource] = useState<PlanIntakeSource | null>(null);
  const [choices, setChoices] = useState<IntakeChoices>(noChoices);
  const [edited, setEdited] = useState(false);
  const [committed, setCommitted] = useState<PlanIntake | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const read = useReadPlanDocument();
  const preview = usePreviewPlanIntake();
  const commit = useCommitPlanIntake();
  const job = usePlanIntakeJob(jobId);
  const scanned = jobId !== null ? job.data : undefined;
  // The job previewed once done, so that a poll's answer does not preview it twice.
  const previewedJob = useRef<string | null>(null);

  function showReading(answer: PlanIntake, asRead: PlanIntakeSource) {
    setResult(answer);
    setOriginal(asRead);
    setSource(answer.source);
  }

  // A scan read to the end: its source is previewed as a Word file's would have been at once.
  useEffect(() => {
    if (scanned?.state !== 'DONE' || !scanned.source || previewedJob.current === scanned.id) return;
    previewedJob.current = scanned.id;
    const asRead = scanned.source;
    preview.mutate(toInput(asRead, noChoices), {
      onSuccess: (answer) => showReading(answer, asRead),
    });
  }, [scanned, preview]);

  function startOver() {
    setJobId(null);
    previewedJob.current = null;
    setResult(null);
    setOriginal(null);
    setSource(null);
    setChoices(noChoices);
    setEdited(false);
    setCommitted(null);
    setMissingFile(false);
    read.reset();
    preview.reset();
    commit.reset();
  }

  function runRead(event: FormEvent) {
    event.preventDefault();
    if (read.isPending) return;
    if (!file) {
      setMissingFile(true);
      document.getElementById(fileId)?.focus();
      return;
    }
    startOver();
    read.mutate(
      { file },
      {
        onSuccess: (answer) => {
          if (isIntakeJob(answer)) setJobId(answer.id);
          else showReading(answer, answer.source);
        },
        onError: (error) => {
          if (fileProblem(error, t)) document.getElementById(fileId)?.focus();
        },
      },
    );
  }

  function runPreview() {
    if (!source || preview.isPending) return;
    commit.reset();
    preview.mutate(toInput(source, choices), {
      onSuccess: (answer) => {
        setResult(answer);
        setSource(answer.source);
        setEdited(false);
        // The person pressed the button at the foot of the screen: the result is read at the summary.
        requestAnimationFrame(() => {
          const summary = document.getElementById(summaryElementId);
          summary?.scrollIntoView?.({ block: 'start' });
          summary?.focus({ preventScroll: true });
        });
      },
    });
  }

  function runCommit() {
    if (!source || !result || !result.valid || edited || commit.isPending) return;
    commit.mutate(
      { input: toInput(source, choices), etag: result.etag },
      { onSuccess: setCommitted },
    );
  }

  const changeChoices: ChoicesChange = (change) => {
    setChoices(change);
    setEdited(true);
  };

  function editCell(index: number, row: number, column: number, text: string) {
    setSource((current) =>
      current
        ? {
            ...current,
            blocks: current.blocks.map((block) =>
              block.index === index && block.rows
                ? {
                    ...block,
                    rows: block.rows.map((cells, r) =>
                      r === row ? cells.map((cell, c) => (c === column ? text : cell)) : cells,
                    ),
                  }
                : block,
            ),
          }
        : current,
    );
    setEdited(true);
  }

  function editBlock(index: number, text: string) {
    setSource((current) =>
      current
        ? {
            ...current,
            blocks: current.blocks.map((block) =>
              block.index === index ? { ...block, text } : block,
            ),
          }
        : current,
    );
    setEdited(true);
  }

  const failedScan =
    scanned?.state === 'FAILED'
      ? t('plan.intake.scan.failed', {
          detail: scanned.problemDetail ?? t('plan.intake.scan.failedUnknown'),
        })
      : null;
  const fileError = missingFile
    ? t('plan.intake.noFile')
    : (fileProblem(read.error, t) ?? failedScan);
  const otherError =
    read.isError && !fileProblem(read.error, t)
      ? read.error
      : jobId !== null && job.isError
        ? job.error
        : jobId !== null && !result && preview.isError
          ? preview.error
          : null;
  const scanning =
    jobId !== null &&
    !result &&
    !job.isError &&
    scanned?.state !== 'FAILED' &&
    !(scanned?.state === 'DONE' && preview.isError);
  const busy = read.isPending || scanning;

  if (committed) {
    return <IntakeDone committed={committed} onAnother={startOver} />;
  }

  return (
    <>
      {result && file ? (
        <p className="intake-file">
          <span>{t('plan.intake.fileRead', { name: file.name })}</span>
          <button
            type="button"
            className="button"
            onClick={() => {
              setFile(null);
              startOver();
            }}
          >
            {t('plan.intake.otherFile')}
          </button>
        </p>
      ) : (
        <>
          <p className="intake-intro">{t('plan.intake.intro')}</p>
          <form className="plan-import-form" noValidate onSubmit={runRead} aria-busy={busy}>
            <div className="field">
              <label htmlFor={fileId}>{t('plan.intake.file')}</label>
              <input
                id={fileId}
                type="file"
                name="file"
                accept={planFileAccept}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={describedBy(fileId, { hint: true, error: fileError })}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  startOver();
                }}
              />
              <p id={`${fileId}-hint`} className="field-hint">
                {t('plan.intake.fileHint')}
              </p>
              {fileError && (
                <p id={`${fileId}-error`} className="field-error">
                  {fileError}
                </p>
              )}
            </div>
            {otherError !== null && <FormAlert error={otherError} />}
            <div className="plan-form-buttons">
              <BusyButton
                busy={busy}
                label={t('plan.intake.read')}
                busyLabel={t('plan.intake.readingShort')}
              />
            </div>
            <div role="status" className="intake-reading">
              {read.isPending && (
                <>
                  <progress className="progress" aria-label={t('plan.intake.readingShort')} />
                  <p>{t('plan.intake.reading')}</p>
                </>
              )}
              {scanning && <ScanProgress job={scanned} />}
            </div>
          </form>
        </>
      )}

      {result && source && original && (
        <IntakePreview
          result={result}
          source={source}
          original={original}
          choices={choices}
          edited={edited}
          onChoices={changeChoices}
          onEdit={editBlock}
          onEditCell={editCell}
          onPreview={runPreview}
          onCommit={runCommit}
          previewing={preview.isPending}
          previewError={preview.error}
          committing={commit.isPending}
          commitError={commit.error}
        />
      )}
    </>
  );
}

/**
 * The unit names the screen can give for codes: those the reading names (`units`, a group the commit creates marked as
 * new), else the person's units and those named in findings.
 */
function useUnitNames(result: PlanIntake): UnitName {
  const { t } = useTranslation();
  const me = useGetMe();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    const add = (unit: { code: string; name: string }) => map.set(unit.code, unit.name);
    if (me.data?.unit) add(me.data.unit);
    me.data?.coordinatedUnits.forEach(add);
    result.findings.forEach((finding) => finding.candidates.forEach(add));
    result.plan.orgUnits.forEach(add);
    // The units the reading names come last, so that their names stand.
    (result.units ?? []).forEach((unit) =>
      map.set(
        unit.code,
        unit.created ? t('plan.intake.plan.newGroup', { name: unit.name }) : unit.name,
      ),
    );
    return map;
  }, [me.data, result, t]);
  return (code) => names.get(code) ?? code;
}

function IntakePreview({
  result,
  source,
  original,
  choices,
  edited,
  onChoices,
  onEdit,
  onEditCell,
  onPreview,
  onCommit,
  previewing,
  previewError,
  committing,
  commitError,
}: {
  result: PlanIntake;
  source: PlanIntakeSource;
  original: PlanIntakeSource;
  choices: IntakeChoices;
  edited: boolean;
  onChoices: ChoicesChange;
  onEdit: (index: number, text: string) => void;
  onEditCell: (index: number, row: number, column: number, text: string) => void;
  onPreview: () => void;
  onCommit: () => void;
  previewing: boolean;
  previewError: unknown;
  committing: boolean;
  commitError: unknown;
}) {
  const { t } = useTranslation();
  const unitName = useUnitNames(result);
  const summaryId = useId();
  const errors = errorCount(result.findings);
  const warnings = result.findings.length - errors;
  const findings = errorsFirst(result.findings);
  const changes = changesSentence(result.changes, result.plan.plan.code, t);
  const committable = result.valid && !edited;
  const reason = committable
    ? null
    : edited
      ? t('plan.intake.commitNeedsPreview')
      : t('plan.intake.commitBlocked');
  const commitFieldErrors = Object.values(
    commitError instanceof ApiError && !isStale(commitError) ? commitError.fieldErrors : {},
  );

  return (
    <div className="intake-preview">
      <section
        id={summaryElementId}
        tabIndex={-1}
        className="intake-summary"
        aria-labelledby={summaryId}
      >
        <h2 id={summaryId} className="visually-hidden">
          {t('plan.intake.changes.heading')}
        </h2>
        <div role="status">
          {edited ? (
            <p className="notice notice-warning">{t('plan.intake.status.edited')}</p>
          ) : errors > 0 ? (
            <p className="notice notice-error">
              {t('plan.intake.status.blocked', { count: errors })}
            </p>
          ) : (
            <p className="notice notice-success">
              {warnings > 0
                ? t('plan.intake.status.readyWithWarnings', { count: warnings })
                : t('plan.intake.status.ready')}
            </p>
          )}
        </div>
        <p className="intake-changes">{changes ?? t('plan.intake.changes.unknown')}</p>

        {result.findings.length > 0 && (
          <div className="intake-summary-findings">
            <h3>{t('plan.intake.findings.heading', { count: result.findings.length })}</h3>
            <ul className="intake-findings">
              {findings.map((finding, index) =>
                finding.block === null ? (
                  <FindingNote
                    key={`${finding.code}-${index}`}
                    finding={finding}
                    choices={choices}
                    onChoices={onChoices}
                  />
                ) : (
                  <FindingJump key={`${finding.code}-${index}`} finding={finding} source={source} />
                ),
              )}
            </ul>
          </div>
        )}
      </section>

      <div className="intake-layout">
        <IntakePlan
          bundle={result.plan}
          unitName={unitName}
          issuerChoice={
            <IssuerChoice
              value={choices.issuingUnitId}
              issuerCode={result.plan.plan.issuingUnitCode}
              onChange={(unitId) => onChoices((current) => ({ ...current, issuingUnitId: unitId }))}
            />
          }
        />
        <IntakeSource
          source={source}
          original={original}
          findings={result.findings}
          choices={choices}
          onChoices={onChoices}
          onEdit={onEdit}
          onEditCell={onEditCell}
        />
      </div>
      <div className="intake-bar">
        <FormAlert error={previewError} />
        <FormAlert
          error={commitError}
          message={isStale(commitError) ? t('plan.intake.stale') : undefined}
          others={commitFieldErrors}
        />
        <div className="intake-buttons">
          <BusyButton
            type="button"
            className={edited ? 'button button-primary' : 'button'}
            busy={previewing}
            label={t('plan.intake.preview')}
            busyLabel={t('plan.intake.previewing')}
            onClick={onPreview}
          />
          <BusyButton
            type="button"
            className={edited ? 'button' : 'button button-primary'}
            busy={committing}
            disabled={!committable}
            label={t('plan.intake.commit')}
            busyLabel={t('plan.intake.committing')}
            onClick={onCommit}
          />
          {reason && <p className="field-hint intake-reason">{reason}</p>}
        </div>
      </div>
    </div>
  );
}

/** A finding at a block, as a line of the summary: what it says, and a link to its block in the document. */
function FindingJump({
  finding,
  source,
}: {
  finding: PlanIntakeFinding;
  source: PlanIntakeSource;
}) {
  const { t } = useTranslation();
  const index = finding.block ?? 0;
  const block = source.blocks.find((b) => b.index === index);
  const name =
    block?.kind === 'TABLE'
      ? block.role
        ? t(`plan.intake.source.roles.${block.role}`)
        : t('plan.intake.findings.table')
      : t('plan.intake.findings.atBlock', { index });
  const place =
    finding.row !== null && finding.column !== null
      ? t('plan.intake.findings.atCell', {
          place: name,
          row: finding.row + 1,
          column: columnName(block, finding.column),
        })
      : name;
  const error = finding.severity === 'ERROR';
  return (
    <li className={`intake-jump ${error ? 'intake-finding-error' : 'intake-finding-warning'}`}>
      <span className={`status ${error ? 'plan-import-error' : 'plan-import-warning'}`}>
        {t(`plan.intake.severity.${finding.severity}`)}
      </span>{' '}
      <a
        href={`#${blockElementId(index)}`}
        onClick={(event) => {
          const target = document.getElementById(blockElementId(index));
          if (!target) return;
          event.preventDefault();
          target.scrollIntoView({ block: 'start' });
          // In a table wider than the screen, the cell itself is brought into view.
          target
            .querySelector(`[data-cell="${(finding.row ?? 0) + 1}:${(finding.column ?? 0) + 1}"]`)
            ?.scrollIntoView({ block: 'nearest', inline: 'center' });
          target.focus({ preventScroll: true });
        }}
      >
        {place}
      </a>
      {': '}
      {finding.detail}
    </li>
  );
}

/** What the commit stored, and the way to the plan. */
function IntakeDone({ committed, onAnother }: { committed: PlanIntake; onAnother: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const code = committed.changes?.planCode ?? committed.plan.plan.code;
  const knownId = committed.changes?.planId ?? null;
  // The commit names the plan it stored; should it not, the plan is found by its code.
  const found = useGetPlans({ q: code, size: 20 }, { enabled: knownId === null });
  const planId = knownId ?? found.data?.items.find((plan) => plan.code === code)?.id ?? null;
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="intake-done notice notice-success" aria-labelledby="intake-done-heading">
      <h2 id="intake-done-heading" ref={headingRef} tabIndex={-1}>
        {t('plan.intake.done.heading')}
      </h2>
      {committed.changes && <p>{changesSentence(committed.changes, code, t, true)}</p>}
      {committed.learnedAliases.length > 0 && (
        <p>
          {t('plan.intake.done.learned', {
            names: committed.learnedAliases.map((name) => `“${name}”`).join(', '),
          })}
        </p>
      )}
      <div className="plan-form-buttons">
        {planId && (
          <Link to={`/plans/${planId}`} className="button button-primary">
            {t('plan.intake.done.open')}
          </Link>
        )}
        <button type="button" className="button" onClick={onAnother}>
          {t('plan.intake.done.another')}
        </button>
      </div>
    </section>
  );
}

/** A scan being read: the pages read so far, or that the reading is starting. */
function ScanProgress({ job }: { job: PlanIntakeJob | undefined }) {
  const { t } = useTranslation();
  const total = job?.pagesTotal ?? 0;
  const words =
    total > 0
      ? t('plan.intake.scan.progress', { done: job?.pagesDone ?? 0, total })
      : t('plan.intake.scan.starting');
  return (
    <>
      {total > 0 ? (
        <progress className="progress" max={total} value={job?.pagesDone ?? 0} aria-label={words} />
      ) : (
        <progress className="progress" aria-label={words} />
      )}
      <p>{words}</p>
      <p className="field-hint">{t('plan.intake.scan.hint')}</p>
    </>
  );
}
