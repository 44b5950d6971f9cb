/**
 * Calendar months as `YYYY-MM` strings, for the per-month series of analytics.
 */

/** The month of an ISO day. @example monthOf('2023-02-03') -> '2023-02' */
export function monthOf(isoDay: string): string {
  return isoDay.slice(0, 7)
}

/**
 * Every month from `first` to `last`, both included, so a series has no holes.
 * @example monthsBetween('2023-11', '2024-02') -> ['2023-11', '2023-12', '2024-01', '2024-02']
 */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = []
  let [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))]
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7))
  while (year * 12 + month <= end) {
    months.push(`${year}-${String(month).padStart(2, '0')}`)
    month += 1
    if (month > 12) [year, month] = [year + 1, 1]
  }
  return months
}
