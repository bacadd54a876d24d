import { toIsoDate, type IsoDate } from '../../src/domain';

/**
 * SharePoint's date-only columns, in one place. SharePoint keeps a date-only value as midnight of that date in
 * the site's time zone (the Region's site: Stockholm) and Graph answers that instant in UTC: 1 September comes
 * back as `2026-08-31T22:00:00Z`. Cutting the string (`.slice(0, 10)`) would read 31 August. Reading converts the
 * instant to the Stockholm calendar date; writing sends the ISO date, which SharePoint takes as the site's date.
 */
export function dateOnlyFromGraph(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return toIsoDate(value);
  } catch {
    return undefined;
  }
}

export function dateOnlyToGraph(date: IsoDate | string): string {
  return toIsoDate(date);
}
