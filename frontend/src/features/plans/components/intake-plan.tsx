import type { TFunction } from 'i18next';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import type { PlanIntake } from '@/features/plans/api/plan-intakes';
import { changeCounts } from '@/features/plans/utils/intake';
import { formatYears, targetText, timeframeText } from '@/features/plans/utils/plan-text';

type PlanBundle = components['schemas']['PlanBundle'];
type BundleGroup = components['schemas']['BundleGroup'];

/** A unit's name from its code, as far as the screen knows the units. */
export type UnitName = (code: string) => string;

/**
 * What a preview or a commit changes, in a sentence: `Sẽ tạo mới kế hoạch …: 30 chỉ tiêu, …` or
 * `Cập nhật kế hoạch …: 2 chỉ tiêu thay đổi, không có gì khác`. Null when the server could not tell.
 */
export function changesSentence(
  changes: PlanIntake['changes'] | null | undefined,
  code: string,
  t: TFunction,
  done = false,
): string | null {
  if (!changes) return null;
  const c = changeCounts(changes);
  if (c.newPlan) {
    const parts = [
      t('plan.intake.changes.createdIndicators', { count: c.indicators.created }),
      t('plan.intake.changes.createdTasks', { count: c.tasks.created }),
    ];
    if (c.indicators.created === 0 && c.tasks.created === 0)
      parts.splice(0, 2, t('plan.intake.changes.none'));
    if (c.groupsCreated > 0)
      parts.push(t('plan.intake.changes.createdGroups', { count: c.groupsCreated }));
    if (c.unitsCreated > 0)
      parts.push(t('plan.intake.changes.createdUnits', { count: c.unitsCreated }));
    return t(done ? 'plan.intake.done.created' : 'plan.intake.changes.create', {
      code,
      parts: parts.join(', '),
    });
  }
  const parts: string[] = [];
  if (c.planUpdated) parts.push(t('plan.intake.changes.planUpdated'));
  const counted = [
    ['indicatorsCreated', c.indicators.created],
    ['indicatorsUpdated', c.indicators.updated],
    ['indicatorsRemoved', c.indicators.removed],
    ['tasksCreated', c.tasks.created],
    ['tasksUpdated', c.tasks.updated],
    ['tasksRemoved', c.tasks.removed],
    ['groupsChanged', c.groups],
    ['createdUnits', c.unitsCreated],
  ] as const;
  for (const [key, count] of counted) {
    if (count > 0) parts.push(t(`plan.intake.changes.${key}`, { count }));
  }
  if (parts.length === 0) {
    return t(done ? 'plan.intake.done.unchanged' : 'plan.intake.changes.updateNothing', { code });
  }
  parts.push(t('plan.intake.changes.nothingElse'));
  return t(done ? 'plan.intake.done.updated' : 'plan.intake.changes.update', {
    code,
    parts: parts.join(', '),
  });
}

function groupName(groups: BundleGroup[] | undefined, code: string) {
  const group = groups?.find((g) => g.code === code);
  return group ? `${group.code}. ${group.name}` : code;
}

/** Items under their groups, in the groups' order; items of a group not listed come last, under their code. */
function byGroup<T extends { groupCode: string }>(items: T[], groups: BundleGroup[] | undefined) {
  const order = [...(groups ?? [])].sort((a, b) => a.order - b.order).map((g) => g.code);
  for (const item of items) if (!order.includes(item.groupCode)) order.push(item.groupCode);
  return order
    .map((code) => ({ code, items: items.filter((item) => item.groupCode === code) }))
    .filter((group) => group.items.length > 0);
}

