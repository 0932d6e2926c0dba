import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError } from '@/components/load-error';
import { ApiError, readableError } from '@/lib/api-client';
import { useFileDownload } from '@/lib/download';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import {
  downloadTemplate,
  useImportAppendix,
  type AppendixImportProblem,
  type AppendixImportResult,
  type AppendixImportRow,
  type AppendixImportUnusedColumn,
  type AppendixPart,
} from '@/features/plans/api/appendix-documents';
import { useGetPlan, type Plan } from '@/features/plans/api/get-plan';
import { BusyButton } from '@/components/form-fields';
import { FormAlert } from '@/features/plans/components/form-alert';
import { noticeState } from '@/features/plans/utils/notices';
import { planAllows } from '@/features/plans/utils/actions';
import { targetText, timeframeText, unitNames } from '@/features/plans/utils/plan-text';
import { targetShape } from '@/features/plans/utils/target-shape';
import '@/features/plans/components/plans.css';
import { describedBy } from '@/components/field-messages';

const parts: readonly AppendixPart[] = ['INDICATORS', 'TASKS'];

/** Refusals of the file itself (not an XLSX, too large, damaged, no header): said next to the file field. */
function fileProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 413 || error.status === 415) return error.detail;
  if (error.status === 400 && error.code !== 'import.invalid') return error.detail;
  return null;
}

/**
 * `/plans/:planId/import`: replaces the plan's indicators or tasks with an Excel sheet. The sheet is checked
 * first (a dry run showing every row as understood and every problem with its cell), and imported only after a
 * check without errors. For those who edit the plan; the API refuses anyone else.
 */
export function AppendixImportPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const planQuery = useGetPlan(planId);
  const plan = planQuery.data;
  const permission = planAllows(plan, 'IMPORT_APPENDIX', planQuery.isError);

  return (
    <section className="page plan-page plan-import" aria-labelledby="plan-import-heading">
      <title>{t('app.documentTitle', { page: t('plan.import.title') })}</title>
      <p className="plan-back">
        <Link to={`/plans/${planId}`}>{t('plan.import.back')}</Link>
      </p>
      <h1 id="plan-import-heading">{t('plan.import.title')}</h1>
      {plan && <p className="muted">{plan.title}</p>}
      {planQuery.isError ? (
        <LoadError
          title={t('plan.errorTitle')}
          error={planQuery.error}
          onRetry={() => void planQuery.refetch()}
        />
      ) : !plan || permission === 'unknown' ? (
        <p role="status" className="notice">
          {t('plan.loading')}
        </p>
      ) : permission === 'no' ? (
        <p className="notice">{t('plan.import.notAllowed')}</p>
      ) : (
        <ImportForm plan={plan} />
      )}
    </section>
  );
}

function ImportForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fileId = useId();
  const [part, setPart] = useState<AppendixPart>('INDICATORS');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [preview, setPreview] = useState<AppendixImportResult | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const check = useImportAppendix();
  const commit = useImportAppendix();
  const template = useFileDownload();

  function startOver() {
    setPreview(null);
    setAcknowledged(false);
    setMissingFile(false);
    check.reset();
    commit.reset();
  }

  function runCheck(event: FormEvent) {
    event.preventDefault();
    if (check.isPending || commit.isPending) return;
    if (!file) {
      setMissingFile(true);
      document.getElementById(fileId)?.focus();
      return;
    }
    setPreview(null);
    setAcknowledged(false);
    commit.reset();
    check.mutate(
      { planId: plan.id, part, dryRun: true, file },
      {
        onSuccess: setPreview,
        onError: (error) => {
          if (fileProblem(error)) document.getElementById(fileId)?.focus();
        },
      },
    );
  }

  /** After a refused commit (the plan changed since the preview): the preview is read again, as the plan now is. */
  function recheck() {
    if (!file || check.isPending) return;
    commit.reset();
    check.mutate({ planId: plan.id, part, dryRun: true, file }, { onSuccess: setPreview });
  }

  const unused = preview?.unusedColumns ?? [];

  function runCommit() {
    if (!file || !preview || commit.isPending || (unused.length > 0 && !acknowledged)) return;
    commit.mutate(
      {
        planId: plan.id,
        part,
        dryRun: false,
        file,
        etag: preview.etag,
        acknowledgeUnused: unused.length > 0 && acknowledged,
      },
      {
        onSuccess: () =>
          void navigate(`/plans/${plan.id}`, {
            state: noticeState({
              kind: part === 'INDICATORS' ? 'indicatorsImported' : 'tasksImported',
            }),
          }),
      },
    );
  }

  const fileError = missingFile ? t('plan.import.noFile') : fileProblem(check.error);
  const otherError = check.isError && !fileProblem(check.error) ? check.error : null;
  const errors = preview?.problems.filter((p) => p.severity === 'ERROR').length ?? 0;
  const committable = preview !== null && preview.valid && errors === 0;
  const commitFieldErrors = Object.values(
    commit.error instanceof ApiError ? commit.error.fieldErrors : {},
  );

  return (
    <>
      <form className="plan-import-form" noValidate onSubmit={runCheck} aria-busy={check.isPending}>
        <fieldset className="field plan-import-parts">
          <legend>{t('plan.import.part')}</legend>
          {parts.map((value) => (
            <label key={value} className="plan-import-choice">
              <input
                type="radio"
                name="part"
                value={value}
                checked={part === value}
                onChange={() => {
                  setPart(value);
                  startOver();
                }}
              />
              {t(`plan.import.parts.${value}`)}
            </label>
          ))}
        </fieldset>

        <div className="plan-import-template">
          <p className="field-hint">{t(`plan.import.templateHint.${part}`)}</p>
          <BusyButton
            type="button"
            className="button"
            busy={template.busyKey !== null}
            label={t(`plan.import.template.${part}`)}
            busyLabel={t('plan.downloads.busy')}
            onClick={() =>
              template.start(part, () =>
                downloadTemplate(part, { startYear: plan.startYear, endYear: plan.endYear }),
              )
            }
          />
          {template.error && (
            <p className="field-error" role="alert">
              {readableError(template.error)}
            </p>
          )}
        </div>

        <div className="field">
          <label htmlFor={fileId}>{t('plan.import.file')}</label>
          <input
            id={fileId}
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy(fileId, { hint: true, error: fileError })}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              startOver();
            }}
          />
          <p id={`${fileId}-hint`} className="field-hint">
            {t('plan.import.fileHint')}
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
            busy={check.isPending}
            label={t('plan.import.check')}
            busyLabel={t('plan.import.checking')}
          />
        </div>
        <div className="progress-slot">
          {check.isPending && (
            <progress className="progress" aria-label={t('plan.import.checking')} />
          )}
        </div>
      </form>

      {preview && (
        <ImportPreview
          preview={preview}
          errors={errors}
          commitControls={
            committable ? (
              <div className="plan-import-commit">
                {unused.length > 0 && (
                  <label className="plan-import-choice">
                    <input
                      type="checkbox"
                      checked={acknowledged}
                      onChange={(event) => setAcknowledged(event.target.checked)}
                    />
                    {t('plan.import.preview.unusedAcknowledge')}
                  </label>
                )}
                <FormAlert
                  error={commit.error}
                  others={commitFieldErrors}
                  onReload={recheck}
                  reloading={check.isPending}
                />
                <div className="plan-form-buttons">
                  <BusyButton
                    type="button"
                    busy={commit.isPending}
                    disabled={unused.length > 0 && !acknowledged}
                    label={t(`plan.import.commit.${part}`)}
                    busyLabel={t('plan.import.committing')}
                    onClick={runCommit}
                  />
                  <Link to={`/plans/${plan.id}`} className="button">
                    {t('plan.actions.cancel')}
                  </Link>
                </div>
              </div>
            ) : null
          }
        />
      )}
    </>
  );
}

