/**
 * PLOVER JSON: one object per deduplicated event (JSON lines). Required: id, date, actor, event;
 * dyad adds recipient, mode, context (from the sectors of cooperation), event_loc, event_text,
 * quad_code, link, text (the evidence), coder and coded_date.
 *
 * PLOVER's own conventions (../shared/formats/README.md): a CONSULT with a clear host has the
 * visitor as actor and the host as recipient, so a hosted visit ("Maduro received
 * Amir-Abdollahian") is written with the visitor first; a promise to meet or sign is AGREE, so
 * a planned event (exported only when asked for) becomes AGREE.
 *
 * `event_text` is the CAMEO label of the event's code ("Make a visit"); `text` holds the evidence
 * sentences of all its mentions, one per line.
 */
import type { Event, EventMember } from '../events/event.js'
import type { ExportNames } from './names.js'

/** One PLOVER event, as written on one line. Optional fields are left out when unknown. */
export interface PloverEvent {
  readonly id: string
  readonly date: string
  readonly actor: string
  readonly recipient?: string
  readonly event: string
  readonly mode?: string
  readonly context?: readonly string[]
  readonly event_loc?: { name: string; country: string; lat: number | null; lon: number | null }
  readonly event_text: string
  readonly quad_code: number
  readonly link?: string
  readonly text: string
  readonly coder: 'dyad'
  readonly coded_date: string
  readonly comment?: string
}

/** dyad's sectors of cooperation (dictionaries/patterns/grammar.yaml) as PLOVER contexts. */
const CONTEXT_OF_SECTOR: Readonly<Record<string, string>> = {
  agriculture: 'agriculture',
  culture: 'cultural',
  defence: 'military',
  economy: 'economic',
  energy: 'natural_resource',
  health: 'health',
  technology: 'technology',
  trade: 'economic',
  transport: 'transportation',
}

/**
 * One event as a PLOVER object.
 * @example toPlover(hostedVisit, members, names)
 *   -> { id: 'dyad-8', date: '2023-02-03', actor: 'IRNGOVDIP', recipient: 'VENGOV',
 *        event: 'CONSULT', mode: 'visit', event_text: 'Host a visit', quad_code: 1, ... }
 */
export function toPlover(
  event: Event,
  members: readonly EventMember[],
  names: ExportNames,
): PloverEvent {
  const isHosted = event.type === 'host_visit' && event.target !== null
  const [actor, recipient] = isHosted ? [event.target!, event.source] : [event.source, event.target]
  const isPlanned = event.modality === 'planned'
  const context = [...new Set(event.sectors.map((s) => CONTEXT_OF_SECTOR[s] ?? s))].sort()
  const evidence = [...new Set(members.map((m) => m.mention.evidence))]
  const comments = [
    event.date === null ? 'date: publication day (the articles give no event date)' : null,
    event.date_precision === 'month' || event.date_precision === 'year'
      ? `date precision: ${event.date_precision}`
      : null,
    isPlanned ? `planned ${event.plover.event}` : null,
    `${count(event.num_articles, 'article')}, ${count(event.num_sources, 'source')}`,
    `CAMEO ${event.cameo}`,
  ].filter((c): c is string => c !== null)
  const mode = isPlanned ? null : event.plover.mode
  return {
    id: `dyad-${event.id}`,
    date: event.date ?? event.first_seen ?? event.added_at.slice(0, 10),
    actor: actor.code,
    ...(recipient ? { recipient: recipient.code } : {}),
    event: isPlanned ? 'AGREE' : event.plover.event,
    ...(mode ? { mode } : {}),
    ...(context.length > 0 ? { context } : {}),
    ...(event.location ? { event_loc: { ...event.location } } : {}),
    event_text: names.cameoLabel(event.cameo) ?? event.type,
    quad_code: event.quad,
    ...(event.source_url ? { link: event.source_url } : {}),
    text: evidence.join('\n'),
    coder: 'dyad',
    coded_date: event.added_at.slice(0, 10),
    comment: comments.join('; '),
  }
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
