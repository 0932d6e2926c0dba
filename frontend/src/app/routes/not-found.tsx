import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <title>{t('app.documentTitle', { page: t('notFound.title') })}</title>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/plans">{t('notFound.back')}</Link>
    </section>
  );
}
