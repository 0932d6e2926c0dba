import { describe, expect, it } from 'vitest';
import { currentLanguage, i18n, setLanguage, translations } from '@/lib/i18n';

const { en, vi } = translations;

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`.replace(/_(one|other)$/, '')],
  );
}

describe('i18n', () => {
  it('starts in Vietnamese', () => {
    expect(currentLanguage()).toBe('vi');
    expect(i18n.t('app.name')).toBe('Theo dõi Kế hoạch chuyển đổi số');
  });

  it('has the same keys in Vietnamese and English', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(vi))].sort());
  });

  it('formats interpolated counts in the active language', async () => {
    expect(i18n.t('plans.pagination.total', { count: 1234 })).toBe('Tổng số: 1.234 kế hoạch');
    await setLanguage('en');
    expect(i18n.t('plans.pagination.total', { count: 1 })).toBe('Total: 1 plan');
    expect(i18n.t('plans.pagination.total', { count: 1234 })).toBe('Total: 1,234 plans');
  });

  it('remembers the switch and sets the document language', async () => {
    await setLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('language')).toBe('en');
    await setLanguage('vi');
    expect(document.documentElement.lang).toBe('vi');
  });
});
