import type { Language } from '@/lib/i18n';

const intlLocales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** File sizes the way people read them: `820 KB`, `2,4 MB`. */
export function formatFileSize(bytes: number, lang: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(intlLocales[lang], { maximumFractionDigits: digits }).format(
    value,
  );
  return `${number} ${units[unit]}`;
}
