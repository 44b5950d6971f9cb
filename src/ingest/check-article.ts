import type { Article, Problem } from '../doc.js'

/**
 * Checks on an article as read, before any coding: a publication day in the future, and a
 * language the coder does not read. Each finding is a `Problem` (stage 'ingest'); the article is
 * kept either way.
 */

/** Languages the coder's patterns are written in. Articles in others are stored, not coded. */
export const CODED_LANGUAGES: ReadonlySet<string> = new Set(['en'])

/** A publication day this many days after today is still fine (time zones, embargoed copy). */
const FUTURE_SLACK_DAYS = 1

/**
 * Whether the coder should run on an article: its language is one it reads, or unknown.
 * @example isCodable({ language: 'es', ... }) -> false
 */
export function isCodable(article: Article): boolean {
  return article.language === null || CODED_LANGUAGES.has(article.language)
}

/**
 * The problems an article has as read, against `today` (YYYY-MM-DD, UTC).
 * @example checkArticle({ publishedOn: '2031-05-01', language: 'en', ... }, '2025-03-12')
 *   -> [{ stage: 'ingest', code: 'W_FUTURE_DATE',
 *         message: 'published 2031-05-01, after today (2025-03-12): kept as stated; ...' }]
 */
export function checkArticle(article: Article, today: string): Problem[] {
  const problems: Problem[] = []
  const latest = addDays(today, FUTURE_SLACK_DAYS)
  if (article.publishedOn !== null && latest !== null && article.publishedOn > latest) {
    problems.push({
      stage: 'ingest',
      code: 'W_FUTURE_DATE',
      message:
        `published ${article.publishedOn}, after today (${today}): kept as stated; ` +
        'check the date line (relative dates such as "on Friday" count from it)',
    })
  }
  if (!isCodable(article) && article.language !== null) {
    problems.push({
      stage: 'ingest',
      code: 'W_LANGUAGE',
      message: `written in ${languageName(article.language)}, not English: stored, not coded`,
    })
  }
  return problems
}

/** Today's day in UTC. @example todayUtc(new Date('2025-03-12T23:30:00Z')) -> '2025-03-12' */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** 'Spanish (es)'; the bare code when the runtime has no name for it. */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code)
    return name === undefined || name === code ? code : `${name} (${code})`
  } catch {
    return code
  }
}

function addDays(day: string, days: number): string | null {
  const time = Date.parse(`${day}T00:00:00Z`)
  if (Number.isNaN(time)) return null
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10)
}
