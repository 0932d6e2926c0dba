import { useTranslation } from 'react-i18next';

export function Dashboard() {
  const { t } = useTranslation();
  return <h1>{t('dashboard.title')}</h1>;
}
