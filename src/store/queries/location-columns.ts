/**
 * A place <-> the four `location_*` columns that `event_mentions` and `events` both have.
 */
import type { EventLocation } from '../../events/event.js'

/** The location columns of a row; all null when there is no place. */
export interface LocationColumns {
  location_name: string | null
  location_country: string | null
  location_lat: number | null
  location_lon: number | null
}

/** @example toLocationColumns(null) -> { location_name: null, ..., location_lon: null } */
export function toLocationColumns(location: EventLocation | null | undefined): LocationColumns {
  return {
    location_name: location?.name ?? null,
    location_country: location?.country ?? null,
    location_lat: location?.lat ?? null,
    location_lon: location?.lon ?? null,
  }
}

/** The place a row names, or null when its name is null (the other columns then are too). */
export function fromLocationColumns(
  row: LocationColumns,
): { name: string; country: string; lat: number | null; lon: number | null } | null {
  return row.location_name === null
    ? null
    : {
        name: row.location_name,
        country: row.location_country ?? '',
        lat: row.location_lat,
        lon: row.location_lon,
      }
}
