/**
 * The event coder: find trigger phrases of the patterns, decide modality, find the two sides,
 * date and place, and write one EventMention per (trigger, target) with its evidence and why.
 */
import type { Actor, ActorOut, Doc, EventMention, Mention, Place, Sentence } from '../doc.js'
import { need, SYMMETRIC_TYPES } from '../doc.js'
import type { CameoEntry } from '../dict/types.js'
import { defineStage } from '../stage.js'
import type { Word } from '../nlp/match-words.js'
import { sentenceWords } from '../nlp/sentence-words.js'
import { PhraseTrie } from '../nlp/phrase-trie.js'
import type { DateMention } from '../nlp/resolve-dates.js'
import { RecentSides } from './recent-sides.js'
import {
  carriedDate,
  dayNamedIn,
  eventDates,
  isBackground,
  isInsideSpan,
  ownDate,
  postDay,
  type DateRules,
  type Dating,
  RunningDate,
} from './event-dates.js'
import type { DateCues } from '../nlp/date-cues.js'
import type { EventPattern, Grammar } from './pattern-types.js'
import { compileModalityCues, hasPlannedCue, modalityOf, recalledBy, type ModalityCues } from './modality.js'
import { findSides } from './find-sides.js'
import type { PlacedMention, Sides, SideWords } from './subject-group.js'
import { cityNear } from '../geo/find-city.js'
import type { Gazetteer } from '../geo/gazetteer.js'
import { findSectors, type SectorVocabulary } from './find-sectors.js'
import { confidenceOf } from './confidence.js'
import { makeActor } from '../actors/make-actor.js'

/** Patterns compiled for matching, built once per process. */
export interface Coder {
  readonly triggers: PhraseTrie<EventPattern>
  readonly passive: ReadonlySet<string>
  readonly cameo: ReadonlyMap<string, CameoEntry>
  readonly cues: ModalityCues
  readonly sideWords: SideWords
  readonly sectors: SectorVocabulary
  /** The words the date rules read: clause breaks, reporting verbs, spans of days. */
  readonly dateRules: DateRules
  /** Words that introduce an embedded post (grammar.yaml `post_cues`). */
  readonly postCues: ReadonlySet<string>
  /** What a sentence needs for the date parser to run (dictionaries/dates.yaml). */
  readonly dateCues?: DateCues
}

/** Compile patterns, CAMEO table and grammar into a Coder. */
export function buildCoder(
  patterns: readonly EventPattern[],
  cameo: readonly CameoEntry[],
  grammar: Grammar,
  sectors: SectorVocabulary,
  dateCues?: DateCues,
): Coder {
  const triggers = new PhraseTrie<EventPattern>(new Set(grammar.trigger_inserts))
  const [spanNouns, spanEndings] = [new PhraseTrie<true>(), new PhraseTrie<true>()]
  for (const noun of grammar.spans.nouns) spanNouns.add(noun, true)
  for (const ending of grammar.spans.endings) spanEndings.add(ending, true)
  for (const p of patterns) for (const t of p.triggers) triggers.add(t, p)
  const cues = compileModalityCues(grammar)
  return {
    triggers,
    passive: new Set(grammar.passive_auxiliaries),
    cameo: new Map(cameo.map((c) => [c.code, c])),
    cues,
    sideWords: {
      determiners: new Set(grammar.determiners),
      breaks: cues.breaks,
      relatives: new Set(grammar.relative_pronouns),
      speech: new Set([...grammar.modality.reporting, ...grammar.judging_verbs]),
      conditionals: new Set(grammar.modality.conditional.filter((c) => !c.includes(' '))),
      prepositions: new Set(grammar.prepositions),
    },
    sectors,
    dateRules: {
      breaks: cues.breaks,
      relatives: new Set(grammar.relative_pronouns),
      reporting: cues.reporting,
      spans: {
        types: new Set(grammar.spans.types),
        openers: new Set(grammar.spans.openers),
        nouns: spanNouns,
        endings: spanEndings,
      },
    },
    postCues: new Set(grammar.post_cues),
    ...(dateCues ? { dateCues } : {}),
  }
}

/** What the stage needs in its context. */
export interface CodeContext {
  readonly coder: Coder
  /** Towns and cities for event places no dictionary has (loaded on first use). */
  readonly places?: () => Gazetteer
}


/** Place each mention of the sentence on its words. */
function placeMentions(words: readonly Word[], mentions: readonly Mention[]): PlacedMention[] {
  const placed: PlacedMention[] = []
  for (const mention of mentions) {
    const from = words.findIndex((w) => w.start >= mention.span[0])
    let to = from
    while (to < words.length && (words[to]?.end ?? Infinity) <= mention.span[1]) to++
    if (from >= 0 && to > from) placed.push({ mention, from, to })
  }
  return placed
}

