let counter = 0;

/** A key for a row added on screen (a legal basis, a section, a target), stable while it is edited. */
export function rowId(): string {
  counter += 1;
  return `row-${counter}`;
}

/** The list with the entry at `index` moved by `by` places (−1 up, +1 down); unchanged at either end. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The current year in Vietnam, whatever the device's clock zone. */
export function currentYear(): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    ),
  );
}
