import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { periodLabel } from '@/lib/periods';

type OrgUnitRef = components['schemas']['OrgUnitRef'];
type PlanRef = components['schemas']['PlanRef'];
type ReportItem = components['schemas']['ReportItem'];

/** Reminders go to Vietnamese offices: they are written in Vietnamese whatever the screen shows. */
function vietnamese() {
  return i18n.getFixedT('vi');
}

function planName(plan: PlanRef): string {
  const t = vietnamese();
  return plan.documentNumber
    ? t('review.reminder.planNumbered', { number: plan.documentNumber })
    : plan.title;
}

/** The period inside a sentence: `tháng 3/2026`, `quý I/2026`. */
function periodInSentence(key: string): string {
  const label = periodLabel(key, vietnamese());
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

/** A reminder to a unit that has not reported by the deadline, naming what it still owes. */
export function lateUnitReminder({
  unit,
  plan,
  periodKey,
  deadline,
  items,
  missing,
}: {
  unit: OrgUnitRef;
  plan: PlanRef;
  periodKey: string;
  deadline: string;
  items: ReportItem[];
  missing: number;
}): string {
  const t = vietnamese();
  const facts = {
    plan: planName(plan),
    period: periodInSentence(periodKey),
    deadline: formatDate(deadline, 'vi'),
  };
  const lines = [t('review.reminder.greeting', { unit: unit.name })];
  if (items.length > 0) {
    lines.push(t('review.reminder.lateBody', { ...facts, count: items.length }));
    for (const item of items) {
      lines.push(t('review.reminder.item', { code: item.code, content: item.content }));
    }
  } else {
    lines.push(t('review.reminder.lateBodyCount', { ...facts, count: missing }));
  }
  lines.push(t('review.reminder.lateClosing'), t('review.reminder.regards'));
  return lines.join('\n');
}

/** A reminder to a lower level whose consolidated report has not been sent up. */
export function sendUpReminder({
  unit,
  parentPlan,
  plan,
  periodKey,
  deadline,
}: {
  unit: OrgUnitRef;
  parentPlan: PlanRef;
  plan: PlanRef;
  periodKey: string;
  deadline: string | null;
}): string {
  const t = vietnamese();
  const facts = {
    plan: planName(parentPlan),
    ownPlan: planName(plan),
    period: periodInSentence(periodKey),
  };
  return [
    t('review.reminder.greeting', { unit: unit.name }),
    deadline
      ? t('review.reminder.sendUpBody', { ...facts, deadline: formatDate(deadline, 'vi') })
      : t('review.reminder.sendUpBodyNoDeadline', facts),
    t('review.reminder.sendUpClosing'),
    t('review.reminder.regards'),
  ].join('\n');
}
