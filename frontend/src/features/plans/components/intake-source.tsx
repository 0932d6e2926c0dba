import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PlanIntakeBlock,
  PlanIntakeFinding,
  PlanIntakeSource,
} from '@/features/plans/api/plan-intakes';
import {
  blockElementId,
  columnName,
  errorsFirst,
  findingsByBlock,
  isUnusedColumn,
  unitChoiceName,
} from '@/features/plans/utils/intake';
import { unitNames } from '@/features/plans/utils/plan-text';

/** What the person decided in the preview, kept between previews. */
export type IntakeChoices = {
  /** Name as written → unit code. */
  units: Record<string, string>;
  createUnitGroups: string[];
  acknowledgeUnused: boolean;
  /** Another issuing unit than the one the heading names (its id); null for the one read. */
  issuingUnitId: string | null;
};

export type ChoicesChange = (change: (choices: IntakeChoices) => IntakeChoices) => void;

/** Where a finding is, in words: a cell counted from 1 as a person counts the rows and columns of a table. */
function FindingPlace({ finding, block }: { finding: PlanIntakeFinding; block?: PlanIntakeBlock }) {
  const { t } = useTranslation();
  if (finding.row === null || finding.column === null) return null;
  return (
    <span className="intake-finding-place">
      {t('plan.intake.findings.cell', {
        row: finding.row + 1,
        column: columnName(block, finding.column),
      })}
    </span>
  );
}

/**
 * One doubt or blocker with what the person can do about it: place a name on one of the units it may mean, create a
 * collective name as a unit group, or leave out columns nothing reads.
 */
