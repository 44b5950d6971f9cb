/**
 * Alerts on a dyad, kept in the store: which events to tell about (types, modalities, a least
 * number of sources) and where (the terminal always, a JSONL file, a webhook).
 */
import type { Selectable } from 'kysely'

import { EVENT_TYPES, type EventType } from '../doc.js'
import { DyadError } from '../errors.js'
import type { Store } from '../store/database.js'
import { runWrite, selectRows } from '../store/execute.js'
import type { AlertsTable } from './tables.js'

/** One alert as read from the store. */
export interface Alert {
  readonly id: number
  /** Sorted pair of country codes. @example 'IRN-VEN' */
  readonly pair: string
  /** Null: any type. */
  readonly types: readonly EventType[] | null
  /** Null: asserted and planned. */
  readonly modalities: readonly string[] | null
  readonly minSources: number
  /** Fire again each time the event gains a source. */
  readonly onNewSource: boolean
  readonly jsonlPath: string | null
  readonly webhookUrl: string | null
  readonly createdAt: string
}

export type NewAlert = Omit<Alert, 'id' | 'createdAt'>

const MODALITIES = ['asserted', 'planned'] as const

/**
 * Store an alert; its id.
 * @example addAlert(store, { pair: 'IRN-VEN', types: ['sign_agreement'], minSources: 2, ... }) -> 1
 */
export function addAlert(store: Store, alert: NewAlert, now: Date = new Date()): number {
  const { lastInsertRowid } = runWrite(
    store,
    store.db.insertInto('alerts').values({
      pair: alert.pair,
      types: alert.types === null ? null : JSON.stringify(alert.types),
      modalities: alert.modalities === null ? null : JSON.stringify(alert.modalities),
      min_sources: alert.minSources,
      on_new_source: alert.onNewSource ? 1 : 0,
      jsonl_path: alert.jsonlPath,
      webhook_url: alert.webhookUrl,
      created_at: now.toISOString(),
    }),
  )
  return Number(lastInsertRowid)
}

/** Every alert, oldest first. */
export function listAlerts(store: Store): Alert[] {
  return selectRows(store, store.db.selectFrom('alerts').selectAll().orderBy('id')).map(fromRow)
}

/** Remove an alert and its firings; false when there was none with that id. */
export function removeAlert(store: Store, id: number): boolean {
  const { changes } = runWrite(store, store.db.deleteFrom('alerts').where('id', '=', id))
  return changes > 0
}

/**
 * The sorted pair of a `--dyad` value, or a usage error.
 * @example pairOfDyad('ven-irn') -> 'IRN-VEN'
 */
export function pairOfDyad(value: string): string {
  const parts = value
    .trim()
    .toUpperCase()
    .split(/[-–:,/]/u)
  if (parts.length !== 2 || !parts.every((part) => /^[A-Z]{2,6}$/u.test(part))) {
    throw new DyadError('E_USAGE', `--dyad "${value}" is not a pair of country codes like IRN-VEN`)
  }
  return [...parts].sort().join('-')
}

/**
 * A `--type` list, checked against the known event types.
 * @example typesOf('sign_agreement,cooperate_military') -> ['sign_agreement', 'cooperate_military']
 */
export function typesOf(value: string): EventType[] {
  const types = value
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type !== '')
  const known = new Set<string>(EVENT_TYPES)
  const unknown = types.filter((type) => !known.has(type))
  if (unknown.length > 0 || types.length === 0) {
    throw new DyadError(
      'E_USAGE',
      `--type "${value}": unknown event type ${unknown.join(', ') || '(none given)'}; ` +
        `known types: ${EVENT_TYPES.join(', ')}`,
    )
  }
  return types as EventType[]
}

/** A `--modality` list. @example modalitiesOf('asserted') -> ['asserted'] */
export function modalitiesOf(value: string): string[] {
  const list = value
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '')
  const bad = list.filter((m) => !(MODALITIES as readonly string[]).includes(m))
  if (bad.length > 0 || list.length === 0) {
    throw new DyadError('E_USAGE', `--modality "${value}": give asserted, planned or both`)
  }
  return list
}

/**
 * What an alert watches, in words.
 * @example describeAlert(alert) -> 'IRN-VEN sign_agreement,cooperate_military, ≥2 sources'
 */
export function describeAlert(alert: Alert): string {
  const parts = [alert.pair, alert.types?.join(',') ?? 'any type']
  if (alert.modalities !== null) parts.push(alert.modalities.join(','))
  if (alert.minSources > 1) parts.push(`at least ${alert.minSources} sources`)
  if (alert.onNewSource) parts.push('again on each new source')
  return parts.join(', ')
}

function fromRow(row: Selectable<AlertsTable>): Alert {
  return {
    id: row.id,
    pair: row.pair,
    types: row.types === null ? null : (JSON.parse(row.types) as EventType[]),
    modalities: row.modalities === null ? null : (JSON.parse(row.modalities) as string[]),
    minSources: row.min_sources,
    onNewSource: row.on_new_source === 1,
    jsonlPath: row.jsonl_path,
    webhookUrl: row.webhook_url,
    createdAt: row.created_at,
  }
}
