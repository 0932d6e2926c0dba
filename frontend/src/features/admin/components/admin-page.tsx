import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import '@/features/admin/components/admin.css';

export type Crumb = { to: string; label: string };

/** The frame of an administration page: where it sits (breadcrumbs), its title and its heading. */
export function AdminPage({
  title,
  crumbs = [],
  actions,
  message,
  children,
}: {
  title: string;
  /** The pages above this one, below the administration home. */
  crumbs?: Crumb[];
  /** Buttons or links that belong next to the heading (e.g. "Add"). */
  actions?: ReactNode;
  /** The outcome of the last action taken on this page; replaces the one that brought the user here. */
  message?: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const arrival = readArrival(useLocation().state);

  useEffect(() => {
    // Arrived here by acting (a unit created, an account saved): start keyboard and screen-reader users here.
    if (arrival) headingRef.current?.focus();
  }, [arrival]);

  return (
    <section className="page admin" aria-labelledby="admin-heading">
      <title>{t('app.documentTitle', { page: title })}</title>
      <nav aria-label={t('admin.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/admin">{t('admin.title')}</Link>
          </li>
          {crumbs.map((crumb) => (
            <li key={crumb.to}>
              <Link to={crumb.to}>{crumb.label}</Link>
            </li>
          ))}
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <div className="admin-heading">
        <h1 id="admin-heading" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      <div role="status" className="form-alert">
        {(message ?? arrival) && <p className="notice notice-success">{message ?? arrival}</p>}
      </div>
      {children}
    </section>
  );
}

/** Navigation state that carries the outcome of what was just done to the page shown next. */
export function withArrival(message: string) {
  return { admin: { message } };
}

function readArrival(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('admin' in state)) return null;
  const admin = state.admin;
  if (typeof admin !== 'object' || admin === null || !('message' in admin)) return null;
  return typeof admin.message === 'string' ? admin.message : null;
}

/** Whether an account, unit or service account is in use, in words (the colour only repeats it). */
export function ActiveBadge({
  active,
  inactiveLabel,
}: {
  active: boolean;
  inactiveLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <span className={`status ${active ? 'status-active' : 'status-inactive'}`}>
      {active ? t('admin.active') : (inactiveLabel ?? t('admin.inactive'))}
    </span>
  );
}
