import { useTranslation } from 'react-i18next';

/** Previous and next page of a paged list (pages counted from 1), where it stands, and its total in the list's own words. */
export function Pagination({
  page,
  totalPages,
  total,
  onPage,
}: {
  page: number;
  totalPages: number;
  total: string;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className="button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('pagination.previous')}
      </button>
      <span className="pagination-position">
        {t('pagination.pageOf', { page, pages: Math.max(totalPages, 1) })}
      </span>
      <button
        type="button"
        className="button"
        disabled={page >= totalPages}
        onClick={() => onPage(page + 1)}
      >
        {t('pagination.next')}
      </button>
      <span className="pagination-total">{total}</span>
    </nav>
  );
}
