import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '@/features/plans/api/get-plan';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n';
import { dateParts, formatYears, planName } from '@/features/plans/utils/plan-text';

export function StatusBadge({ status }: { status: Plan['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status.toLowerCase()}`}>{t(`plans.status.${status}`)}</span>
  );
}

/** What the plan is at a glance: code, status, years, issuer, parent plan, the size of its appendix, reporting. */
export function PlanFacts({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = useId();
  const regimeId = useId();
  const regime = plan.reportingRegime;
  return (
    <aside className="plan-facts-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.facts.heading')}</h2>
      <dl className="plan-facts">
        <div>
          <dt>{t('plan.facts.status')}</dt>
          <dd>
            <StatusBadge status={plan.status} />
          </dd>
        </div>
        <div>
          <dt>{t('plan.facts.code')}</dt>
          <dd>{plan.code}</dd>
        </div>
        <div>
          <dt>{t('plan.facts.years')}</dt>
          <dd>{formatYears(plan.startYear, plan.endYear)}</dd>
        </div>
        <div>
          <dt>{t('plan.facts.issuingUnit')}</dt>
          <dd>{plan.issuingUnit.name}</dd>
        </div>
        {plan.parentPlan && (
          <div>
            <dt>{t('plan.facts.parentPlan')}</dt>
            <dd>
              <Link to={`/plans/${plan.parentPlan.id}`}>
                {plan.parentPlan.documentNumber
                  ? `${plan.parentPlan.documentNumber} – ${plan.parentPlan.title}`
                  : plan.parentPlan.title}
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('plan.facts.appendix')}</dt>
          <dd>
            {t('plan.facts.appendixValue', {
              indicators: plan.indicatorCount,
              tasks: plan.taskCount,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('plan.facts.updatedAt')}</dt>
          <dd>{formatDate(plan.updatedAt, lang)}</dd>
        </div>
      </dl>

      <h3 id={regimeId}>{t('plan.regime.heading')}</h3>
      <dl className="plan-facts" aria-labelledby={regimeId}>
        <div>
          <dt>{t('plan.regime.frequency')}</dt>
          <dd>{t(`plan.regime.frequencies.${regime.frequency}`)}</dd>
        </div>
        <div>
          <dt>{t('plan.regime.unitDeadline')}</dt>
          <dd>{t('plan.regime.day', { day: regime.unitReportDay })}</dd>
        </div>
        {regime.consolidationDay !== null && (
          <div>
            <dt>{t('plan.regime.consolidationDeadline')}</dt>
            <dd>{t('plan.regime.day', { day: regime.consolidationDay })}</dd>
          </div>
        )}
        <div>
          <dt>{t('plan.regime.coordinatorUnit')}</dt>
          <dd>{regime.coordinatorUnit.name}</dd>
        </div>
        {regime.recipientUnit && (
          <div>
            <dt>{t('plan.regime.recipientUnit')}</dt>
            <dd>{regime.recipientUnit.name}</dd>
          </div>
        )}
        {(regime.deadlineShift === 'NONE' || regime.deadlineShift === 'PREVIOUS_WORKING_DAY') && (
          <div>
            <dt>{t('plan.regime.deadlineShift')}</dt>
            <dd>{t(`plan.regime.shifts.${regime.deadlineShift}`)}</dd>
          </div>
        )}
        {regime.wording && (
          <div>
            <dt>{t('plan.regime.wording')}</dt>
            <dd className="pre-line">{regime.wording}</dd>
          </div>
        )}
      </dl>
    </aside>
  );
}

/** `Đồng Nai, ngày 26 tháng 3 năm 2026`, as the document dates itself. */
function PlaceAndDate({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const parts = plan.issueDate ? dateParts(plan.issueDate) : null;
  if (!parts) {
    return <span className="muted">{t('plan.doc.notIssued')}</span>;
  }
  return (
    <>
      {plan.issuePlace
        ? t('plan.doc.placeDate', { place: plan.issuePlace, ...parts })
        : t('plan.doc.date', parts)}
    </>
  );
}

/**
 * The plan as its document reads: issuer and number, the national heading, place and date, title, legal bases
 * (a cited plan that is in the system links to its own page), the sections, the signature and the recipients.
 */
export function PlanText({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const basesId = useId();
  const named = /^kế hoạch\b/iu.test(plan.title.trim());
  const hasSigning = Boolean(plan.signerName || plan.signerTitle || plan.recipients.length);
  return (
    <article className="plan-doc" aria-label={t('plan.doc.label')}>
      <header className="plan-doc-head">
        <div className="plan-doc-issuer">
          <p className="plan-doc-unit">{plan.issuingUnit.name}</p>
          <p>
            {plan.documentNumber
              ? t('plan.doc.number', { number: plan.documentNumber })
              : t('plan.doc.noNumber')}
          </p>
        </div>
        <div className="plan-doc-nation">
          <p className="plan-doc-nation-name">{t('plan.doc.nation')}</p>
          <p className="plan-doc-motto">{t('plan.doc.motto')}</p>
          <p className="plan-doc-date">
            <PlaceAndDate plan={plan} />
          </p>
        </div>
      </header>

      <h1 className="plan-doc-title">
        {/* The document names its kind above the title, unless the title already starts with it. */}
        {!named && <span className="plan-doc-kind">{t('plan.doc.kind')}</span>}
        <span>{plan.title}</span>
      </h1>

      {plan.legalBases.length > 0 && (
        <section className="plan-doc-bases" aria-labelledby={basesId}>
          <h2 id={basesId} className="plan-doc-bases-heading">
            {t('plan.doc.bases')}
          </h2>
          <ul>
            {plan.legalBases.map((basis, index) => (
              <li key={index}>
                <span className="plan-doc-citation">{basis.citation}</span>
                {basis.plan && (
                  <>
                    {' '}
                    <Link to={`/plans/${basis.plan.id}`}>
                      {t('plan.doc.basisLink', { name: planName(basis.plan) })}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {plan.sections.length === 0 && <p className="muted">{t('plan.doc.noContent')}</p>}
      {plan.sections.map((section, index) => (
        <section key={index} className="plan-doc-section">
          {section.heading && <h2>{section.heading}</h2>}
          <p className="plan-doc-body">{section.body}</p>
        </section>
      ))}

      {hasSigning && (
        <footer className="plan-doc-foot">
          {plan.recipients.length > 0 && (
            <div className="plan-doc-recipients">
              <p className="plan-doc-recipients-label">{t('plan.doc.recipients')}</p>
              <ul>
                {plan.recipients.map((recipient, index) => (
                  <li key={index}>{recipient}</li>
                ))}
              </ul>
            </div>
          )}
          {(plan.signerTitle || plan.signerName) && (
            <div className="plan-doc-sign">
              {plan.signerTitle && <p className="plan-doc-signer-title">{plan.signerTitle}</p>}
              {plan.signerName && <p className="plan-doc-signer-name">{plan.signerName}</p>}
            </div>
          )}
        </footer>
      )}
    </article>
  );
}
