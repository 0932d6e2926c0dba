/**
 * Calendar dates as people type them (`26/03/2026`, day first, as in Vietnam) and as the API carries them
 * (`2026-03-26`). A date that does not exist (31/02, 29/02 outside a leap year) is not read at all.
 */

const typed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const iso = /^(\d{4})-(\d{2})-(\d{2})$/;

function exists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * `26/03/2026` (also `26-03-2026`, `26.03.2026`, `6/3/2026`) → `2026-03-26`; blank → `''`; anything else,
 * including a day that does not exist, → null.
 */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = typed.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return exists(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** `2026-03-26` → `26/03/2026`; blank → `''`; anything that is not an ISO date is returned as it is. */
export function typedDate(isoDate: string): string {
  const match = iso.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** The ISO date as a local Date at midnight (for a calendar), or undefined. */
export function toLocalDate(isoDate: string): Date | undefined {
  const match = iso.exec(isoDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return exists(year, month, day) ? new Date(year, month - 1, day) : undefined;
}

/** A local Date (as a calendar gives it) → its ISO calendar date. */
export function fromLocalDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
