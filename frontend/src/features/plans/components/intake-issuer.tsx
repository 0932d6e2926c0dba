import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { useGetMe } from '@/lib/me';

type OrgUnitRef = components['schemas']['OrgUnitRef'];

/**
 * Another issuing unit than the one the document names (`choices.issuingUnitId`): one of the units the person
 * coordinates (a commune, ward or province; their own office, a department, issues no plan). The empty choice keeps
 * the unit as read; with nothing else to offer, nothing is shown.
 */
export function IssuerChoice({
  value,
  issuerCode,
  onChange,
}: {
  value: string | null;
  /** The issuer as the last preview understood it, left out of the other units offered. */
  issuerCode: string;
  onChange: (unitId: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const me = useGetMe();
  const units = useMemo(() => {
    const list: OrgUnitRef[] = [];
    const add = (unit: OrgUnitRef | undefined) => {
      if (unit && !list.some((u) => u.id === unit.id)) list.push(unit);
    };
    me.data?.coordinatedUnits.forEach(add);
    return list;
  }, [me.data]);
  const offered = units.filter((unit) => unit.code !== issuerCode || unit.id === value);
  if (offered.length === 0) return null;
  return (
    <div className="field intake-issuer">
      <label htmlFor={id}>{t('plan.intake.plan.chooseIssuer')}</label>
      <select
        id={id}
        value={value ?? ''}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t('plan.intake.plan.issuerAsRead')}</option>
        {offered.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {t('plan.intake.plan.issuerHint')}
      </p>
    </div>
  );
}
