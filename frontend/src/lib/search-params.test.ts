import { describe, expect, it } from 'vitest';
import { withChanges } from '@/lib/search-params';

describe('withChanges', () => {
  it('sets the values given, removes the empty ones and keeps the others', () => {
    const current = new URLSearchParams('q=xã&page=3&sort=name,asc');
    const next = withChanges(current, { q: 'huyện', page: null, sort: '', role: 'LEAD' });
    expect(next.toString()).toBe(new URLSearchParams('q=huyện&role=LEAD').toString());
    expect(current.get('page')).toBe('3');
  });
});
