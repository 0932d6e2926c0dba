import { useTranslation } from 'react-i18next';
import { readableError } from '@/lib/api-client';

/** What could not be loaded and why (the problem's readable detail), with a way to try again. */
export function LoadError({
  title,
  error,
  onRetry,
}: {
  title?: string;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error">
      {title && <h2>{title}</h2>}
      <p>{readableError(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
