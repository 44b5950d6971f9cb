/**
 * `GET /api/articles/:id` (the text, its event mentions with their spans and the events they
 * report, its problems) and `POST /api/articles` (run the pipeline on one article and store it,
 * firing the alerts its events match as `dyad ingest` does; needs the bearer token).
 */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { DyadError } from '../../errors.js'
import { checkArticle, isCodable, todayUtc } from '../../ingest/check-article.js'
import { readJsonlLine } from '../../ingest/readers/jsonl.js'
import { deliverFirings, eventsOfArticles, recordFirings } from '../../monitor/fire-alerts.js'
import { processArticle } from '../../pipeline.js'
import type { Resources } from '../../resources.js'
import type { Article, Doc } from '../../doc.js'
import { getArticle, saveDoc } from '../../store/queries/articles.js'
import { queryProblems } from '../../store/queries/problems.js'
import { requireToken } from '../auth.js'
import type { ApiDeps } from '../deps.js'
import { articleBody, articleIdParam, type ArticleBody } from '../params.js'
import { queryMentionRows } from '../queries/event-rows.js'
import type { ArticleDetail, ArticleSaved } from '../types.js'
import { ParameterError, parseParams } from '../validate.js'

/** Where POSTed articles say they came from (`Article.origin`). */
export const POST_ORIGIN = 'POST /api/articles'

/** @example app.route('/api/articles', articlesRoutes(deps)) */
export function articlesRoutes(deps: ApiDeps) {
  const { store, token, maxBodyBytes, loadResources } = deps
  return new Hono()
    .get('/:id', (c) => {
      const { id } = parseParams(articleIdParam, c.req.param(), 'path parameter')
      const article = getArticle(store, id)
      if (article === null) throw new DyadError('E_NOT_FOUND', `no article "${id}"`)
      const { contentHash: _hash, ...shown } = article
      // Every event mention of the article, whatever its modality: the page marks them all.
      const detail: ArticleDetail = {
        article: shown,
        events: queryMentionRows(store, id),
        problems: queryProblems(store, id),
      }
      return c.json(detail)
    })
    .post(
      '/',
      requireToken(token),
      bodyLimit({
        maxSize: maxBodyBytes,
        onError: () => {
          throw new DyadError('E_TOO_LARGE', `the body is over ${maxBodyBytes} bytes`)
        },
      }),
      async (c) => {
        const body = parseParams(articleBody, await readJson(c.req.raw), 'body field')
        const resources = await loadResources()
        const id = body.id ?? idOfBody(body)
        const line = JSON.stringify({ ...body, id })
        const read = readJsonlLine(line, POST_ORIGIN, resources.detectLanguage)
        if (!read.ok) throw new DyadError('E_INPUT_UNREADABLE', read.reason)
        const doc = processPosted(read.article, resources)
        const saved = saveDoc(store, doc)
        // Alerts (`dyad alerts add`) fire on this article's events as on an ingested one's. The
        // firings are recorded before the answer (each event fires once); they are told after it,
        // so a slow webhook does not hold the client.
        const firings = saved.stored ? recordFirings(store, eventsOfArticles(store, [id])) : []
        if (firings.length > 0) {
          deliverFirings(store, firings).catch((error: unknown) => {
            process.stderr.write(`alerts of article ${id}: ${String(error)}\n`)
          })
        }
        const answer: ArticleSaved = {
          id,
          stored: saved.stored,
          ...(saved.reason !== undefined ? { reason: saved.reason } : {}),
          eventMentions: doc.eventMentions?.length ?? 0,
          problems: doc.problems,
          alertsFired: firings.length,
        }
        return c.json(answer, saved.stored ? 201 : 200)
      },
    )
}

/**
 * What `dyad ingest` does with one article it read (src/cli/read-docs.ts): the ingest checks
 * become problems, and an article in a language the coder does not read is stored uncoded.
 * @example processPosted(article, resources).problems -> [{ code: 'W_FUTURE_DATE', ... }]
 */
function processPosted(article: Article, resources: Resources): Doc {
  const checked = checkArticle(article, todayUtc())
  const doc: Doc = isCodable(article)
    ? processArticle(article, resources)
    : { article, eventMentions: [], problems: [] }
  return { ...doc, problems: [...checked, ...doc.problems] }
}

/** The body as JSON, or a 400 naming the body. */
async function readJson(request: Request): Promise<unknown> {
  const text = await request.text()
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ParameterError('body', `the body is not JSON: ${reason}`)
  }
}

/**
 * An id for an article sent without one, from its title and text: the same article gets the
 * same id. @example idOfBody({ title: 'Envoy in Lima', text: '...' }) -> 'api_5f1c9a0e7b2d4c88'
 */
function idOfBody(body: ArticleBody): string {
  const hash = createHash('sha256')
    .update(`${body.title ?? ''}\n\n${body.text}`)
    .digest('hex')
  return `api_${hash.slice(0, 16)}`
}
