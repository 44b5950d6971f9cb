/**
 * Deduplicated events as JSON lines: the `Event` shape (src/events/event.ts) plus `articles`
 * (the ids of the articles that report it) and `mentions` (each in the design.md shape, with
 * its evidence and span).
 */
import type { Event, EventMember } from '../events/event.js'

/**
 * One event as one JSON line.
 * @example eventJsonLine(visit, members)
 *   -> '{"id":6,"type":"visit",...,"articles":["001_…","003_…"],"mentions":[{...},{...}]}'
 */
export function eventJsonLine(event: Event, members: readonly EventMember[]): string {
  const articles = [...new Set(members.map((m) => m.mention.article))]
  return JSON.stringify({ ...event, articles, mentions: members.map((m) => m.mention) })
}
