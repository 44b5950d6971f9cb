/**
 * What the analyst is looking at: a dyad (two countries) or one country, a date range, and the
 * event table's filters and page. Kept in the URL's hash, so a view can be bookmarked or shared.
 */

/** A dyad (`b` set) or one country (`b` null). */
export interface Focus {
  readonly a: string
  readonly b: string | null
}

export interface ViewState {
  focus: Focus | null
  from: string
  to: string
  type: string
  modality: string
  q: string
  offset: number
}

export const PAGE_SIZE = 25

/** The state the hash describes. @example '#dyad=IRN-VEN&from=2024-01-01' -> { focus: ... } */
export function readHash(hash: string): Partial<ViewState> {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const code = /^[A-Z][A-Z0-9]{1,15}$/
  const state: Partial<ViewState> = {}
  const dyad = params.get('dyad')?.split('-')
  const country = params.get('country')
  if (dyad?.length === 2 && dyad.every((part) => code.test(part))) {
    state.focus = { a: dyad[0] ?? '', b: dyad[1] ?? null }
  } else if (country !== null && code.test(country)) {
    state.focus = { a: country, b: null }
  }
  const day = /^\d{4}-\d{2}-\d{2}$/
  const from = params.get('from')
  const to = params.get('to')
  if (from !== null && day.test(from)) state.from = from
  if (to !== null && day.test(to)) state.to = to
  return state
}

/** The hash for a state. */
export function writeHash(state: ViewState): string {
  const params = new URLSearchParams()
  if (state.focus !== null) {
    if (state.focus.b === null) params.set('country', state.focus.a)
    else params.set('dyad', `${state.focus.a}-${state.focus.b}`)
  }
  if (state.from !== '') params.set('from', state.from)
  if (state.to !== '') params.set('to', state.to)
  return `#${params.toString()}`
}

/** The API's filter parameters for the state's focus and dates. */
export function focusParams(state: ViewState): Record<string, string | undefined> {
  const { focus } = state
  return {
    dyad: focus !== null && focus.b !== null ? `${focus.a}-${focus.b}` : undefined,
    country: focus !== null && focus.b === null ? focus.a : undefined,
    from: state.from || undefined,
    to: state.to || undefined,
  }
}
