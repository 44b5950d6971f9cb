/**
 * Firing alerts on newly ingested events. After articles are stored, the events they touched are
 * matched against every alert; each match is recorded in `alert_firings` first (so an alert fires
 * once per event, even across runs and crashes), then told: a line on stdout, a JSON line
 * appended to the alert's file, a POST of the same JSON to its webhook.
 */
import { appendFileSync } from 'node:fs'

import type { Event } from '../events/event.js'
import type { Store } from '../store/database.js'
import { runWrite, selectRows } from '../store/execute.js'
import { eventIdsOfArticle, eventsById, queryEventMembers } from '../store/queries/events.js'
import { listAlerts, type Alert } from './alerts.js'
import { userAgent } from './user-agent.js'

/** One alert matching one event. */
export interface Firing {
  readonly alert: Alert
  readonly event: Event
  /** 'new event' the first time, 'new source' when it fires again on a new source. */
  readonly why: 'new event' | 'new source'
  readonly firedAt: string
  /** The first report's sentence. */
  readonly evidence: string | null
  /** The URLs (else paths) of the articles that report it, first report first. */
  readonly sources: readonly string[]
  /** The row in alert_firings. */
  readonly rowId: number
}

/** The events the given articles' event mentions belong to. */
export function eventsOfArticles(store: Store, articleIds: readonly string[]): number[] {
  const ids = new Set<number>()
  for (const id of articleIds) for (const eventId of eventIdsOfArticle(store, id)) ids.add(eventId)
  return [...ids].sort((a, b) => a - b)
}

/**
 * Match events against every alert and record the new firings (in one transaction). An event
 * fires an alert once; with `onNewSource` again each time its source count grows.
 * @example recordFirings(store, [12]) -> [{ alert: { id: 1, pair: 'IRN-VEN' }, event: { id: 12 }, why: 'new event' }]
 */
export function recordFirings(
  store: Store,
  eventIds: readonly number[],
  now: Date = new Date(),
): Firing[] {
  const alerts = listAlerts(store)
  if (alerts.length === 0 || eventIds.length === 0) return []
  const events = eventsById(store, eventIds).sort((a, b) => a.id - b.id)
  const firedAt = now.toISOString()
  const record = store.sqlite.transaction((): Firing[] => {
    const firings: Firing[] = []
    for (const alert of alerts) {
      for (const event of events) {
        if (!matches(alert, event)) continue
        const before = firedSources(store, alert.id, event.id)
        const why = before === null ? 'new event' : 'new source'
        if (before !== null && !(alert.onNewSource && event.num_sources > before)) continue
        const members = queryEventMembers(store, event.id)
        const sources = [...new Set(members.map((m) => m.article.url ?? m.article.origin))]
        const evidence = members[0]?.mention.evidence ?? null
        const told = { alert, event, why, firedAt, evidence, sources } as const
        const { lastInsertRowid } = runWrite(
          store,
          store.db.insertInto('alert_firings').values({
            alert_id: alert.id,
            event_id: event.id,
            num_sources: event.num_sources,
            fired_at: firedAt,
            record: JSON.stringify(firingRecord(told)),
            webhook_status: null,
          }),
        )
        firings.push({ ...told, rowId: Number(lastInsertRowid) })
      }
    }
    return firings
  })
  return record.immediate()
}

/** True when an event is of the kind an alert watches. */
export function matches(alert: Alert, event: Event): boolean {
  const pair = [event.source.country, event.target?.country ?? ''].sort().join('-')
  return (
    pair === alert.pair &&
    (alert.types === null || alert.types.includes(event.type)) &&
    (alert.modalities === null || alert.modalities.includes(event.modality)) &&
    event.num_sources >= alert.minSources
  )
}

/** The highest source count an alert fired at for an event, or null when it never fired. */
function firedSources(store: Store, alertId: number, eventId: number): number | null {
  const query = store.db
    .selectFrom('alert_firings')
    .select((eb) => eb.fn.max<number | null>('num_sources').as('sources'))
    .where('alert_id', '=', alertId)
    .where('event_id', '=', eventId)
  return selectRows(store, query)[0]?.sources ?? null
}

/** The JSON a firing is written and posted as. */
export function firingRecord(firing: Omit<Firing, 'rowId'>): Record<string, unknown> {
  return {
    alert: firing.alert.id,
    dyad: firing.alert.pair,
    why: firing.why,
    fired_at: firing.firedAt,
    event: firing.event,
    evidence: firing.evidence,
    sources: firing.sources,
  }
}

/**
 * One line for the terminal.
 * @example firingLine(firing)
 *   -> 'alert 1 IRN-VEN: sign_agreement IRNGOV -> VENGOV 2024-11-20, event 12, 1 source (new event): "…"'
 */
