/**
 * The names exports print beside codes (GDELT's Actor1Name, PLOVER's event_text), passed in as a
 * value so export functions stay pure: the CLI builds them from dictionaries/, tests from a table.
 */
import type { Dictionaries } from '../dict/types.js'

/** A country or organisation as exports name it. */
export interface NamedCountry {
  /** @example 'Iran', 'European Union' */
  readonly name: string
  readonly isOrganisation: boolean
}

/** Look-ups an export needs; unknown codes give null. */
export interface ExportNames {
  /** @example country('IRN') -> { name: 'Iran', isOrganisation: false } */
  country(code: string): NamedCountry | null
  /** @example cameoLabel('042') -> 'Make a visit' */
  cameoLabel(code: string): string | null
}

/** Names from the loaded dictionaries (countries, organisations, CAMEO labels). */
export function namesFromDictionaries(
  dicts: Pick<Dictionaries, 'countries' | 'cameo'>,
): ExportNames {
  const countries = new Map(
    dicts.countries.map((c) => [
      c.code,
      { name: c.name, isOrganisation: c.kind === 'organisation' },
    ]),
  )
  const labels = new Map(dicts.cameo.map((c) => [c.code, c.label]))
  return {
    country: (code) => countries.get(code) ?? null,
    cameoLabel: (code) => labels.get(code) ?? null,
  }
}

/** Names from a plain table, for tests and callers without dictionaries. */
export function namesFromTable(
  countries: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>> = {},
  organisations: readonly string[] = [],
): ExportNames {
  return {
    country: (code) =>
      countries[code] === undefined
        ? null
        : { name: countries[code]!, isOrganisation: organisations.includes(code) },
    cameoLabel: (code) => labels[code] ?? null,
  }
}