function ImportPreview({
  preview,
  errors,
  commitControls,
}: {
  preview: AppendixImportResult;
  errors: number;
  commitControls: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = useId();
  const count = (value: number) => formatNumber(value, lang);
  const { items } = preview;
  const removed = items.removed ?? [];
  const warnings = preview.problems.length - errors;
  return (
    <section className="plan-import-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.import.preview.heading')}</h2>
      <p className="muted">
        {t('plan.import.preview.sheet', { sheet: preview.sheet, row: preview.headerRow })}
      </p>
      <div role="status">
        {errors > 0 ? (
          <p className="notice notice-error">
            {t('plan.import.preview.blocked', { count: errors })}
          </p>
        ) : (
          <p className="notice notice-success">
            {warnings > 0
              ? t('plan.import.preview.readyWithWarnings', { count: warnings })
              : t('plan.import.preview.ready')}
          </p>
        )}
      </div>
      <dl className="plan-import-counts">
        <div>
          <dt>{t('plan.import.preview.created')}</dt>
          <dd>{count(items.created?.length ?? 0)}</dd>
        </div>
        <div>
          <dt>{t('plan.import.preview.updated')}</dt>
          <dd>{count(items.updated?.length ?? 0)}</dd>
        </div>
        <div>
          <dt>{t('plan.import.preview.unchanged')}</dt>
          <dd>{count(items.unchanged ?? 0)}</dd>
        </div>
        <div>
          <dt>{t('plan.import.preview.removed')}</dt>
          <dd>{count(removed.length)}</dd>
        </div>
      </dl>
      {removed.length > 0 && (
        <p>{t('plan.import.preview.removedCodes', { codes: removed.join(', ') })}</p>
      )}

      {(preview.unusedColumns ?? []).length > 0 && (
        <UnusedColumns columns={preview.unusedColumns ?? []} />
      )}

      {commitControls}

      {preview.problems.length > 0 && <ProblemsTable problems={preview.problems} />}
      <RowsTable preview={preview} />
    </section>
  );
}

/** Columns with content the import does not read: named, so that nothing is left out unseen. */
function UnusedColumns({ columns }: { columns: AppendixImportUnusedColumn[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="notice plan-import-unused" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('plan.import.preview.unusedHeading')}</h3>
      <p>{t('plan.import.preview.unusedIntro')}</p>
      <ul>
        {columns.map((column) => (
          <li key={column.column}>
            {t('plan.import.preview.unusedColumn', { column: column.column })}{' '}
            {column.header ? `“${column.header}”` : t('plan.import.preview.unusedNoHeader')}:{' '}
            {t('plan.import.preview.unusedRows', { count: column.rows, cell: column.firstCell })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function problemPlace(problem: AppendixImportProblem, t: TFunction) {
  if (problem.row === null) return t('plan.import.problems.wholeSheet');
  if (problem.column === null) return t('plan.import.problems.row', { row: problem.row });
  return t('plan.import.problems.cell', { row: problem.row, column: problem.column });
}

function ProblemsTable({ problems }: { problems: AppendixImportProblem[] }) {
  const { t } = useTranslation();
  const caption = t('plan.import.problems.caption', { count: problems.length });
  return (
    <div className="plan-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table plan-table plan-import-problems">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.import.problems.severity')}</th>
            <th scope="col">{t('plan.import.problems.place')}</th>
            <th scope="col">{t('plan.import.problems.column')}</th>
            <th scope="col">{t('plan.import.problems.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={`${problem.cell ?? problem.row ?? 'sheet'}-${problem.code}-${index}`}>
              <td>
                <span
                  className={`status ${problem.severity === 'ERROR' ? 'plan-import-error' : 'plan-import-warning'}`}
                >
                  {t(`plan.import.severity.${problem.severity}`)}
                </span>
              </td>
              <td className="plan-code">{problemPlace(problem, t)}</td>
              <td>{problem.header ?? '—'}</td>
              <td>
                {problem.detail}
                {problem.candidates.length > 0 && (
                  <span className="plan-cell-note">
                    {t('plan.import.problems.candidates', {
                      names: unitNames(problem.candidates),
                    })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowsTable({ preview }: { preview: AppendixImportResult }) {
  const { t } = useTranslation();
  const caption = t('plan.import.rows.caption', { count: preview.rows.length });
  return (
    <div className="plan-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table plan-table plan-import-rows">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.import.rows.row')}</th>
            <th scope="col">{t('plan.import.rows.action')}</th>
            <th scope="col">{t('plan.import.rows.code')}</th>
            <th scope="col">{t('plan.import.rows.content')}</th>
            <th scope="col">{t('plan.import.rows.understood')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <RowLine key={row.row} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowLine({ row }: { row: AppendixImportRow }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const action =
    row.kind === 'ITEM'
      ? t(`plan.import.actions.${row.action}`)
      : t(`plan.import.kinds.${row.kind}`);
  const actionClass = row.action === 'INVALID' ? 'plan-import-error' : '';
  if (row.kind !== 'ITEM') {
    return (
      <tr className="plan-import-row-muted">
        <td>{row.row}</td>
        <td>{action}</td>
        <td className="plan-code">{row.groupCode ?? ''}</td>
        <td colSpan={2}>{row.groupName ?? ''}</td>
      </tr>
    );
  }
  const { indicator, task } = row;
  return (
    <tr>
      <td>{row.row}</td>
      <td>
        <span className={`status ${actionClass}`}>{action}</span>
      </td>
      <td className="plan-code">{indicator?.code ?? task?.code ?? ''}</td>
      <td>
        {indicator?.content ?? task?.description ?? ''}
        {indicator?.unitOfMeasure && (
          <span className="plan-cell-note">
            {t('plan.import.rows.unitOfMeasure', { unit: indicator.unitOfMeasure })}
          </span>
        )}
      </td>
      <td>
        <ul className="plan-import-understood">
          {indicator?.targets.map((target, index) => (
            <li key={`${target.year ?? 'y'}-${index}`}>
              {target.year ? `${target.year}: ` : ''}
              {targetText(target)} → {targetShape(target, t, lang)}
            </li>
          ))}
          {indicator?.baseline && (
            <li>
              {t('plan.import.rows.baseline')}: {targetText(indicator.baseline)} →{' '}
              {targetShape(indicator.baseline, t, lang)}
            </li>
          )}
          {indicator && (
            <li>
              {t('plan.import.rows.lead')}: {indicator.leadUnit?.name ?? '—'}
            </li>
          )}
          {indicator && indicator.cooperatingUnits.length > 0 && (
            <li>
              {t('plan.import.rows.cooperating')}: {unitNames(indicator.cooperatingUnits)}
            </li>
          )}
          {task && (
            <li>
              {t('plan.import.rows.lead')}:{' '}
              {task.leadUnits.length ? unitNames(task.leadUnits) : '—'}
            </li>
          )}
          {task && task.cooperatingUnits.length > 0 && (
            <li>
              {t('plan.import.rows.cooperating')}: {unitNames(task.cooperatingUnits)}
            </li>
          )}
          {task?.product && (
            <li>
              {t('plan.import.rows.product')}: {task.product}
            </li>
          )}
          {task?.timeframe && (
            <li>
              {t('plan.import.rows.timeframe')}:{' '}
              {task.timeframe.wording?.trim()
                ? `${task.timeframe.wording.trim()} → ${timeframeText({ ...task.timeframe, wording: null }, t)}`
                : timeframeText(task.timeframe, t)}
            </li>
          )}
        </ul>
      </td>
    </tr>
  );
}
