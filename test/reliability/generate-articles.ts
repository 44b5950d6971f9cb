/**
 * A folder of small, distinct, dated news articles written from a few templates, for tests that
 * need many real articles (crash safety, throughput): text files plus one JSONL feed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A state as the templates name it. */
interface State {
  readonly name: string
  readonly adjective: string
  readonly capital: string
}

const STATES: readonly State[] = [
  { name: 'Iran', adjective: 'Iranian', capital: 'Tehran' },
  { name: 'Venezuela', adjective: 'Venezuelan', capital: 'Caracas' },
  { name: 'Belarus', adjective: 'Belarusian', capital: 'Minsk' },
  { name: 'Chile', adjective: 'Chilean', capital: 'Santiago' },
  { name: 'Peru', adjective: 'Peruvian', capital: 'Lima' },
  { name: 'France', adjective: 'French', capital: 'Paris' },
  { name: 'Germany', adjective: 'German', capital: 'Berlin' },
  { name: 'Brazil', adjective: 'Brazilian', capital: 'Brasilia' },
  { name: 'Japan', adjective: 'Japanese', capital: 'Tokyo' },
  { name: 'Egypt', adjective: 'Egyptian', capital: 'Cairo' },
]

const MONTHS = [
  ...['January', 'February', 'March', 'April', 'May', 'June'],
  ...['July', 'August', 'September', 'October', 'November', 'December'],
]
const TOPICS = ['energy', 'trade', 'health', 'fisheries', 'transport', 'education', 'defence']

/** One template: a title and body paragraphs for a pair of states, a day and a topic. */
type Template = (a: State, b: State, day: string, topic: string, n: number) => readonly string[]

const TEMPLATES: readonly Template[] = [
  (a, b, day, topic, n) => [
    `${a.name} and ${b.name} sign ${topic} agreement`,
    `${b.capital.toUpperCase()}, ${day} - The foreign ministers of ${a.name} and ${b.name} signed` +
      ` an agreement on ${topic} cooperation in ${b.capital} on Tuesday, officials said.`,
    `The two countries agreed to meet again next year. Dispatch ${n}.`,
  ],
  (a, b, day, topic, n) => [
    `${a.adjective} president visits ${b.capital}`,
    `${day} - The president of ${a.name} arrived in ${b.capital} on Monday for a two-day state` +
      ` visit, the foreign ministry said.`,
    `He will hold talks on ${topic} with his ${b.adjective} counterpart. Dispatch ${n}.`,
  ],
  (a, b, day, topic, n) => [
    `${a.name} criticises ${b.name} over ${topic} policy`,
    `${a.capital.toUpperCase()}, ${day} - ${a.name} on Wednesday criticised ${b.name} for its` +
      ` ${topic} policy, calling it a threat to regional stability.`,
    `Dispatch ${n}.`,
  ],
  (a, b, day, topic, n) => [
    `Ministers of ${a.name} and ${b.name} meet`,
    `Published: ${day}`,
    `The defence minister of ${a.name} met the ${b.adjective} foreign minister in ${a.capital}` +
      ` on Thursday to discuss ${topic}.`,
    `Dispatch ${n}.`,
  ],
]

/** The day of article n, as a dateline writes it. @example 'March 5, 2024' */
function dayOf(n: number): { written: string; iso: string } {
  const month = n % 12
  const date = (n % 27) + 1
  const year = 2020 + (n % 5)
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`
  return { written: `${MONTHS[month]} ${date}, ${year}`, iso }
}

function paragraphsOf(n: number): readonly string[] {
  // b runs through every other state as n grows, never a itself.
  const offset = 1 + (Math.floor(n / STATES.length) % (STATES.length - 1))
  const a = STATES[n % STATES.length]!
  const b = STATES[(n + offset) % STATES.length]!
  const template = TEMPLATES[n % TEMPLATES.length]!
  return template(a, b, dayOf(n).written, TOPICS[n % TOPICS.length]!, n)
}

/** What `generateArticles` wrote. */
export interface GeneratedArticles {
  readonly folder: string
  /** Every article id, in the order a folder read gives them. */
  readonly ids: readonly string[]
}

/**
 * Write `textCount` text articles and a JSONL feed of `jsonlCount` more into `folder`.
 * @example generateArticles('/tmp/x', 250, 50).ids.length -> 300
 */
export function generateArticles(
  folder: string,
  textCount: number,
  jsonlCount: number,
): GeneratedArticles {
  mkdirSync(folder, { recursive: true })
  const ids: string[] = []
  const lines: string[] = []
  for (let n = 0; n < jsonlCount; n++) {
    const [title, ...body] = paragraphsOf(textCount + n)
    const id = `feed-${pad(n)}`
    const published = dayOf(textCount + n).iso
    lines.push(JSON.stringify({ id, title, text: body.join('\n\n'), published }))
    ids.push(id)
  }
  // 'article-*' sorts before 'feed.jsonl': the folder reads the text files first.
  const textIds = Array.from({ length: textCount }, (_, n) => `article-${pad(n)}`)
  for (const [n, id] of textIds.entries()) {
    writeFileSync(join(folder, `${id}.txt`), `${paragraphsOf(n).join('\n\n')}\n`)
  }
  writeFileSync(join(folder, 'feed.jsonl'), `${lines.join('\n')}\n`)
  return { folder, ids: [...textIds, ...ids] }
}

/** @example pad(7) -> '007' */
function pad(n: number): string {
  return String(n).padStart(3, '0')
}
