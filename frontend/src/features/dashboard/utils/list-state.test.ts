import { describe, expect, it } from 'vitest';
import {
  pageOf,
  readListState,
  sortItems,
  withoutPages,
} from '@/features/dashboard/utils/list-state';

const spec = {
  prefix: 'ind',
  filters: ['q', 'status'] as const,
  sortFields: ['order', 'status'] as const,
  defaultSort: { field: 'order', direction: 'asc' } as const,
  pageSize: 10,
};

describe('list state in the URL', () => {
  it('reads the filters, sort and page of one list by its prefix', () => {
    const params = new URLSearchParams(
      'ind.q=camera&ind.status=MET&ind.sort=status,desc&ind.page=3&task.page=2',
    );
    expect(readListState(params, spec)).toEqual({
      filters: { q: 'camera', status: 'MET' },
      sort: { field: 'status', direction: 'desc' },
      page: 3,
    });
  });

  it('falls back to the defaults for what it cannot read', () => {
    const params = new URLSearchParams('ind.sort=unknown,asc&ind.page=-1');
    expect(readListState(params, spec)).toEqual({
      filters: { q: '', status: '' },
      sort: { field: 'order', direction: 'asc' },
      page: 1,
    });
  });

  it("drops every list's page, keeping the rest", () => {
    const params = new URLSearchParams('plan=p&ind.page=2&com.page=4&ind.q=x');
    expect(withoutPages(params).toString()).toBe('plan=p&ind.q=x');
  });

  it('sorts stably in either direction and pages, showing the last page past the end', () => {
    const items = [
      { id: 'a', n: 2 },
      { id: 'b', n: 1 },
      { id: 'c', n: 2 },
    ];
    const byN = (x: { n: number }, y: { n: number }) => x.n - y.n;
    expect(sortItems(items, byN, 'asc').map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(sortItems(items, byN, 'desc').map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(pageOf(items, 9, 2)).toEqual({ items: [items[2]], page: 2, totalPages: 2, total: 3 });
    expect(pageOf([], 1, 2)).toEqual({ items: [], page: 1, totalPages: 1, total: 0 });
  });
});
