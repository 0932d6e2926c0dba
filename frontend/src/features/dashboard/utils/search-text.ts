/** Lower case without Vietnamese diacritics, so that `xuan loc` finds `Xuân Lộc`. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Every word of the query appears in one of the texts; an empty query matches everything. */
export function matchesQuery(query: string, ...texts: (string | null | undefined)[]): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(texts.filter(Boolean).join(' '));
  return words.every((word) => haystack.includes(word));
}

/** Natural order of codes such as `A.2` < `A.10` < `B.1`. */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'vi', { numeric: true });
}
