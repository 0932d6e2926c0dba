import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { useKeepFocusAboveActionBar } from '@/components/layouts/keep-above-action-bar';
import { NotificationBell } from '@/components/notification-bell';

interface NavItem {
  to: string;
  label: 'work' | 'review' | 'dashboard' | 'plans' | 'admin';
}

/**
 * `nav` lists the screens the signed-in person uses and `account` is their menu, both supplied by the app so
 * that shared code stays feature-free. On a phone the header is one line, the app's name and a menu button;
 * the navigation, the account and the language open under it. From 48rem on everything is in the header.
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
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useKeepFocusAboveActionBar();
  // Going to another screen closes the menu; adjusting state on a prop change, without an effect.
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [menuOpen]);

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
          <NotificationBell />
          <button
            type="button"
            className="header-button menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('app.menu')}
          </button>
          <div id="app-menu" className={menuOpen ? 'app-menu is-open' : 'app-menu'}>
            <nav aria-label={t('app.mainNav')} className="main-nav">
              {nav.map((item) => (
                <NavLink key={item.to} to={item.to}>
                  {t(`nav.${item.label}`)}
                </NavLink>
              ))}
            </nav>
            {account}
            <LanguageSwitch />
          </div>
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
