/**
 * The boilerplate rules of clean.ts, as one data table.
 *
 * Each rule names a *kind* of page clutter (a share prompt, a copyright line, a menu), never one
 * particular text: a rule is a pattern over short lines plus a word limit, so a long paragraph of
 * news that happens to contain "subscribe" or "share" is never dropped. Editing rules:
 * - add a row, give it an `example` of the clutter it removes (the test suite runs every example);
 * - keep `maxWords` small: boilerplate is short, news sentences are long;
 * - never match a particular outlet's wording; match the kind of line.
 * The table is code for now; it may move to dictionaries/ as data later.
 */

/** One line-level rule: a paragraph is boilerplate when it is short enough and matches. */
export interface BoilerplateRule {
  /** Stable name, used in tests and explanations. @example 'share-prompt' */
  readonly name: string
  /** A line this rule removes. @example 'Share this article' */
  readonly example: string
  /** Longer paragraphs are never boilerplate under this rule. */
  readonly maxWords: number
  readonly pattern: RegExp
  /**
   * A call to action: short questions or exclamations just above it belong to the same box.
   * @example 'Want more?' above 'Sign up for our newsletter'
   */
  readonly isPrompt?: boolean
  /**
   * A heading over a list of links: the short headline-like lines right under it go too.
   * @example 'Related Articles' followed by 'Iran and Iraq sign gas deal'
   */
  readonly isListHeading?: boolean
}

/** Separators of a menu or breadcrumb trail. @example 'Home | World | Politics', 'News » Asia' */
const MENU_SEPARATOR = /\s*[|»›•·]\s*/u

/** Words that end a sentence: a line holding one of these is prose, not a menu. */
const SENTENCE_END = /[.!?]["”’)]?$/u

/** One case-insensitive pattern matching any of the given ones (one idea per line). */
function anyOf(...patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => pattern.source).join('|'), 'iu')
}

