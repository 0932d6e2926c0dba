export type PeriodKey =
  | { kind: 'MONTH'; year: number; seq: number }
  | { kind: 'QUARTER'; year: number; seq: number }
  | { kind: 'HALF_YEAR'; year: number; seq: number }
  | { kind: 'YEAR'; year: number; seq: 1 };

/** Reads a period key as the API writes it: `2026-03`, `2026-Q1`, `2026-H1` or `2026`. */
export function parsePeriodKey(key: string): PeriodKey | null {
  const match = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) {
    const seq = Number(match[2]);
    return seq >= 1 && seq <= 12 ? { kind: 'MONTH', year, seq } : null;
  }
  if (match[3]) return { kind: 'QUARTER', year, seq: Number(match[3]) };
  if (match[4]) return { kind: 'HALF_YEAR', year, seq: Number(match[4]) };
  return { kind: 'YEAR', year, seq: 1 };
}

/** The year a period falls in, which picks the indicator's target. */
export function periodYear(key: string): number | null {
  return parsePeriodKey(key)?.year ?? null;
}

/** The keys a reporter is likely to look for, newest first: recent months, quarters, halves, years. */
export function recentPeriodKeys(today: string) {
  const [year = 2026, month = 1] = today.split('-').map(Number);
  const months: string[] = [];
  for (let back = 0; back < 12; back++) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    months.push(`${y}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  const quarter = Math.ceil(month / 3);
  const quarters: string[] = [];
  for (let back = 0; back < 4; back++) {
    const index = year * 4 + (quarter - 1) - back;
    quarters.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  const half = month <= 6 ? 1 : 2;
  const halves: string[] = [];
  for (let back = 0; back < 2; back++) {
    const index = year * 2 + (half - 1) - back;
    halves.push(`${Math.floor(index / 2)}-H${(index % 2) + 1}`);
  }
  const years = [String(year), String(year - 1)];
  return { months, quarters, halves, years };
}

const intlLocales = { vi: 'vi-VN', en: 'en-GB' } as const;

/** A moment as a time of day in Vietnam: `10:32`. */
export function formatTime(value: Date | string, lang: 'vi' | 'en'): string {
  return new Intl.DateTimeFormat(intlLocales[lang], {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(typeof value === 'string' ? new Date(value) : value);
}
