import { useEffect } from 'react';

/** Room kept between what has focus and the action bar under it. */
const GAP = 12;

/**
 * How far to scroll so that `target` ends above `bar`: 0 when it already does, or when the bar is not over it.
 * Both are viewport rectangles.
 */
export function overlapWithBar(
  target: Pick<DOMRect, 'top' | 'bottom'>,
  bar: Pick<DOMRect, 'top' | 'bottom'>,
): number {
  if (target.bottom <= bar.top - GAP || target.top >= bar.bottom) return 0;
  // Never push the top of what has focus above the top of the screen.
  return Math.max(0, Math.min(target.bottom - bar.top + GAP, target.top - GAP));
}

/** What the person reads with the focused control: the whole field (label, hint, error), or a message itself. */
function readable(element: Element): Element {
  return element.closest('.field, .notice, .form-alert, [role="alert"]') ?? element;
}

/** The bars of actions that stay at the bottom of the screen while their form scrolls: a report's, a plan form's. */
const BARS = '.action-bar, .plan-form-actions';

/**
 * A form's save and submit bar stays at the bottom of the screen while the form scrolls under it.
 * Whatever gets focus (a field typed in, a message the form moves focus to) is scrolled up above the bar, and
 * again when the on-screen keyboard makes the screen shorter.
 */
export function useKeepFocusAboveActionBar() {
  useEffect(() => {
    function keepAbove() {
      const focused = document.activeElement;
      if (!focused || focused === document.body) return;
      const bar = document.querySelector(BARS);
      if (!bar || bar.contains(focused)) return;
      const target = readable(focused).getBoundingClientRect();
      const barRect = bar.getBoundingClientRect();
      const viewportBottom = window.visualViewport
        ? window.visualViewport.offsetTop + window.visualViewport.height
        : window.innerHeight;
      // The bar sits at the bottom of what can be seen; above that bottom it is in its place after the form.
      const barTop = Math.min(barRect.top, viewportBottom - barRect.height);
      const distance = overlapWithBar(target, { top: barTop, bottom: barTop + barRect.height });
      if (distance > 0) window.scrollBy({ top: distance });
    }
    const later = () => requestAnimationFrame(keepAbove);
    document.addEventListener('focusin', later);
    window.visualViewport?.addEventListener('resize', later);
    return () => {
      document.removeEventListener('focusin', later);
      window.visualViewport?.removeEventListener('resize', later);
    };
  }, []);
}
