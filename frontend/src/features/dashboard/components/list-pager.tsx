import { Pagination } from '@/components/pagination';
import type { PageOf } from '@/features/dashboard/utils/list-state';

/** The pages of a dashboard list, with how many items it holds in all (`total` says it); none when empty. */
export function ListPager({
  page,
  total,
  onPage,
}: {
  page: PageOf<unknown>;
  total: (count: number) => string;
  onPage: (page: number) => void;
}) {
  if (page.total === 0) return null;
  return (
    <Pagination
      page={page.page}
      totalPages={page.totalPages}
      total={total(page.total)}
      onPage={onPage}
    />
  );
}