/** The line-level rules, checked in this order (the first match names the rule). */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    // 'Share this article', 'Follow us on Twitter', 'Share on Facebook', 'Email this page'
    name: 'share-prompt',
    example: 'Follow us on Twitter',
    maxWords: 10,
    pattern: anyOf(
      /^(?:share|tweet|email|print|save|copy link)\b\W*$/,
      /\bshare this (?:article|story|post|page|link|video)\b/,
      /\bshare (?:it )?(?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|telegram|email|social media)\b/,
      /\b(?:follow us|like us on|join us on|copy (?:the )?link)\b/,
      /\b(?:tweet|email|print) this (?:article|story|page)\b/,
    ),
    isPrompt: true,
  },
  {
    // 'Subscribe to our newsletter', 'Sign up for our daily briefing', "We don't spam!"
    name: 'newsletter-prompt',
    example: 'Subscribe to our newsletter',
    maxWords: 20,
    pattern: anyOf(
      /^subscribe\b/,
      /\bsubscribe (?:to (?:our|the)|now|here|today|for free)\b/,
      /\bsign(?:-| )?up (?:for|to) (?:our|the|free|email|daily|weekly)\b/,
      /\b(?:newsletters?|unsubscribe|spam|privacy policy|your inbox|push notifications?)\b/,
      /\b(?:(?:accept|use of|we use) cookies|cookie (?:policy|settings))\b/,
    ),
    isPrompt: true,
  },
  {
    // 'Also read: Iran and Iraq sign gas deal', 'READ MORE: Talks resume in Doha'
    name: 'inline-related',
    example: 'Also read: Envoys meet again in Geneva',
    maxWords: 25,
    pattern: anyOf(
      /^(?:also read|read also|read more|see also|read next|related(?: story| article)?)\s*[:|–—-]\s*\S/,
      /^(?:watch|listen)\s*[:|–—-]\s*\S/,
    ),
  },
  {
    // 'Click here', 'Read more', 'Continue reading', 'Back to top', 'Load more comments'
    name: 'click-prompt',
    example: 'Click here to read more',
    maxWords: 10,
    pattern: anyOf(
      /^(?:see|show|load|view) more\b/,
      /\b(?:click here|tap here|read more|continue reading|keep reading)\b/,
      /\bread the full (?:story|article|report)\b/,
      /\b(?:back to top|scroll to top|view comments|leave a comment|post a comment)\b/,
      /^comments? \(\d+\)\W*$/,
    ),
    isPrompt: true,
  },
  {
    // 'Related Articles', 'Related news', 'Similar Posts', 'You may also like', 'Most read'
    name: 'related-heading',
    example: 'Related Articles',
    maxWords: 6,
    pattern: anyOf(
      /^(?:related|similar|recommended|popular|trending|latest|more|other|top|suggested)(?: (?:articles?|news|posts?|stories|reads?|reading|content|videos?|topics?|coverage|links?|headlines))?\W*$/,
      /^editor'?s'? picks?\W*$/,
      /^you (?:may|might) (?:also )?(?:like|be interested in)\W*$/,
      /^(?:also|read|see) (?:read|also|next)\W*$/,
      /^more (?:from|on|in|about) [\p{L}\d' ]{1,30}\W*$/u,
      /^most (?:read|popular|viewed|shared)\W*$/,
    ),
    isListHeading: true,
  },
  {
    // '(Reporting by Jane Roe; Editing by John Doe)', 'Translated by JRE/ AR', 'Writing by ...'
    name: 'credits',
    example: '(Reporting by Jane Roe; Editing by John Doe)',
    maxWords: 30,
    pattern: anyOf(
      /^\(?\s*(?:additional |further )?(?:reporting|writing|editing|edited|compiled) by\b/,
      /^\(?\s*(?:translated|translation|produced|written|photos?|graphics|video) by\b/,
    ),
  },
  {
    // 'AK/PR', 'mjs / ktg / ask / hnb', '(dw/rc)': editors' initials at the end of a story
    name: 'initials',
    example: 'mjs / ktg / ask',
    maxWords: 12,
    pattern: /^\(?(?:\p{Lu}{1,4}|\p{Ll}{1,4})(?:\s*\/\s*(?:\p{Lu}{1,4}|\p{Ll}{1,4}))+\)?$/u,
  },
  {
    // 'Source: Sputnik', 'Source URL: example.org', 'Image credit: AFP'
    name: 'source-line',
    example: 'Source URL: Sputnik',
    maxWords: 8,
    pattern: /^(?:source(?: url| link)?|via|(?:photo|image) (?:credit|source)|credit)\s*:/iu,
  },
  {
    // '© 2024 Some Outlet', 'Copyright 2024 ...', 'All rights reserved.'
    name: 'copyright',
    example: '© 2024 The Daily Example. All rights reserved.',
    maxWords: 25,
    pattern: /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/iu,
  },
  {
    // 'ADVERTISEMENT', 'Sponsored content', 'Story continues below advertisement'
    name: 'advertisement',
    example: 'Advertisement',
    maxWords: 6,
    pattern: anyOf(
      /^(?:advertisement|advertising|ad|sponsored(?: content)?|promoted(?: content)?)\W*$/,
      /^story continues below(?: advertisement)?\W*$/,
    ),
  },
]

/**
 * A menu or breadcrumb trail: two or more short segments between separators, no sentence.
 * @example 'Home | World | Politics' -> true, 'Website | + posts' -> true
 */
export const NAVIGATION = {
  name: 'navigation',
  example: 'Home | World | Politics',
  separator: MENU_SEPARATOR,
  /** At most this many words in one segment. */
  maxSegmentWords: 3,
  maxWords: 12,
} as const

/**
 * A menu written one item per line: at least `minLines` consecutive lines of at most `maxWords`
 * words each, none ending a sentence. @example 'Home', 'World', 'Politics', 'Sport'
 */
export const MENU_RUN = { name: 'menu-run', minLines: 4, maxWords: 3 } as const

/**
 * Under a list heading ('Related Articles'), lines of at most `maxWords` words that do not end with
 * a full stop are link titles and go with it. @example 'Iran and Iraq sign gas deal'
 */
export const LINK_LIST = { name: 'link-list', maxWords: 16 } as const

/**
 * Short questions or exclamations directly above a prompt belong to its box.
 * @example 'Want more?' above 'Subscribe to our newsletter'
 */
export const PROMPT_LEAD = {
  name: 'prompt-lead',
  maxWords: 12,
  ending: /[?!]["”’]?$/u,
} as const

/**
 * Text and HTML only: credits glued to the end of a paragraph.
 * @example 'The pact was signed. (Reporting by Jane Roe)' -> 'The pact was signed.'
 */
export const TRAILING_CREDITS =
  /\s*\((?:additional |further )?(?:reporting|writing|editing|compiled|translated) by\b[^()]*\)\s*$/iu

export { SENTENCE_END }
