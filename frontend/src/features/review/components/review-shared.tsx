import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';

type ReportState = components['schemas']['ReportState'];

/** What a review page is told by the page that navigated to it. */
export type ReviewNavigation = {
  /** The outcome of the step just taken, to show as a status message. */
  message: string | null;
  /** Move the focus to the page's heading: the user arrived by acting, not by reading on. */
  focus: boolean;
};

/** Navigation state to hand over with `navigate` or a link. */
export function reviewNavigation(navigation: Partial<ReviewNavigation>) {
  return { review: navigation };
}

/** Reads what `reviewNavigation` stored (a location's state can be anything a link put there). */
export function readReviewNavigation(state: unknown): ReviewNavigation {
  const review =
    typeof state === 'object' && state !== null && 'review' in state ? state.review : null;
  if (typeof review !== 'object' || review === null) return { message: null, focus: false };
  const { message, focus } = review as Partial<ReviewNavigation>;
  return { message: typeof message === 'string' ? message : null, focus: focus === true };
}

/** A report's state as a word; the colour only repeats it. */
export function StateBadge({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  return (
    <span className={`status review-state-${state.toLowerCase()}`}>
      {t(`review.state.${state}`)}
    </span>
  );
}

/** One labelled fact of a description list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="review-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
