import { describe, expect, it } from 'vitest';
import { compareCodes, matchesQuery } from '@/features/dashboard/utils/search-text';

describe('search text', () => {
  it('finds Vietnamese words typed without diacritics, in any order', () => {
    expect(matchesQuery('xuan loc', 'UBND xã Xuân Lộc')).toBe(true);
    expect(matchesQuery('đong nai', 'Tỉnh Đồng Nai')).toBe(true);
    expect(matchesQuery('loc phu', 'Xã Phú Lâm')).toBe(false);
    expect(matchesQuery('  ', 'anything')).toBe(true);
  });

  it('orders codes naturally', () => {
    expect(['C.10', 'B.2', 'C.2'].sort(compareCodes)).toEqual(['B.2', 'C.2', 'C.10']);
  });
});
