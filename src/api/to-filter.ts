/**
 * Validated query parameters -> the `EventFilter` the queries take: codes upper-cased, lists
 * split, `all` meaning no filter, and the defaults filled in: modalities asserted and planned,
 * and the core scope's types.
 */
import { CORE_EVENT_TYPES } from '../doc.js'
import { DEFAULT_MODALITIES } from './params.js'
import type { EventFilter } from '../store/queries/event-filter.js'

/** The filter parameters as they arrive, already checked by params.ts. */
export interface FilterParams {
  readonly dyad?: string | undefined
  readonly country?: string | undefined
  readonly type?: string | undefined
  readonly scope?: 'core' | 'all' | undefined
  readonly modality?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly q?: string | undefined
}

/**
 * @example toFilter({ dyad: 'ven-irn', type: 'visit,meet' })
 *   -> { dyad: ['VEN', 'IRN'], type: ['visit', 'meet'], modality: ['asserted', 'planned'] }
 * @example toFilter({ scope: 'all' }) -> { modality: ['asserted', 'planned'] }
 */
export function toFilter(params: FilterParams): EventFilter {
  const { dyad, country, type, scope, modality, from, to, q } = params
  const pair = dyad?.toUpperCase().split('-')
  return {
    ...(pair?.[0] !== undefined && pair[1] !== undefined ? { dyad: [pair[0], pair[1]] } : {}),
    ...(country !== undefined ? { country: country.toUpperCase() } : {}),
    // Named types win; otherwise the scope decides, core (the guideline's types) by default.
    ...(type !== undefined && type !== 'all'
      ? { type: splitList(type) }
      : scope === 'all'
        ? {}
        : { type: [...CORE_EVENT_TYPES] }),
    modality:
      modality === undefined ? DEFAULT_MODALITIES : modality === 'all' ? [] : splitList(modality),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(q !== undefined && q.trim() !== '' ? { q: q.trim() } : {}),
  }
}

function splitList(value: string): string[] {
  return value.split(',').map((item) => item.trim())
}
