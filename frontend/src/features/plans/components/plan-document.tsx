import { useTranslation } from 'react-i18next';

export function PlanDocument() {
  const { t } = useTranslation();
  return <h1>{t('plan.title')}</h1>;
}