export function firingLine(firing: Firing): string {
  const { event } = firing
  const target = event.target === null ? '' : ` -> ${event.target.code}`
  const date = event.date === null ? 'undated' : event.date
  const place = event.location === null ? '' : ` in ${event.location.name}`
  const modality = event.modality === 'asserted' ? '' : ` (${event.modality})`
  const sources = `${event.num_sources} source${event.num_sources === 1 ? '' : 's'}`
  const evidence = firing.evidence === null ? '' : `: ${JSON.stringify(firing.evidence)}`
  return (
    `alert ${firing.alert.id} ${firing.alert.pair}: ${event.type}${modality} ${event.source.code}` +
    `${target} ${date}${place}, event ${event.id}, ${sources} (${firing.why})${evidence}`
  )
}

export interface DeliverOptions {
  /** Where the terminal line goes; stdout by default. */
  readonly print?: (line: string) => void
  /** Where delivery trouble is reported; stderr by default. */
  readonly log?: (line: string) => void
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
}

/**
 * Tell each firing: print it, append it to the alert's JSONL file, POST it to its webhook. A
 * failed file write or webhook is reported on the log and recorded; it never stops the run.
 * @example await deliverFirings(store, firings) -> 1 (how many were told)
 */
export async function deliverFirings(
  store: Store,
  firings: readonly Firing[],
  opts: DeliverOptions = {},
): Promise<number> {
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`))
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  for (const firing of firings) {
    print(firingLine(firing))
    const json = JSON.stringify(firingRecord(firing))
    const { jsonlPath, webhookUrl } = firing.alert
    if (jsonlPath !== null) {
      try {
        appendFileSync(jsonlPath, `${json}\n`)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error)
        log(`alert ${firing.alert.id}: cannot append to ${jsonlPath} (${code})`)
      }
    }
    if (webhookUrl !== null) {
      const status = await sendWebhook(store, firing.rowId, webhookUrl, json, 0, opts)
      if (status !== 'delivered') log(`alert ${firing.alert.id}: webhook ${webhookUrl} ${status}`)
    }
  }
  return firings.length
}

/** A firing whose webhook failed is sent again at later polls, this many tries in all. */
export const MAX_WEBHOOK_TRIES = 6

/**
 * Send again the webhooks that failed (the receiver was down), each with its recorded JSON;
 * how many got through now. `dyad watch` calls it at every poll.
 */
export async function retryWebhooks(store: Store, opts: DeliverOptions = {}): Promise<number> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const query = store.db
    .selectFrom('alert_firings')
    .innerJoin('alerts', 'alerts.id', 'alert_firings.alert_id')
    .select([
      'alert_firings.id',
      'alert_firings.alert_id',
      'alert_firings.record',
      'alert_firings.webhook_tries',
      'alerts.webhook_url',
    ])
    .where('alert_firings.webhook_status', 'like', 'failed%')
    .where('alert_firings.webhook_tries', '<', MAX_WEBHOOK_TRIES)
    .orderBy('alert_firings.id')
  let delivered = 0
  for (const row of selectRows(store, query)) {
    if (row.webhook_url === null || opts.signal?.aborted === true) continue
    const status = await sendWebhook(
      store,
      row.id,
      row.webhook_url,
      row.record,
      row.webhook_tries,
      opts,
    )
    if (status === 'delivered') {
      delivered++
      log(
        `alert ${row.alert_id}: webhook ${row.webhook_url} delivered on try ${row.webhook_tries + 1}`,
      )
    } else
      log(
        `alert ${row.alert_id}: webhook ${row.webhook_url} ${status} (try ${row.webhook_tries + 1})`,
      )
  }
  return delivered
}

/** POST once and record the outcome on the firing's row. */
async function sendWebhook(
  store: Store,
  rowId: number,
  url: string,
  json: string,
  triesBefore: number,
  opts: DeliverOptions,
): Promise<string> {
  const status = await postWebhook(url, json, opts)
  runWrite(
    store,
    store.db
      .updateTable('alert_firings')
      .set({ webhook_status: status, webhook_tries: triesBefore + 1 })
      .where('id', '=', rowId),
  )
  return status
}

/** POST the JSON: 'delivered', 'refused: HTTP 4xx' (not worth sending again) or 'failed: reason'. */
async function postWebhook(url: string, json: string, opts: DeliverOptions): Promise<string> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 10_000)
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent() },
      body: json,
      signal: opts.signal === undefined ? timeout : AbortSignal.any([timeout, opts.signal]),
    })
    await response.body?.cancel()
    if (response.ok) return 'delivered'
    // A 4xx is the receiver refusing this message: sending it again would not help.
    return `${response.status < 500 ? 'refused' : 'failed'}: HTTP ${response.status}`
  } catch (error) {
    if (timeout.aborted) return 'failed: timed out'
    const cause = (error as { cause?: { code?: unknown } }).cause
    const reason = typeof cause?.code === 'string' ? cause.code : String(error)
    return `failed: ${reason}`
  }
}
