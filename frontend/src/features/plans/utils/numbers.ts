/** A whole number typed into a field (a year, a day, an order): blank is null, anything else unreadable NaN. */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function wholeForInput(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Blank text is sent as null: the API stores no empty strings. */
export function blankToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