export function FindingNote({
  finding,
  block,
  choices,
  onChoices,
  showOffer = true,
}: {
  finding: PlanIntakeFinding;
  /** The block the finding is at, to name a cell by its column's header. */
  block?: PlanIntakeBlock;
  choices: IntakeChoices;
  onChoices: ChoicesChange;
  /** Whether to offer the group here: a name found in several cells is offered once, at its first. */
  showOffer?: boolean;
}) {
  const { t } = useTranslation();
  const selectId = useId();
  const name = unitChoiceName(finding);
  const error = finding.severity === 'ERROR';
  const offer = showOffer ? finding.offer : null;
  return (
    <li className={`intake-finding ${error ? 'intake-finding-error' : 'intake-finding-warning'}`}>
      <p>
        <span className={`status ${error ? 'plan-import-error' : 'plan-import-warning'}`}>
          {t(`plan.intake.severity.${finding.severity}`)}
        </span>{' '}
        <FindingPlace finding={finding} block={block} /> {finding.detail}
      </p>
      {name !== null && (
        <div className="field intake-choice">
          <label htmlFor={selectId}>{t('plan.intake.findings.chooseUnit', { name })}</label>
          <select
            id={selectId}
            value={choices.units[name] ?? ''}
            onChange={(event) => {
              const code = event.target.value;
              onChoices((current) => {
                const units = { ...current.units };
                if (code) units[name] = code;
                else delete units[name];
                return { ...current, units };
              });
            }}
          >
            <option value="">{t('plan.intake.findings.chooseUnitNone')}</option>
            {finding.candidates.map((unit) => (
              <option key={unit.id} value={unit.code}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {name === null && finding.candidates.length > 0 && (
        <p className="plan-cell-note">
          {t('plan.intake.findings.candidates', { names: unitNames(finding.candidates) })}
        </p>
      )}
      {!showOffer && finding.offer && (
        <p className="plan-cell-note">
          {t('plan.intake.findings.groupOfferedAbove', { name: finding.offer })}
        </p>
      )}
      {offer && (
        <label className="plan-import-choice">
          <input
            type="checkbox"
            checked={choices.createUnitGroups.includes(offer)}
            onChange={(event) => {
              const checked = event.target.checked;
              onChoices((current) => ({
                ...current,
                createUnitGroups: checked
                  ? [...current.createUnitGroups.filter((n) => n !== offer), offer]
                  : current.createUnitGroups.filter((n) => n !== offer),
              }));
            }}
          />
          {t('plan.intake.findings.createGroup', { name: offer })}
        </label>
      )}
      {isUnusedColumn(finding) && (
        <label className="plan-import-choice">
          <input
            type="checkbox"
            checked={choices.acknowledgeUnused}
            onChange={(event) => {
              const checked = event.target.checked;
              onChoices((current) => ({ ...current, acknowledgeUnused: checked }));
            }}
          />
          {t('plan.intake.findings.acknowledgeUnused')}
        </label>
      )}
    </li>
  );
}

function cellClass(
  findings: PlanIntakeFinding[],
  row: number,
  column: number,
  doubtful: boolean,
): string | undefined {
  const here = findings.filter((f) => f.row === row && f.column === column);
  if (here.some((f) => f.severity === 'ERROR')) return 'intake-cell-error';
  if (here.length > 0 || doubtful) return 'intake-cell-warning';
  return undefined;
}

/** The cells read with doubt, as `row:column` keys. */
function doubtfulKeys(block: PlanIntakeBlock): Set<string> {
  return new Set((block.doubtfulCells ?? []).map(([row, column]) => `${row}:${column}`));
}

function SourceTable({
  block,
  original,
  findings,
  label,
  onEditCell,
}: {
  block: PlanIntakeBlock;
  /** The block as the file gave it, to mark an edited cell. */
  original: PlanIntakeBlock | undefined;
  findings: PlanIntakeFinding[];
  label: string;
  onEditCell: (row: number, column: number, text: string) => void;
}) {
  const { t } = useTranslation();
  const rows = block.rows ?? [];
  const doubtful = doubtfulKeys(block);
  return (
    <div className="intake-table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="intake-table">
        <tbody>
          {rows.map((cells, row) => (
            <tr key={row}>
              {cells.map((cell, column) => {
                const doubt = doubtful.has(`${row}:${column}`);
                const where = t('plan.intake.findings.cell', {
                  row: row + 1,
                  column: columnName(block, column),
                });
                return (
                  <td
                    key={column}
                    className={cellClass(findings, row, column, doubt)}
                    data-cell={`${row + 1}:${column + 1}`}
                  >
                    {doubt ? (
                      // A cell read with doubt is open for correction, as a doubtful paragraph is.
                      <div className="intake-cell-edit">
                        <span className="status plan-import-warning">
                          {t('plan.intake.severity.WARNING')}
                        </span>
                        <textarea
                          aria-label={t('plan.intake.source.editCell', { place: where })}
                          value={cell}
                          rows={Math.min(4, Math.max(1, Math.ceil(cell.length / 24)))}
                          onChange={(event) => onEditCell(row, column, event.target.value)}
                        />
                        {original?.rows?.[row]?.[column] !== undefined &&
                          original.rows[row][column] !== cell && (
                            <span className="status intake-edited">
                              {t('plan.intake.source.edited')}
                            </span>
                          )}
                      </div>
                    ) : (
                      cell
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ParagraphText({
  block,
  head,
  original,
  onEdit,
}: {
  block: PlanIntakeBlock;
  /** The block's head line (its place and role), where the paragraph's tools go. */
  head: ReactNode;
  original: string | null;
  onEdit: (text: string) => void;
}) {
  const { t } = useTranslation();
  const textId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const edited = original !== null && block.text !== original;
  const label = (
    <label htmlFor={textId} className="visually-hidden">
      {t('plan.intake.source.editLabel', { index: block.index })}
    </label>
  );
  const rows = (text: string) => Math.min(8, Math.max(2, Math.ceil(text.length / 60)));

  // A paragraph read with doubt is open for correction from the start.
  if (block.doubtful) {
    return (
      <div className="intake-edit">
        <p className="intake-block-head">{head}</p>
        {label}
        <textarea
          id={textId}
          value={block.text ?? ''}
          rows={rows(block.text ?? '')}
          onChange={(event) => onEdit(event.target.value)}
        />
      </div>
    );
  }
  if (draft !== null) {
    return (
      <div className="intake-edit">
        <p className="intake-block-head">{head}</p>
        {label}
        <textarea
          id={textId}
          value={draft}
          rows={rows(draft)}
          onChange={(event) => setDraft(event.target.value)}
        />
        <div className="intake-edit-buttons">
          <button
            type="button"
            className="button"
            onClick={() => {
              onEdit(draft);
              setDraft(null);
            }}
          >
            {t('plan.intake.source.done')}
          </button>
          <button type="button" className="button" onClick={() => setDraft(null)}>
            {t('plan.intake.source.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <>
      <div className="intake-block-head">
        <p>{head}</p>
        <div className="intake-paragraph-tools">
          {edited && (
            <>
              <span className="status intake-edited">{t('plan.intake.source.edited')}</span>
              <button type="button" className="intake-tool" onClick={() => onEdit(original ?? '')}>
                {t('plan.intake.source.undo')}
              </button>
            </>
          )}
          <button
            type="button"
            className="intake-tool"
            aria-label={t('plan.intake.source.edit', { index: block.index })}
            onClick={() => setDraft(block.text ?? '')}
          >
            {t('plan.intake.source.editShort')}
          </button>
        </div>
      </div>
      <p className={block.bold ? 'intake-text intake-text-bold' : 'intake-text'}>{block.text}</p>
    </>
  );
}

/**
 * The file as read, block by block in reading order: each marked with what it was understood as, each doubt and
 * blocker at its block (a cell's highlighted in its table), and any paragraph editable in place.
 */
export function IntakeSource({
  source,
  original,
  findings,
  choices,
  onChoices,
  onEdit,
  onEditCell,
}: {
  source: PlanIntakeSource;
  /** The blocks as the file gave them, to mark and undo an edit. */
  original: PlanIntakeSource;
  findings: PlanIntakeFinding[];
  choices: IntakeChoices;
  onChoices: ChoicesChange;
  onEdit: (index: number, text: string) => void;
  onEditCell: (index: number, row: number, column: number, text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const ordered = errorsFirst(findings);
  const byBlock = findingsByBlock(ordered);
  const originalBlocks = new Map(original.blocks.map((block) => [block.index, block]));
  // A collective name may be found in many cells: its checkbox is offered at the first of them only.
  const offeredAt = new Map<string, PlanIntakeFinding>();
  for (const finding of ordered) {
    if (finding.offer && finding.block !== null && !offeredAt.has(finding.offer)) {
      offeredAt.set(finding.offer, finding);
    }
  }
  const paged = source.kind !== 'DOCX';
  return (
    <section className="intake-source" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.intake.source.heading')}</h2>
      <p className="muted">{t('plan.intake.source.hint')}</p>
      <ol className="intake-blocks">
        {source.blocks.map((block) => {
          const here = byBlock.get(block.index) ?? [];
          const severity = here.some((f) => f.severity === 'ERROR')
            ? ' intake-block-error'
            : here.length > 0
              ? ' intake-block-warning'
              : '';
          const place =
            block.kind === 'TABLE'
              ? t('plan.intake.source.table', { index: block.index })
              : t('plan.intake.source.block', { index: block.index });
          const head = (
            <>
              {paged && block.page > 0 && (
                <span className="intake-page">
                  {t('plan.intake.source.page', { page: block.page })}
                </span>
              )}
              <span className="intake-block-place">{place}</span>
              {block.role && (
                <span className="intake-role">{t(`plan.intake.source.roles.${block.role}`)}</span>
              )}
              {block.doubtful && (
                <span className="status plan-import-warning">
                  {t('plan.intake.source.doubtful')}
                </span>
              )}
            </>
          );
          return (
            <li
              key={block.index}
              id={blockElementId(block.index)}
              tabIndex={-1}
              className={`intake-block${severity}`}
            >
              {block.kind === 'TABLE' ? (
                <>
                  <p className="intake-block-head">{head}</p>
                  <SourceTable
                    block={block}
                    original={originalBlocks.get(block.index)}
                    findings={here}
                    label={place}
                    onEditCell={(row, column, text) => onEditCell(block.index, row, column, text)}
                  />
                </>
              ) : (
                <ParagraphText
                  block={block}
                  head={head}
                  original={originalBlocks.get(block.index)?.text ?? null}
                  onEdit={(text) => onEdit(block.index, text)}
                />
              )}
              {here.length > 0 && (
                <ul className="intake-findings">
                  {here.map((finding, index) => (
                    <FindingNote
                      key={`${finding.code}-${index}`}
                      finding={finding}
                      block={block}
                      choices={choices}
                      onChoices={onChoices}
                      showOffer={!finding.offer || offeredAt.get(finding.offer) === finding}
                    />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