/** The plan as the server understood the document: its facts, regime, signer, then its indicators and tasks. */
export function IntakePlan({
  bundle,
  unitName,
  issuerChoice,
}: {
  bundle: PlanBundle;
  unitName: UnitName;
  /** Where the person may choose another issuing unit, under the plan's facts. */
  issuerChoice?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = useId();
  const plan = bundle.plan;
  const regime = plan.reportingRegime;
  const indicators = bundle.indicators ?? [];
  const tasks = bundle.tasks ?? [];
  const bases = plan.legalBases ?? [];
  const recipients = plan.recipients ?? [];
  const frequency = t(`plan.regime.frequencies.${regime.frequency}`);
  const regimeWords =
    regime.consolidationDay !== undefined && regime.consolidationDay !== null
      ? t('plan.intake.plan.regimeDaysConsolidated', {
          frequency,
          unitDay: regime.unitReportDay,
          consolidationDay: regime.consolidationDay,
        })
      : t('plan.intake.plan.regimeDays', { frequency, unitDay: regime.unitReportDay });
  const units = (codes: string[] | undefined) => (codes ?? []).map(unitName).join('; ');

  return (
    <section className="intake-plan" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.intake.plan.heading')}</h2>
      <div className="intake-card">
        <p className="intake-plan-title">{plan.title}</p>
        <dl className="plan-facts intake-facts">
          <div>
            <dt>{t('plan.intake.plan.code')}</dt>
            <dd>{plan.code}</dd>
          </div>
          <div>
            <dt>{t('plan.intake.plan.number')}</dt>
            <dd>
              {plan.documentNumber ?? (
                <span className="muted">{t('plan.intake.plan.noNumber')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('plan.intake.plan.issueDate')}</dt>
            <dd>
              {plan.issueDate ? (
                formatDate(plan.issueDate, lang)
              ) : (
                <span className="muted">{t('plan.intake.plan.noDate')}</span>
              )}
            </dd>
          </div>
          {plan.issuePlace && (
            <div>
              <dt>{t('plan.intake.plan.issuePlace')}</dt>
              <dd>{plan.issuePlace}</dd>
            </div>
          )}
          <div>
            <dt>{t('plan.intake.plan.years')}</dt>
            <dd>{formatYears(plan.startYear, plan.endYear)}</dd>
          </div>
          <div>
            <dt>{t('plan.intake.plan.issuingUnit')}</dt>
            <dd>{unitName(plan.issuingUnitCode)}</dd>
          </div>
          <div>
            <dt>{t('plan.intake.plan.status')}</dt>
            <dd>
              <span className={`status status-${plan.status.toLowerCase()}`}>
                {t(`plans.status.${plan.status}`)}
              </span>
            </dd>
          </div>
        </dl>
        {issuerChoice}
      </div>

      {bases.length > 0 && (
        <div className="intake-card">
          <h3>{t('plan.intake.plan.bases', { count: bases.length })}</h3>
          <ul className="intake-list">
            {bases.map((basis, index) => (
              <li key={index}>
                {basis.citation}
                {basis.planCode && (
                  <span className="intake-linked">
                    {t('plan.intake.plan.linked', { code: basis.planCode })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="intake-card">
        <h3>{t('plan.intake.plan.regime')}</h3>
        <p>{regimeWords}</p>
        <ul className="intake-list intake-list-plain">
          <li>
            {t('plan.intake.plan.coordinator', { unit: unitName(regime.coordinatorUnitCode) })}
          </li>
          {regime.recipientUnitCode && (
            <li>{t('plan.intake.plan.recipient', { unit: unitName(regime.recipientUnitCode) })}</li>
          )}
        </ul>
        {regime.wording && (
          <p className="muted intake-wording">
            {t('plan.intake.plan.asWritten', { text: regime.wording })}
          </p>
        )}
      </div>

      <div className="intake-card intake-signing">
        <div>
          <h3>{t('plan.intake.plan.signer')}</h3>
          {plan.signerTitle || plan.signerName ? (
            <>
              {plan.signerTitle && <p className="pre-line">{plan.signerTitle}</p>}
              {plan.signerName && <p className="intake-signer-name">{plan.signerName}</p>}
            </>
          ) : (
            <p className="muted">{t('plan.intake.plan.noSigner')}</p>
          )}
        </div>
        {recipients.length > 0 && (
          <div>
            <h3>{t('plan.intake.plan.recipients')}</h3>
            <ul className="intake-list">
              {recipients.map((recipient, index) => (
                <li key={index}>{recipient}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      {(plan.sections ?? []).length > 0 && (
        <div className="intake-card">
          <h3>{t('plan.intake.plan.sections')}</h3>
          <ul className="intake-list intake-list-plain">
            {(plan.sections ?? []).map((section, index) => (
              <li key={index}>{section.heading ?? t('plan.intake.plan.untitledSection')}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="intake-card">
        <h3>
          {t('plan.intake.plan.indicators', {
            count: indicators.length,
            groups: bundle.indicatorGroups?.length ?? 0,
          })}
        </h3>
        {indicators.length === 0 && <p className="muted">{t('plan.intake.plan.noIndicators')}</p>}
        {byGroup(indicators, bundle.indicatorGroups).map((group) => (
          <div key={group.code} className="intake-group">
            <h4>{groupName(bundle.indicatorGroups, group.code)}</h4>
            <ol className="intake-items">
              {group.items.map((indicator) => (
                <li key={indicator.code}>
                  <p>
                    <span className="plan-code">{indicator.code}</span> {indicator.content}
                    {indicator.unitOfMeasure ? ` (${indicator.unitOfMeasure})` : ''}
                  </p>
                  <ul className="intake-item-facts">
                    {indicator.targets.map((target, index) => (
                      <li key={`${target.year ?? ''}-${index}`}>
                        {target.year
                          ? t('plan.intake.plan.target', {
                              year: target.year,
                              text: targetText(target),
                            })
                          : targetText(target)}
                      </li>
                    ))}
                    <li>
                      {t('plan.intake.plan.lead', { units: unitName(indicator.leadUnitCode) })}
                    </li>
                    {(indicator.cooperatingUnitCodes ?? []).length > 0 && (
                      <li>
                        {t('plan.intake.plan.cooperating', {
                          units: units(indicator.cooperatingUnitCodes),
                        })}
                      </li>
                    )}
                  </ul>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>

      <div className="intake-card">
        <h3>
          {t('plan.intake.plan.tasks', {
            count: tasks.length,
            groups: bundle.taskGroups?.length ?? 0,
          })}
        </h3>
        {tasks.length === 0 && <p className="muted">{t('plan.intake.plan.noTasks')}</p>}
        {byGroup(tasks, bundle.taskGroups).map((group) => (
          <div key={group.code} className="intake-group">
            <h4>{groupName(bundle.taskGroups, group.code)}</h4>
            <ol className="intake-items">
              {group.items.map((task) => (
                <li key={task.code}>
                  <p>
                    <span className="plan-code">{task.code}</span> {task.description}
                  </p>
                  <ul className="intake-item-facts">
                    <li>{t('plan.intake.plan.lead', { units: units(task.leadUnitCodes) })}</li>
                    {(task.cooperatingUnitCodes ?? []).length > 0 && (
                      <li>
                        {t('plan.intake.plan.cooperating', {
                          units: units(task.cooperatingUnitCodes),
                        })}
                      </li>
                    )}
                    <li>
                      {t('plan.intake.plan.timeframe', { text: timeframeText(task.timeframe, t) })}
                    </li>
                  </ul>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>

      {bundle.orgUnits.length > 0 && (
        <div className="intake-card">
          <h3>{t('plan.intake.plan.unitGroups')}</h3>
          <ul className="intake-list">
            {bundle.orgUnits.map((unit) => (
              <li key={unit.code}>{unit.name}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
