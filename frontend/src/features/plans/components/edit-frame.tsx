import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '@/components/load-error';

/**
 * The frame of every editing page: where it leads back to, its heading, and the form once what it needs has
 * loaded and the signed-in person may edit (the API still refuses others with 403, which the form shows).
 */
export function EditFrame({
  title,
  back,
  loading,
  error,
  onRetry,
  permission,
  notAllowed,
  children,
}: {
  title: string;
  back: { to: string; label: string };
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  permission: 'yes' | 'no' | 'unknown';
  notAllowed: string;
  children: () => ReactNode;
}) {
  const { t } = useTranslation();
  let content: ReactNode;
  if (error) {
    content = <LoadError title={t('plan.errorTitle')} error={error} onRetry={() => onRetry?.()} />;
  } else if (loading || permission === 'unknown') {
    content = (
      <>
        <progress className="progress" aria-label={t('app.loading')} />
        <p role="status" className="notice">
          {t('app.loading')}
        </p>
      </>
    );
  } else if (permission === 'no') {
    content = (
      <p role="alert" className="notice notice-error">
        {notAllowed}
      </p>
    );
  } else {
    content = children();
  }
  return (
    <section className="page plan-page">
      <title>{t('app.documentTitle', { page: title })}</title>
      <p className="plan-back">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{title}</h1>
      {content}
    </section>
  );
}
