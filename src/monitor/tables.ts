/**
 * The store's monitoring tables as Kysely sees them (migration 2026-11-24-0004-create-monitor).
 */
import type { Generated } from 'kysely'

/** A web page a feed linked to, and what became of it. */
export interface MonitorUrlsTable {
  /** Normalized item link. @example 'https://wire.example/a/1' */
  url: string
  /** The feed that listed it (a URL or a file). */
  feed: string
  status: 'stored' | 'duplicate' | 'failed' | 'given_up'
  article_id: string | null
  attempts: number
  last_error: string | null
  first_seen_at: string
  last_tried_at: string
  /** When a failed page may be tried again, ISO; null once settled. */
  next_try_at: string | null
}

/** One alert on a dyad. */
export interface AlertsTable {
  id: Generated<number>
  /** @example 'IRN-VEN' (sorted) */
  pair: string
  /** JSON array of event types, null for any. @example '["sign_agreement"]' */
  types: string | null
  /** JSON array of modalities, null for any. @example '["asserted"]' */
  modalities: string | null
  min_sources: number
  /** 1: fire again each time the event gains a source. */
  on_new_source: number
  /** Absolute path of the JSONL file firings are appended to, or null. */
  jsonl_path: string | null
  webhook_url: string | null
  created_at: string
}

/** One firing: an alert matched an event at a source count. */
export interface AlertFiringsTable {
  id: Generated<number>
  alert_id: number
  event_id: number
  num_sources: number
  fired_at: string
  /** The JSON told: src/monitor/fire-alerts.ts `firingRecord`. */
  record: string
  /**
   * 'delivered'; 'failed: reason' (sent again at a later poll); 'refused: HTTP 4xx' (not sent
   * again); null without a webhook or before the first try.
   */
  webhook_status: string | null
  webhook_tries: Generated<number>
}

export interface MonitorTables {
  monitor_urls: MonitorUrlsTable
  alerts: AlertsTable
  alert_firings: AlertFiringsTable
}
