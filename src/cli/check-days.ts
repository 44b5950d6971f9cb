/**
 * Date options of the commands (`--from`, `--to`, `--date`, `--published`): a real calendar day
 * or a usage error naming the option. @example checkDays({ '--from': '2024-13-01' }) -> throws E_USAGE
 */
import { DyadError } from '../errors.js'
import { isIsoDay } from '../nlp/calendar.js'

/** Throw E_USAGE for the first given option that is not a day like 2024-11-20. */
export function checkDays(options: Readonly<Record<string, string | undefined>>): void {
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && !isIsoDay(value)) {
      throw new DyadError('E_USAGE', `${name} "${value}" is not a date like 2024-11-20`)
    }
  }
}