/** Does one of `needs` occur within `window` words after the trigger? */
function hasNeeded(words: readonly Word[], start: number, end: number, pattern: EventPattern): boolean {
  if (pattern.needs.length === 0) return true
  const window = pattern.window > 0 ? pattern.window : 8
  // The trigger may carry the word itself: "assistance to Fiji".
  for (let i = start; i < Math.min(words.length, end + window); i++) {
    if (pattern.needs.includes(words[i]?.key ?? '')) return true
  }
  return false
}

/**
 * Does one of `needs` stand in the few words before the trigger as its object: the subject of a
 * passive ("the pact was signed") or the antecedent of a relative clause ("the agreement, which
 * Iran signed")?
 */
function hasNeededBefore(
  words: readonly Word[],
  start: number,
  pattern: EventPattern,
  isPassive: boolean,
  relatives: ReadonlySet<string>,
): boolean {
  const from = Math.max(0, start - 6)
  return words.slice(from, start).some((w, k) => {
    if (!pattern.needs.includes(w.key)) return false
    const next = words[from + k + 1]?.key ?? ''
    return isPassive || relatives.has(next)
  })
}

function toOut(actor: Actor): ActorOut {
  return { country: actor.country, sector: actor.sector, person: actor.person, role: actor.role, code: actor.code }
}

