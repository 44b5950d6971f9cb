/**
 * The event table: one row per deduplicated event, newest filters applied, with its first report's
 * article and how many more report it; a row opens the event's evidence.
 */
import type { EventRow, Page } from '../../src/api/types.js'
import { el, setChildren } from './dom.js'
import { actorLabel, dateLabel, TYPE_STYLE } from './labels.js'

/**
 * Fill the table body with a page of events; `onOpen` gets a row's event id.
 * @example drawEventRows(tbody, page, (id) => openEvent(id))
 */
export function drawEventRows(
  tbody: HTMLTableSectionElement,
  page: Page<EventRow>,
  selected: string | null,
  onOpen: (id: string) => void,
): void {
  const rows = page.items.map((row) => {
    const { mention, article } = row
    const style = TYPE_STYLE[mention.type]
    const tr = el(
      'tr',
      {
        'data-event-id': row.id,
        'data-type': mention.type,
        tabindex: 0,
        class: row.id === selected ? 'selected' : null,
        'aria-label': `Open the evidence of event ${row.id}`,
      },
      el('td', { class: 'date' }, dateLabel(mention.date, mention.date_precision)),
      el(
        'td',
        { class: 'type' },
        typeDot(style.color),
        style.label,
        mention.modality === 'asserted'
          ? null
          : el('span', { class: `modality ${mention.modality}` }, mention.modality),
      ),
      el('td', { class: 'sides' }, `${actorLabel(mention.source)} → ${actorLabel(mention.target)}`),
      el(
        'td',
        {
          class: 'evidence',
          title: mention.evidence.length > MAX_EVIDENCE ? mention.evidence : null,
        },
        clip(mention.evidence),
      ),
      el(
        'td',
        { class: 'source' },
        article.title ?? article.id,
        article.outlet === null ? null : el('small', {}, article.outlet),
        row.num_articles > 1
          ? el('small', { class: 'reports' }, moreLabel(row.num_articles))
          : null,
      ),
    )
    tr.addEventListener('click', () => onOpen(row.id))
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        onOpen(row.id)
      }
    })
    return tr
  })
  setChildren(tbody, ...rows)
}

/** "+1 more article" for an event that two articles report. */
function moreLabel(articles: number): string {
  return `+${articles - 1} more article${articles > 2 ? 's' : ''}`
}

/** Longer evidence is cut in the table; the evidence panel shows it whole. */
const MAX_EVIDENCE = 220

function clip(text: string): string {
  return text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE - 1).trimEnd()}…` : text
}

/** A coloured dot; colour set through the CSSOM, which the page's CSP allows without inline style. */
export function typeDot(color: string): HTMLElement {
  const dot = el('span', { class: 'type-dot', 'aria-hidden': 'true' })
  dot.style.backgroundColor = color
  return dot
}

/** "26–50 of 73". */
export function pageLabel(page: Page<EventRow>): string {
  if (page.total === 0) return 'no events'
  const last = Math.min(page.offset + page.items.length, page.total)
  return `${page.offset + 1}–${last} of ${page.total}`
}
