/**
 * An article's text with some spans wrapped in <mark>: the evidence of an event, or every event
 * mention of an article. Built from text nodes, so the text is never parsed as HTML.
 */
import { el } from './dom.js'
import type { Span } from '../../src/doc.js'

/** One span to mark. `id` lets a click on the mark open its event. */
export interface Mark {
  readonly span: Span
  readonly title: string
  readonly id?: string
  readonly isCurrent?: boolean
}

/**
 * The text as a <div> of text nodes and <mark>s. Overlapping spans: the first wins.
 * @example markedText('Iran met Iraq. They agreed.', [{ span: [0, 14], title: 'meet' }])
 *   -> <div><mark title="meet">Iran met Iraq.</mark> They agreed.</div>
 */
export function markedText(text: string, marks: readonly Mark[]): HTMLDivElement {
  const box = el('div', { class: 'article-text' })
  const sorted = [...marks]
    .filter(({ span: [start, end] }) => start >= 0 && end <= text.length && start < end)
    .sort((x, y) => x.span[0] - y.span[0] || y.span[1] - x.span[1])
  let at = 0
  for (const mark of sorted) {
    const [start, end] = mark.span
    if (start < at) continue
    if (start > at) box.append(document.createTextNode(text.slice(at, start)))
    box.append(
      el(
        'mark',
        {
          title: mark.title,
          class: mark.isCurrent === true ? 'current' : null,
          'data-event-id': mark.id ?? null,
          tabindex: mark.id === undefined ? null : 0,
        },
        text.slice(start, end),
      ),
    )
    at = end
  }
  if (at < text.length) box.append(document.createTextNode(text.slice(at)))
  return box
}
