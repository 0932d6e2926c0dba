import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';

/** The frame of pages shown before signing in: no navigation, the content centred. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="container app-header-inner">
          <span className="app-name">{t('app.name')}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container auth-main">
        {children}
      </main>
      <footer className="app-footer">
        <div className="container">{t('app.footer')}</div>
      </footer>
    </>
  );
}
