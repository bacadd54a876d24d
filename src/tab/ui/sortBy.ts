/**
 * Orders for the DataTable's sortable columns. Text goes by Swedish collation (å, ä, ö after z; "Åsele" after
 * "Vännäs"; numbers inside text by value: "§ 9" before "§ 10"), amounts and counts by value, dates by day. An
 * empty value sorts first ascending (last descending), as a blank is "less" than any value.
 */
const SWEDISH = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

export function compareSwedish(a: string, b: string): number {
  return SWEDISH.compare(a, b);
}

export function byText<T>(get: (item: T) => string | null | undefined): (a: T, b: T) => number {
  return (a, b) => SWEDISH.compare(get(a) ?? '', get(b) ?? '');
}

export function byNumber<T>(get: (item: T) => number | null | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const x = get(a) ?? undefined;
    const y = get(b) ?? undefined;
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    return x - y;
  };
}

/** ISO dates or date-times (`2026-04-22`, `2026-04-22T07:00:00Z`): their text order is their time order. */
export function byDate<T>(get: (item: T) => string | null | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const x = get(a) ?? '';
    const y = get(b) ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
