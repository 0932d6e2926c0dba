import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { NotificationBell } from '@/components/notification-bell';

interface NavItem {
  to: string;
  label: 'work' | 'review' | 'dashboard' | 'plans' | 'admin';
}

/**
 * `nav` lists the screens the signed-in person uses and `account` is their menu, both supplied by the app so
 * that shared code stays feature-free.
 */
export function AppLayout({
  children,
  nav,
  account,
}: {
  children?: ReactNode;
  nav: NavItem[];
  account?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="container app-header-inner">
          <Link to="/" className="app-name">
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.mainNav')} className="main-nav">
            {nav.map((item) => (
              <NavLink key={item.to} to={item.to}>
                {t(`nav.${item.label}`)}
              </NavLink>
            ))}
          </nav>
          <NotificationBell />
          {account}
          <LanguageSwitch />
        </div>
      </header>
      {/* tabIndex lets the skip link move focus here, not just scroll. */}
      <main id="main" tabIndex={-1} className="container">
        {children ?? <Outlet />}
      </main>
      <footer className="app-footer">
        <div className="container">{t('app.footer')}</div>
      </footer>
    </>
  );
}
