import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';

/** `account` is the signed-in person's menu, supplied by the app so that shared code stays feature-free. */
export function AppLayout({ children, account }: { children?: ReactNode; account?: ReactNode }) {
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
            <NavLink to="/work">{t('nav.work')}</NavLink>
            <NavLink to="/review">{t('nav.review')}</NavLink>
            <NavLink to="/plans">{t('nav.plans')}</NavLink>
          </nav>
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