/** Code one sentence. */
export function codeSentence(
  doc: Doc,
  sentence: Sentence,
  mentions: readonly Mention[],
  coder: Coder,
  running: RunningDate,
  places?: () => Gazetteer,
  host: Actor | null = null,
  recent: RecentSides = new RecentSides(),
): EventMention[] {
  const text = doc.article.text
  const published = doc.article.publishedOn
  const sentenceText = text.slice(sentence.span[0], sentence.span[1])
  const words = sentenceWords(text, sentence.span)
  const placed = placeMentions(words, mentions)
  const cues = coder.dateCues
  // The dates are found when an event or a later sentence reads them: most sentences need none.
  let past: DateMention[] | null = null
  const pastDates = () => (past ??= eventDates(text, sentence, published, { cues }))
  // Planned events resolve open dates forward: "will visit on Friday" is the coming Friday.
  let futureDates: DateMention[] | null = null
  const datesFor = (modality: string) =>
    modality === 'planned'
      ? (futureDates ??= eventDates(text, sentence, published, { future: true, cues }))
      : pastDates()
  const onlyOldDates = () =>
    pastDates().some((d) => isBackground(d.date, published)) && !pastDates().some((d) => d.date && !isBackground(d.date, published))
  const insideSpan = isInsideSpan(words, coder.dateRules.spans)
  const out: EventMention[] = []
  const codedHere: { source: Actor; target: Actor }[] = []
  const seen = new Set<string>()
  const hits = coder.triggers.scan(words)
  const triggerEnds = new Set(hits.map((h) => h.to))
  for (const hit of hits) {
    // A trigger inside an actor's name is not an event: "the Joint Economic Cooperation Commission".
    if (placed.some((m) => m.from <= hit.from && hit.from < m.to)) continue
    for (const pattern of hit.values) {
      const before = words[hit.from - 1]?.key
      if (before && pattern.before.includes(before)) continue
      if (pattern.only_after.length > 0 && !pattern.only_after.includes(before ?? '')) continue
      // "plans to end the arms embargo on China" cancels the sanction.
      if (words.slice(Math.max(0, hit.from - UNLESS_REACH), hit.from).some((w) => pattern.unless.includes(w.key))) continue
      // A speaker's verb anywhere in the sentence: '"We must work together," the minister said'.
      if (pattern.said_by.length > 0 && !words.some((w, i) => (i < hit.from || i >= hit.to) && pattern.said_by.includes(w.key))) continue
      // "the ambassador was summoned": the grammatical subject is the target.
      const isPassive =
        pattern.voice === 'passive' ||
        (hit.to - hit.from === 1 && coder.passive.has(before ?? '') && /ed$/.test(words[hit.from]?.key ?? ''))
      // In the passive the needed word is the subject: "the defence pact was signed by ..."; in a
      // relative clause, the antecedent: "the agreement, which Iran signed with Belarus".
      if (!hasNeeded(words, hit.from, hit.to, pattern) && !hasNeededBefore(words, hit.from, pattern, isPassive, coder.sideWords.relatives)) continue
      const cameo = coder.cameo.get(pattern.cameo)
      if (!cameo) continue
      // "Referring to the president's visit ...": a recalled event, not news; no sides to find.
      if (recalledBy(words, hit.from, coder.cues)) continue
      const context = { host, recent: (source: Actor) => recent.lookup(cameo.type, source, sentence.index) }
      const sides =
        pattern.voice === 'follows'
          ? followSides(codedHere)
          : findSides(words, placed, hit.from, hit.to, pattern, coder.sideWords, isPassive, triggerEnds, context)
      if (!sides) continue
      // "as a result of Carlsson's visit to China" is expected: the possessive noun names a visit
      // that happened, whatever the main verb says about its results.
      const isOwnedNoun = sides.how.startsWith('source: possessive')
      const { modality, cue } = modalityOf(words, hit.from, coder.cues, pattern.modality === 'statement' || isOwnedNoun)
      const triggerStart = words[hit.from]?.start ?? sentence.span[0]
      const triggerText = text.slice(triggerStart, words[hit.to - 1]?.end ?? triggerStart)
      const dating: Dating = {
        words,
        trigger: hit.from,
        triggerStart,
        type: cameo.type,
        modality,
        undated: sides.undated === true,
        guest: pattern.voice === 'guest',
        insideSpan,
      }
      const own = ownDate(datesFor(modality), dating, coder.dateRules, running)
      if (isBackground(own?.date ?? null, published)) continue
      // With no publication day to measure against, an event dated only by its year is history:
      // news of the day says "on Monday" or "in March", not "in 1989".
      if (published === null && own?.precision === 'year' && modality === 'asserted') continue
      // "Nine years ago, in 2014, after taking office, I travelled to Nepal": a sentence that
      // names only old dates tells history, even where a clause break parts date and trigger.
      if (!own && onlyOldDates()) continue
      const date = own ?? carriedDate(dating, coder.dateRules, running)
      const location =
        sides.place ??
        locationIn(placed, words, hit.from, coder.cues.breaks) ??
        (places ? townIn(words, placed, hit.from, coder.cues.breaks, sides, places) : null)
      for (const [source, target] of sides.sources.flatMap((src) => sides.targets.map((t) => [src, t] as const))) {
        if (source.country === target.country) continue
        const pairKey = SYMMETRIC_TYPES.has(cameo.type)
          ? [source.country, target.country].sort().join('|')
          : `${source.country}>${target.country}`
        const key = `${cameo.type}|${pairKey}`
        if (seen.has(key)) continue
        seen.add(key)
        // An event whose counterpart came from memory adds nothing new to remember.
        if (!sides.fromMemory) recent.remember(cameo.type, target, sentence.index)
        codedHere.push({ source, target })
        out.push({
          article: doc.article.id,
          sentence: sentence.index,
          span: sentence.span,
          evidence: sentenceText,
          source: toOut(source),
          target: toOut(target),
          cameo: cameo.code,
          quad: cameo.quad,
          goldstein: cameo.goldstein,
          plover: cameo.plover,
          type: cameo.type,
          modality,
          date: date?.date ?? null,
          date_precision: date?.date ? date.precision : null,
          location: placeOf(location, cameo.type, target),
          sectors: findSectors(words, coder.sectors),
          rule: pattern.id,
          why:
            `“${triggerText}” (${cameo.label})` +
            (cue ? `, ${modality} by “${cue}”` : '') +
            `; ${sides.how}` +
            (date?.date ? `; date from “${date.text}”` : ''),
          confidence: confidenceOf({
            how: sides.how,
            datedHere: own?.date != null,
            dateCarried: !own && date !== null,
            sentence: sentence.index,
          }),
        })
      }
    }
  }
  running.passed(() => {
    const lastDay = [...pastDates()].reverse().find((d) => d.date !== null && d.precision === 'day')
    // "The ceremony will take place today, on October 15": a day that is still to come dates the
    // plan, not the narrative the next sentences go on with.
    const isAhead = lastDay?.date != null && published !== null && lastDay.date >= published && hasPlannedCue(words, coder.cues)
    return lastDay && !isAhead ? lastDay : null
  })
  return out
}

/**
 * The sides of the event a trigger continues: the last one coded in the sentence. In "told Japan
 * to resolve the row or face a deterioration in trade", Britain threatens the Japan it told.
 */
function followSides(coded: readonly { source: Actor; target: Actor }[]): Sides | null {
  const last = coded[coded.length - 1]
  if (!last) return null
  return {
    sources: [last.source],
    targets: [last.target],
    place: null,
    how: `source and target of the event before it in the sentence (${last.source.country} → ${last.target.country})`,
  }
}

/**
 * How many words before a trigger an `unless` word cancels it: "plans to end the European Union's
 * arms embargo on China" puts "end" six words (with the possessive's "s") before "embargo on".
 */
const UNLESS_REACH = 6

