import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type DashboardTab = { id: string; label: string; render: () => ReactNode };

/**
 * The long parts of the dashboard behind tabs, one shown at a time (and only it loaded), so that the
 * first screen stays short. The chosen tab lives in the URL, so that a link opens the same one.
 * Arrow keys, Home and End move between tabs, as a tab list does.
 */
export function DashboardTabs({
  tabs,
  active,
  onChoose,
}: {
  tabs: DashboardTab[];
  active: string;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  if (!current) return null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.id === current?.id);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onChoose(tabs[next]!.id);
    buttons.current[next]?.focus();
  }

  return (
    <div className="dash-tabs">
      <div
        role="tablist"
        aria-label={t('dashboard.sections.label')}
        className="dash-tablist"
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab, index) => {
          const selected = tab.id === current.id;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${id}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              className="dash-tab"
              onClick={() => onChoose(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-${current.id}`}
        aria-labelledby={`${id}-tab-${current.id}`}
        className="dash-tabpanel"
      >
        {current.render()}
      </div>
    </div>
  );
}
