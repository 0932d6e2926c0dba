import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '@/lib/format';

describe('formatDate', () => {
  it('writes a calendar date as dd/MM/yyyy', () => {
    expect(formatDate('2026-03-26')).toBe('26/03/2026');
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31/12/2026');
  });

  it('shows a timestamp as the day it is in Vietnam', () => {
    expect(formatDate('2026-03-25T18:30:00Z')).toBe('26/03/2026');
    expect(formatDate('2026-03-25T16:59:59Z')).toBe('25/03/2026');
  });

  it('returns unparseable input unchanged', () => {
    expect(formatDate('không phải ngày')).toBe('không phải ngày');
  });
});

describe('formatNumber', () => {
  it('uses a decimal comma and dot thousands separators in Vietnamese', () => {
    expect(formatNumber(0.36)).toBe('0,36');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1234567.89)).toBe('1.234.567,89');
    expect(formatNumber(0.5, 'vi', { style: 'percent' })).toBe('50%');
  });

  it('uses English separators when English is chosen', () => {
    expect(formatNumber(1000, 'en')).toBe('1,000');
    expect(formatNumber(0.36, 'en')).toBe('0.36');
  });
});
