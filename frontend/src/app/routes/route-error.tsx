import { useTranslation } from 'react-i18next';
import { AppLayout } from '@/components/layouts/app-layout';

/** Shown when rendering a route throws, instead of a blank page. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <AppLayout nav={[{ to: '/plans', label: 'plans' }]}>
      <div role="alert" className="notice notice-error">
        <p>{t('errors.unexpected')}</p>
      </div>
    </AppLayout>
  );
}
