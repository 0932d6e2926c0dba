import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, readableError } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import {
  useImportPlanBundle,
  type BundleImportResult,
  type PlanBundle,
} from '@/features/admin/api/import-plan-bundle';
import { AdminPage } from '@/features/admin/components/admin-page';
import { isStale } from '@/features/admin/components/problems';
import { readBundle, type BundleSummary } from '@/features/admin/components/bundle-file';
import { Spinner } from '@/components/form-fields';
import { describedBy, FieldMessages } from '@/components/field-messages';

type Chosen = { name: string; size: number; bundle: PlanBundle; summary: BundleSummary };

const categories = [
  'orgUnits',
  'dtiFrameworks',
  'plan',
  'groups',
  'indicators',
  'tasks',
  'dtiTargets',
  'dtiResults',
] as const;
type Category = (typeof categories)[number];
const changeKinds = ['created', 'updated', 'removed'] as const;

/** Long lists of codes start folded, so that the counts stay in view. */
const unfoldedCodes = 12;

/**
 * Imports a plan bundle (a whole plan in one JSON file): the file is checked by a dry run first, which
 * lists what would be created, updated and removed, or every problem with where it is in the file; only
 * then can it be imported, all or nothing.
 */
export function BundleImport() {
  const { t } = useTranslation();
  const id = useId();
  const lang = useLanguage();
  const preview = useImportPlanBundle();
  const commit = useImportPlanBundle();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [reading, setReading] = useState(false);

  function runPreview(bundle: PlanBundle) {
    commit.reset();
    preview.mutate({ bundle, dryRun: true });
  }

  /**
   * Imports what the dry run showed, naming the plan as the dry run read it; if someone changed the
   * plan since (412), the dry run is run again so that the changes now to be made are on screen.
   */
  function importPreviewed(bundle: PlanBundle) {
    commit.mutate(
      { bundle, dryRun: false, etag: preview.data?.etag },
      { onError: (error) => isStale(error) && preview.mutate({ bundle, dryRun: true }) },
    );
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    preview.reset();
    commit.reset();
    setChosen(null);
    setFileError(undefined);
    if (!file) return;
    setReading(true);
    let source: string;
    try {
      source = await file.text();
    } catch {
      setFileError(t('admin.import.unreadable'));
      // Lets the same file, once fixed, be chosen again (choosing an unchanged name fires no change).
      input.value = '';
      return;
    } finally {
      setReading(false);
    }
    const read = readBundle(source);
    if (!read.ok) {
      input.value = '';
      setFileError(
        read.problem === 'not-json'
          ? t('admin.import.notJson', { detail: read.detail })
          : t('admin.import.notBundle'),
      );
      return;
    }
    setChosen({ name: file.name, size: file.size, bundle: read.bundle, summary: read.summary });
    runPreview(read.bundle);
  }

  const fileId = `${id}-file`;
  const previewed = preview.isSuccess && !preview.isPending;
  const removals = preview.data ? countRemovals(preview.data) : 0;

  return (
    <AdminPage title={t('admin.import.title')}>
      <p className="muted">{t('admin.import.intro')}</p>

      <section className="admin-panel admin-panel-wide" aria-labelledby={`${id}-step1`}>
        <h2 id={`${id}-step1`}>{t('admin.import.step1')}</h2>
        <div className="field">
          <label htmlFor={fileId}>{t('admin.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy(fileId, { hint: true, error: fileError })}
            disabled={preview.isPending || commit.isPending}
            onChange={(event) => void choose(event)}
          />
          <FieldMessages id={fileId} hint={t('admin.import.fileHint')} error={fileError} />
        </div>
        {reading && (
          <p role="status" className="muted">
            {t('admin.import.reading')}
          </p>
        )}
        {chosen && (
          <dl className="admin-facts">
            <div>
              <dt>{t('admin.import.summary.file')}</dt>
              <dd>
                {chosen.name} (
                {t('admin.import.summary.size', {
                  size: formatNumber(Math.max(1, Math.round(chosen.size / 1024)), lang),
                })}
                )
              </dd>
            </div>
            <div>
              <dt>{t('admin.import.summary.plan')}</dt>
              <dd>
                {chosen.summary.planCode && <code>{chosen.summary.planCode}</code>}{' '}
                {chosen.summary.documentNumber} {chosen.summary.title}
                {chosen.summary.years && ` (${chosen.summary.years})`}
              </dd>
            </div>
            <div>
              <dt>{t('admin.import.summary.contents')}</dt>
              <dd>
                {t('admin.import.summary.counts', {
                  units: chosen.summary.orgUnits,
                  indicators: chosen.summary.indicators,
                  tasks: chosen.summary.tasks,
                })}
              </dd>
            </div>
          </dl>
        )}
      </section>

      <section className="admin-panel admin-panel-wide" aria-labelledby={`${id}-step2`}>
        <h2 id={`${id}-step2`}>{t('admin.import.step2')}</h2>
        {!chosen && !preview.isPending && (
          <p className="muted">{t('admin.import.previewWaiting')}</p>
        )}
        <Progress active={preview.isPending} label={t('admin.import.previewing')} />
        {preview.isError && <BundleProblems error={preview.error} />}
        {preview.data && !preview.isPending && (
          <>
            <p className="notice">{t('admin.import.previewDone')}</p>
            <BundleChanges result={preview.data} />
          </>
        )}
        {chosen && !preview.isPending && (
          <div className="form-buttons">
            <button
              type="button"
              className="button"
              disabled={commit.isPending}
              onClick={() => runPreview(chosen.bundle)}
            >
              {t('admin.import.previewAgain')}
            </button>
          </div>
        )}
      </section>

      <section className="admin-panel admin-panel-wide" aria-labelledby={`${id}-step3`}>
        <h2 id={`${id}-step3`}>{t('admin.import.step3')}</h2>
        {!commit.isSuccess && (
          <>
            <p className="muted">
              {previewed ? t('admin.import.commitReady') : t('admin.import.commitWaiting')}
            </p>
            {previewed && removals > 0 && (
              <p className="notice notice-warning">
                {t('admin.import.removalWarning', { count: removals })}
              </p>
            )}
            <div className="form-buttons">
              <button
                type="button"
                className="button button-primary"
                disabled={!previewed || !chosen || commit.isPending}
                onClick={() => chosen && importPreviewed(chosen.bundle)}
              >
                {commit.isPending && <Spinner />}
                {commit.isPending ? t('admin.import.committing') : t('admin.import.commit')}
              </button>
            </div>
          </>
        )}
        <Progress active={commit.isPending} label={t('admin.import.committing')} />
        {commit.isError && <BundleProblems error={commit.error} />}
        {commit.data && (
          <>
            <div role="status" className="notice notice-success">
              <p>{t('admin.import.committed', { code: commit.data.planCode ?? '' })}</p>
              {commit.data.planId && (
                <p>
                  <Link to={`/plans/${commit.data.planId}`}>{t('admin.import.openPlan')}</Link>
                </p>
              )}
            </div>
            <BundleChanges result={commit.data} />
          </>
        )}
      </section>
    </AdminPage>
  );
}

function countRemovals(result: BundleImportResult): number {
  return categories.reduce((sum, category) => sum + (result[category]?.removed?.length ?? 0), 0);
}

/** An action under way with no measurable progress: an indeterminate bar and what is happening, in words. */
function Progress({ active, label }: { active: boolean; label: string }) {
  return (
    <div role="status" className="import-progress">
      {active && (
        <>
          <progress className="progress" aria-label={label} />
          <p>{label}</p>
        </>
      )}
    </div>
  );
}

/** The problem's detail and each problem with where it is in the file (its JSON path). */
function BundleProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const entries = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  return (
    <div role="alert" className="notice notice-error">
      <p>{readableError(error)}</p>
      {isStale(error) && <p>{t('admin.import.stale')}</p>}
      {entries.length > 0 && (
        <>
          <p>{t('admin.import.problems', { count: entries.length })}</p>
          <ul className="problem-list">
            {entries.map(([path, message]) => (
              <li key={path}>
                <code>{path}</code> {message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** What the import changes, by kind of object: counts first, then the codes. */
function BundleChanges({ result }: { result: BundleImportResult }) {
  const { t } = useTranslation();
  const present = categories.filter((category) => result[category]);
  return (
    <div className="bundle-changes">
      <table className="data-table">
        <caption className="visually-hidden">
          {result.dryRun
            ? t('admin.import.changesPreviewCaption')
            : t('admin.import.changesCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="not-sortable">
              {t('admin.import.columns.category')}
            </th>
            {changeKinds.map((kind) => (
              <th scope="col" className="not-sortable" key={kind}>
                {t(`admin.import.columns.${kind}`)}
              </th>
            ))}
            <th scope="col" className="not-sortable">
              {t('admin.import.columns.unchanged')}
            </th>
          </tr>
        </thead>
        <tbody>
          {present.map((category) => {
            const changes = result[category];
            return (
              <tr key={category}>
                <th scope="row">{t(`admin.import.categories.${category}`)}</th>
                {changeKinds.map((kind) => (
                  <td key={kind} data-label={t(`admin.import.columns.${kind}`)}>
                    <ChangeCount value={changes?.[kind]?.length ?? 0} />
                  </td>
                ))}
                <td data-label={t('admin.import.columns.unchanged')}>
                  <ChangeCount value={changes?.unchanged ?? 0} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {present.map((category) => (
        <CategoryCodes key={category} category={category} result={result} />
      ))}
    </div>
  );
}

function ChangeCount({ value }: { value: number }) {
  const lang = useLanguage();
  return <>{formatNumber(value, lang)}</>;
}

function CategoryCodes({ category, result }: { category: Category; result: BundleImportResult }) {
  const { t } = useTranslation();
  const changes = result[category];
  const lists = changeKinds
    .map((kind) => ({ kind, codes: changes?.[kind] ?? [] }))
    .filter((list) => list.codes.length > 0);
  if (lists.length === 0) return null;
  const total = lists.reduce((sum, list) => sum + list.codes.length, 0);
  return (
    <details className="bundle-codes" open={total <= unfoldedCodes}>
      <summary>{t(`admin.import.categories.${category}`)}</summary>
      {lists.map(({ kind, codes }) => (
        <div key={kind} className={`bundle-codes-${kind}`}>
          <h3>{t(`admin.import.listHeadings.${kind}`, { count: codes.length })}</h3>
          <ul
            className="code-list"
            aria-label={t('admin.import.codeListLabel', {
              category: t(`admin.import.categories.${category}`),
              change: t(`admin.import.columns.${kind}`),
            })}
          >
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
