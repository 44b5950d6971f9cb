/**
 * The evidence panel: one event with each source article, the evidence sentence marked inside
 * the article text, and why the coder read it so; or one article with all its event mentions.
 */
import type { ArticleDetail, ArticleRef, EventDetail, EventSource } from '../../src/api/types.js'
import type { EventMention } from '../../src/doc.js'
import { el, safeLink, setChildren } from './dom.js'
import { typeDot } from './events-table.js'
import { actorLabel, dateLabel, TYPE_STYLE } from './labels.js'
import { markedText } from './marked-text.js'

/**
 * Show an event and its sources (one per reporting article); scrolls each article's first
 * evidence mark into view.
 * @example drawEventDetail(box, await getJson<EventDetail>('/api/events/e3'))
 */
export function drawEventDetail(box: HTMLElement, detail: EventDetail): void {
  const { mention } = detail
  setChildren(
    box,
    el(
      'article',
      { class: 'event', 'data-event-id': detail.id },
      eventHeader(mention),
      eventFacts(mention),
    ),
    el(
      'h3',
      {},
      detail.sources.length === 1 ? 'Source' : `${detail.sources.length} sources`,
      detail.num_mentions > detail.sources.length
        ? el('small', {}, ` · ${detail.num_mentions} reports`)
        : null,
    ),
    ...detail.sources.map(drawSource),
  )
  for (const text of box.querySelectorAll<HTMLElement>('.article-text')) centreFirstMark(text)
}

/** Scroll an article's own box (not the page) so its first mark sits in the middle. */
function centreFirstMark(text: HTMLElement): void {
  const mark = text.querySelector('mark')
  if (mark === null) return
  // .article-text is position: relative, so offsetTop is measured from its top.
  text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 2)
}

/**
 * Show an article with every event mention marked; a click on a mark opens its event (a negated
 * or hypothetical mention has none, and its mark opens nothing).
 * @example drawArticle(box, await getJson<ArticleDetail>('/api/articles/000_2737ec37436efcb6'), open)
 */
export function drawArticle(
  box: HTMLElement,
  detail: ArticleDetail,
  onOpen: (id: string) => void,
): void {
  const { article, events } = detail
  const marks = events.map((row) => ({
    span: row.mention.span,
    ...(row.event === null ? {} : { id: row.event }),
    title: `${TYPE_STYLE[row.mention.type].label}: ${actorLabel(row.mention.source)} → ${actorLabel(row.mention.target)}`,
  }))
  const text = markedText(article.text, marks)
  text.addEventListener('click', (event) => {
    const mark = (event.target as Element).closest('mark[data-event-id]')
    const id = mark?.getAttribute('data-event-id')
    if (id) onOpen(id)
  })
  text.addEventListener('keydown', (event) => {
    const mark = (event.target as Element).closest('mark[data-event-id]')
    const id = mark?.getAttribute('data-event-id')
    if (id && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      onOpen(id)
    }
  })
  setChildren(
    box,
    el(
      'article',
      { class: 'source', 'data-article-id': article.id },
      articleHeader({ ...article, publishedOn: article.publishedOn }),
      el(
        'p',
        { class: 'hint' },
        events.length === 0
          ? 'No event was found in this article.'
          : `${events.length} event mention${events.length === 1 ? '' : 's'} marked; click one to open it.`,
      ),
      detail.problems.length === 0
        ? null
        : el(
            'ul',
            { class: 'problems' },
            ...detail.problems.map((problem) =>
              el('li', {}, `${problem.code}: ${problem.message}`),
            ),
          ),
      text,
    ),
  )
}

function eventHeader(mention: EventMention): HTMLElement {
  const style = TYPE_STYLE[mention.type]
  return el(
    'header',
    {},
    el(
      'p',
      { class: 'event-type' },
      typeDot(style.color),
      `${style.label} `,
      el('code', {}, `CAMEO ${mention.cameo}`),
      ' ',
      el('span', { class: `modality ${mention.modality}` }, mention.modality),
    ),
    el(
      'p',
      { class: 'event-sides' },
      `${actorLabel(mention.source)} → ${actorLabel(mention.target)}`,
    ),
  )
}

function eventFacts(mention: EventMention): HTMLElement {
  const facts: [string, string][] = [
    ['Date', dateLabel(mention.date, mention.date_precision)],
    ['Place', mention.location === null ? '—' : mention.location.name],
    ['Goldstein', String(mention.goldstein)],
    [
      'PLOVER',
      mention.plover.mode === null
        ? mention.plover.event
        : `${mention.plover.event} (${mention.plover.mode})`,
    ],
    ['Sectors', mention.sectors.length === 0 ? '—' : mention.sectors.join(', ')],
    ['Why', mention.why],
    ['Rule', `${mention.rule} (confidence ${mention.confidence})`],
  ]
  return el(
    'dl',
    { class: 'facts' },
    ...facts.flatMap(([name, value]) => [
      el('dt', {}, name),
      el('dd', { class: `fact-${name.toLowerCase()}` }, value),
    ]),
  )
}

function drawSource(source: EventSource): HTMLElement {
  const { article } = source
  return el(
    'article',
    { class: 'source', 'data-article-id': article.id },
    articleHeader(article),
    ...source.mentions.map((report) =>
      el('blockquote', { class: 'evidence' }, report.mention.evidence),
    ),
    markedText(
      article.text,
      source.mentions.map((report) => ({ span: report.span, title: 'evidence', isCurrent: true })),
    ),
  )
}

function articleHeader(article: ArticleRef): HTMLElement {
  return el(
    'header',
    {},
    el('h4', {}, safeLink(article.url, article.title ?? article.id)),
    el(
      'p',
      { class: 'meta' },
      [article.outlet, article.publishedOn, article.id].filter((part) => part !== null).join(' · '),
    ),
  )
}
