import {
  BOILERPLATE_RULES,
  LINK_LIST,
  MENU_RUN,
  NAVIGATION,
  PROMPT_LEAD,
  SENTENCE_END,
  TRAILING_CREDITS,
} from './boilerplate-rules.js'

/**
 * Drops page clutter from an article's paragraphs by the general rules of boilerplate-rules.ts:
 * menus, share and newsletter prompts, "Related Articles" lists, credits, copyright lines and a
 * body line that repeats the title. Tweets ('... pic.twitter.com/u6KeMm') are content and stay.
 */

export interface CleanOptions {
  /** The article's title: a body paragraph repeating it is dropped. */
  readonly title?: string | null
  /**
   * Keep every character of the kept paragraphs (JSONL, whose gold evidence strings are exact
   * substrings): only whole paragraphs are dropped, nothing is collapsed or trimmed.
   */
  readonly keepCharacters?: boolean
}

/** One paragraph and the rule that drops it (null: kept). */
export interface CleanVerdict {
  readonly paragraph: string
  readonly rule: string | null
}

/**
 * The paragraphs that remain after dropping boilerplate.
 * @example cleanParagraphs(['Home | World', 'Iran and Venezuela signed a pact.', 'Share this'])
 *   -> ['Iran and Venezuela signed a pact.']
 */
export function cleanParagraphs(paragraphs: readonly string[], opts: CleanOptions = {}): string[] {
  return judgeParagraphs(paragraphs, opts)
    .filter((verdict) => verdict.rule === null)
    .map((verdict) => verdict.paragraph)
}

/**
 * Each paragraph (collapsed, unless `keepCharacters`) with the rule that drops it, for tests and
 * explanations. @example judgeParagraphs(['AK/PR']) -> [{ paragraph: 'AK/PR', rule: 'initials' }]
 */
export function judgeParagraphs(
  paragraphs: readonly string[],
  opts: CleanOptions = {},
): CleanVerdict[] {
  const lines = paragraphs.map((paragraph) => stripTrailingCredits(collapseWhitespace(paragraph)))
  const rules: (string | null)[] = lines.map((line) => (line === '' ? 'empty' : lineRuleOf(line)))
  markRepeatedTitle(lines, rules, opts.title ?? null)
  markLinkLists(lines, rules)
  markMenuRuns(lines, rules)
  markPromptLeads(lines, rules)
  return lines.map((line, i) => ({
    paragraph: opts.keepCharacters === true ? (paragraphs[i] ?? '') : line,
    rule: rules[i] ?? null,
  }))
}

/**
 * Collapse runs of whitespace inside a line to one space and trim; soft hyphens go.
 * @example collapseWhitespace('  Iran\u00a0and   Venezuela ') -> 'Iran and Venezuela'
 */
export function collapseWhitespace(text: string): string {
  // Most lines have nothing to collapse (single spaces, no soft hyphen, nothing at the ends):
  // every paragraph of every article passes here, so those are given back as they are.
  if (!NEEDS_COLLAPSE.test(text)) return text
  return text.replace(/[\u00ad\u200b]/gu, '').replace(/\s+/gu, ' ').trim()
}

/** Something collapseWhitespace changes: a soft hyphen or zero-width space, spacing other than
 * one ' ' between words, or spacing at either end. */
const NEEDS_COLLAPSE = /[\u00ad\u200b]|[^\S ]|  |^\s|\s$/u

/**
 * The line-level rule a single line breaks, or null.
 * @example lineRuleOf('Subscribe to our newsletter') -> 'newsletter-prompt'
 * @example lineRuleOf('The minister arrived in Caracas on Wednesday.') -> null
 */
export function lineRuleOf(line: string): string | null {
  const words = countWords(line)
  for (const rule of BOILERPLATE_RULES) {
    if (words <= rule.maxWords && rule.pattern.test(line)) return rule.name
  }
  return isNavigation(line, words) ? NAVIGATION.name : null
}