/**
 * The place an event mention keeps. A visit happens in the country visited: in "After his trip
 * to Nicaragua, Amir-Abdollahian arrived in Caracas", Caracas is not where the Nicaraguan trip was.
 */
function placeOf(location: Place | null, type: string, target: Actor): EventMention['location'] {
  if (!location || (type === 'visit' && location.country && location.country !== target.country)) return null
  return { name: location.name, country: location.country, lat: location.lat, lon: location.lon }
}

/**
 * Where a sentence places the event: "in Caracas", "at the Kremlin", in the trigger's own clause
 * ("landed in Caracas from Managua, where he had been received" puts the reception in Managua).
 */
function locationIn(
  placed: readonly PlacedMention[],
  words: readonly Word[],
  trigger: number,
  breaks: ReadonlySet<string>,
): Place | null {
  const here = placed.find((m) => {
    if (!m.mention.place || m.mention.kind === 'country' || !['in', 'at'].includes(m.mention.prep)) return false
    const [from, to] = m.from < trigger ? [m.to, trigger] : [trigger + 1, m.from]
    return !words.slice(from, to).some((w) => breaks.has(w.key))
  })
  return here?.mention.place ?? null
}

/** A town the gazetteer knows in one of the event's countries: "held talks in Cartagena". */
function townIn(
  words: readonly Word[],
  placed: readonly PlacedMention[],
  trigger: number,
  breaks: ReadonlySet<string>,
  sides: Sides,
  places: () => Gazetteer,
): Place | null {
  // Cheap test first: most sentences name no "in/at <Capitalised>" at all.
  if (!words.some((w, i) => (w.key === 'in' || w.key === 'at') && words[i + 1]?.isCapitalized)) return null
  const countries = new Set([...sides.sources, ...sides.targets].map((a) => a.country))
  const taken = (i: number) => placed.some((m) => m.from <= i && i < m.to)
  return cityNear(words, trigger, taken, breaks, countries, places())
}

/**
 * The country an article is set in: the one it names most often as a country, capital or place,
 * at least twice and strictly more than any other. Null when no country stands out.
 */
export function hostCountry(mentions: readonly Mention[]): Actor | null {
  const counts = new Map<string, { actor: Actor; n: number }>()
  for (const m of mentions) {
    if (!['country', 'capital', 'place'].includes(m.kind)) continue
    const country = m.actor?.country ?? m.place?.country
    if (!country) continue
    const seen = counts.get(country)
    if (seen) seen.n++
    else counts.set(country, { actor: m.actor ?? makeActor(country, 'GOV', null, null), n: 1 })
  }
  const [first, second] = [...counts.values()].sort((a, b) => b.n - a.n)
  return first && first.n >= 2 && (!second || first.n > second.n) ? first.actor : null
}

/** The stage: event mentions for every English sentence. */
export const codeEvents = defineStage<'eventMentions', CodeContext>({
  name: 'code-events',
  requires: ['article', 'sentences', 'mentions'],
  provides: 'eventMentions',
  run(doc, ctx) {
    const sentences = need(doc, 'sentences')
    const mentions = need(doc, 'mentions')
    const bySentence = new Map<number, Mention[]>()
    for (const m of mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m])
    const host = hostCountry(mentions)
    // No day carries before the article names one: "China has imposed sanctions" in a lead
    // tells no day, and the publication day is not the event's.
    const running = new RunningDate()
    // The headline restates the lead; its events are coded from the body, where dates and
    // actors are spelled out.
    const recent = new RecentSides()
    const title = doc.article.title
    const titleEnd = title && doc.article.text.startsWith(title) ? title.length : 0
    const body = sentences
      // Only English sentences are coded: a quoted Spanish tweet is evidence for a reader, not for
      // English patterns.
      .filter((s) => s.language === null || s.language === 'en')
      .filter((s) => s.span[1] > titleEnd)
    return body.flatMap((s, i) => {
      // A lead often leaves its day to the next sentence: "Nasirzadeh has called for closer
      // cooperation. Speaking upon his arrival in Caracas on Wednesday, ...". Until the article
      // names a day, that next day dates the lead's events.
      // A sentence that introduces an embedded post takes the post's date.
      const { postCues, dateCues } = ctx.coder
      const lent =
        postDay(doc, i, body, postCues, dateCues) ??
        (running.named() ? null : dayNamedIn(doc, body[i + 1], dateCues))
      const mentionsHere = bySentence.get(s.index) ?? []
      const code = () =>
        codeSentence(doc, s, mentionsHere, ctx.coder, running, ctx.places, host, recent)
      if (!lent) return code()
      const before = running.save()
      running.lend(lent)
      const out = code()
      // The lent day goes back unless the sentence named its own.
      running.endLoan(before)
      return out
    })
  },
})

