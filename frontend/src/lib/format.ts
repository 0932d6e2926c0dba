import type { Language } from '@/lib/i18n';

const intlLocales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
// Users are in Vietnam; a timestamp shows the calendar day there, whatever the device clock says.
const userTimeZone = 'Asia/Ho_Chi_Minh';

/** `2026-03-26` or an ISO timestamp → `26/03/2026`. Unparseable input is returned unchanged. */
export function formatDate(value: string, lang: Language = 'vi'): string {
  const isDateOnly = dateOnly.test(value);
  const date = new Date(isDateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocales[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    // A calendar date has no time zone; formatting it in UTC keeps the same day.
    timeZone: isDateOnly ? 'UTC' : userTimeZone,
  }).format(date);
}

/** Vietnamese style by default: `0,36`, `1.000`. */
export function formatNumber(
  value: number,
  lang: Language = 'vi',
  options?: Intl.NumberFormatOptions,
): string {
  return new Intl.NumberFormat(intlLocales[lang], options).format(value);
}
