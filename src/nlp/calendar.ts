/**
 * Calendar arithmetic on ISO days ('2023-02-04'), in UTC so the host's time zone never shifts a
 * day. Used by resolve-dates.ts.
 */

/** Parse an ISO day; null unless the day exists. @example parseDay('2023-02-30') -> null */
export function parseDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (m === null) return null
  return makeDay(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** A UTC day, or null when it does not exist. @example makeDay(2023, 2, 29) -> null */
export function makeDay(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  date.setUTCFullYear(year) // years 0-99 would otherwise be read as 1900-1999
  const ok = date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return ok ? date : null
}

/** The ISO day of a UTC date. @example isoDay(new Date(Date.UTC(2023, 1, 4))) -> '2023-02-04' */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** ISO form of a month, by the first-day convention. @example isoMonth(2022, 6) -> '2022-06-01' */
export function isoMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`
}

/** ISO form of a year, by the first-day convention. @example isoYear(2022) -> '2022-01-01' */
export function isoYear(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`
}

/** Add days to a date. @example isoDay(addDays(parseDay('2023-02-04')!, -1)) -> '2023-02-03' */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

/** Whole days from `a` to `b`. @example daysBetween(1 February 2023, 4 February 2023) -> 3 */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / 86_400_000)
}

/** True for a real calendar day written YYYY-MM-DD. @example isIsoDay('2024-02-30') -> false */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const day = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text
}
