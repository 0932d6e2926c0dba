import type { Language } from '@/lib/i18n';

const separators: Record<Language, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const intlLocales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads a number as people type it: `72,5` and `1.450` in Vietnamese, `72.5` and `1,450` in
 * English. A lone separator that cannot be a thousands group (`72.5` in Vietnamese) is taken as
 * the decimal point, since that is what was meant. Blank is null; anything else unreadable is NaN.
 */
export function parseDecimal(text: string, lang: Language): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const { group, decimal } = separators[lang];
  const grouped = new RegExp(`^-?\\d{1,3}(${escape(group)}\\d{3})+$`);
  let normal: string;
  if (compact.includes(decimal)) {
    normal = compact.split(group).join('').replace(decimal, '.');
  } else if (grouped.test(compact)) {
    normal = compact.split(group).join('');
  } else {
    normal = compact.replace(group, '.');
  }
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A number as it goes back into an input: no thousands grouping, the language's decimal mark. */
export function formatForInput(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(intlLocales[lang], {
    useGrouping: false,
    maximumFractionDigits: 10,
  }).format(value);
}