/** 'Home | World | Politics', 'News » Asia » China', 'By Jane Roe · 3 min read' */
function isNavigation(line: string, words: number): boolean {
  if (words > NAVIGATION.maxWords || SENTENCE_END.test(line)) return false
  const segments = line.split(NAVIGATION.separator).filter((segment) => countWords(segment) > 0)
  return (
    segments.length >= 2 &&
    segments.every((segment) => countWords(segment) <= NAVIGATION.maxSegmentWords)
  )
}

/** '... said on Friday. (Reporting by Jane Roe; Editing by John Doe)' -> '... said on Friday.' */
function stripTrailingCredits(line: string): string {
  const stripped = line.replace(TRAILING_CREDITS, '')
  return stripped === '' ? line : stripped
}

/** A body line identical to the title (case and spacing aside): the page repeats its headline. */
function markRepeatedTitle(lines: string[], rules: (string | null)[], title: string | null): void {
  if (title === null) return
  const key = comparable(title)
  if (key === '') return
  lines.forEach((line, i) => {
    if (rules[i] === null && comparable(line) === key) rules[i] = 'repeated-title'
  })
}

/** 'Related Articles' followed by 'Iran and Iraq sign gas deal', 'Talks resume in Doha' */
function markLinkLists(lines: string[], rules: (string | null)[]): void {
  const headings = new Set(BOILERPLATE_RULES.filter((r) => r.isListHeading).map((r) => r.name))
  lines.forEach((_, i) => {
    if (!headings.has(rules[i] ?? '')) return
    for (let j = i + 1; j < lines.length; j++) {
      if (rules[j] !== null) continue
      const line = lines[j] ?? ''
      if (countWords(line) > LINK_LIST.maxWords || /\.["”’)]?$/u.test(line)) break
      rules[j] = LINK_LIST.name
    }
  })
}

/** 'Home', 'World', 'Politics', 'Sport' on lines of their own */
function markMenuRuns(lines: string[], rules: (string | null)[]): void {
  const isMenuItem = (i: number): boolean => {
    const line = lines[i] ?? ''
    return rules[i] === null && countWords(line) <= MENU_RUN.maxWords && !SENTENCE_END.test(line)
  }
  let start = 0
  while (start < lines.length) {
    let end = start
    while (end < lines.length && isMenuItem(end)) end++
    if (end - start >= MENU_RUN.minLines) {
      for (let i = start; i < end; i++) rules[i] = MENU_RUN.name
    }
    start = end + 1
  }
}

/** 'Want more?' right above 'Subscribe to our newsletter' */
function markPromptLeads(lines: string[], rules: (string | null)[]): void {
  const prompts = new Set(BOILERPLATE_RULES.filter((r) => r.isPrompt).map((r) => r.name))
  lines.forEach((_, i) => {
    if (!prompts.has(rules[i] ?? '')) return
    for (let j = i - 1; j >= 0; j--) {
      const rule = rules[j] ?? null
      const line = lines[j] ?? ''
      if (rule === 'empty' || (rule !== null && prompts.has(rule))) continue
      const isLead = countWords(line) <= PROMPT_LEAD.maxWords && PROMPT_LEAD.ending.test(line)
      if (rule !== null || !isLead) break
      rules[j] = PROMPT_LEAD.name
    }
  })
}

function comparable(text: string): string {
  return collapseWhitespace(text).toLowerCase()
}

/** Words that hold a letter or digit: '|' and '+' are not words. */
export function countWords(text: string): number {
  // As text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length, by one scan
  // (clean.test.ts checks the two agree): every paragraph is counted, some several times.
  let words = 0
  let counted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) counted = false
      else if (!counted && ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122))) {
        counted = true
        words++
      }
      continue
    }
    const next = text.charCodeAt(i + 1)
    const size = c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000 ? 2 : 1
    const ch = text.slice(i, i + size)
    if (SPACE.test(ch)) counted = false
    else if (!counted && WORD_CHAR.test(ch)) {
      counted = true
      words++
    }
    i += size - 1
  }
  return words
}

const SPACE = /^\s$/u
const WORD_CHAR = /^[\p{L}\p{N}]$/u
