/**
 * GDELT 2.0: the Events table (61 tab-separated columns, one row per deduplicated event) and the
 * Mentions table (16 columns, one row per event and article), as the GDELT 2.0 codebooks define
 * them (../shared/formats/README.md). Unlike GDELT's first-15-minutes counts, NumMentions,
 * NumSources and NumArticles cover the event's whole history in the store.
 *
 * What dyad does not measure stays empty: tone (AvgTone, MentionDocTone), ethnicity, religion,
 * known groups other than organisations, actor geography (Geo_Type 0), ADM1/ADM2 codes of cities.
 */
import type { Event, EventMember } from '../events/event.js'
import { fipsOf } from './fips-codes.js'
import type { ExportNames } from './names.js'

/** The Events table's columns, in order. */
// prettier-ignore
export const GDELT_EVENT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode',
  'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code',
  'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode',
  'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code',
  'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code',
  'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code',
  'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code',
  'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const

/** The Mentions table's columns, in order. */
// prettier-ignore
export const GDELT_MENTION_COLUMNS = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName',
  'MentionIdentifier', 'SentenceID', 'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset',
  'InRawText', 'Confidence', 'MentionDocLen', 'MentionDocTone', 'MentionDocTranslationInfo',
  'Extras',
] as const

/** A root event has a mention in the title or the first two sentences (the lead). */
const ROOT_SENTENCES = 3

/** Geo types of the codebook: 0 none, 1 country, 4 world city. */
const GEO_NONE = '0'
const GEO_COUNTRY = '1'
const GEO_WORLD_CITY = '4'

/**
 * One event as a row of the Events table: 61 strings, in `GDELT_EVENT_COLUMNS` order.
 * `members` are the event's mentions (for IsRootEvent).
 * @example gdeltEventRow(visit, members, names).slice(26, 29) -> ['042', '042', '04']
 */
export function gdeltEventRow(
  event: Event,
  members: readonly EventMember[],
  names: ExportNames,
): string[] {
  const day = event.date ?? event.first_seen
  const isRoot = members.some((m) => m.mention.sentence < ROOT_SENTENCES)
  const row = [
    String(event.id),
    ...dateColumns(day),
    ...actorColumns(event.source, names),
    ...actorColumns(event.target, names),
    isRoot ? '1' : '0',
    ...eventCodes(event.cameo),
    String(event.quad),
    goldsteinText(event.goldstein),
    String(event.num_mentions),
    String(event.num_sources),
    String(event.num_articles),
    '', // AvgTone: dyad does not measure tone
    ...noGeo(),
    ...noGeo(),
    ...actionGeo(event.location, names),
    gdeltTimestamp(event.added_at),
    event.source_url ?? '',
  ]
  if (row.length !== GDELT_EVENT_COLUMNS.length) {
    throw new Error(`GDELT event row has ${row.length} columns, not ${GDELT_EVENT_COLUMNS.length}`)
  }
  return row
}

/**
 * The event's rows of the Mentions table: one per article, from the article's first mention of
 * the event (its sentence and character offset).
 * @example gdeltMentionRows(visit, members)[0]?.[6] -> '3' (the 1-based sentence)
 */
export function gdeltMentionRows(event: Event, members: readonly EventMember[]): string[][] {
  const firstByArticle = new Map<string, EventMember>()
  for (const m of members) {
    const seen = firstByArticle.get(m.mention.article)
    if (seen === undefined || m.mention.sentence < seen.mention.sentence) {
      firstByArticle.set(m.mention.article, m)
    }
  }
  return [...firstByArticle.values()].map(({ mention, article }) => [
    String(event.id),
    gdeltTimestamp(event.added_at),
    gdeltTimestamp(article.ingestedAt),
    article.url === null ? '2' : '1', // 1 web, 2 citation only (a file without URL)
    article.outlet ?? hostOf(article.url) ?? baseName(article.origin),
    article.url ?? article.origin,
    String(mention.sentence + 1),
    '-1', // Actor1CharOffset: dyad keeps the sentence span, not each actor's
    '-1',
    String(mention.span[0]),
    '1',
    String(Math.round(mention.confidence * 100)),
    article.textLength === undefined ? '' : String(article.textLength),
    '',
    '',
    '',
  ])
}

/** Cells joined by tabs; tabs and line breaks inside a cell become spaces. */
export function toTsvLine(cells: readonly string[]): string {
  return cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')
}

/**
 * CAMEO code, its 3-digit base and 2-digit root, as strings with their leading zeros.
 * @example eventCodes('0871') -> ['0871', '087', '08']; eventCodes('042') -> ['042', '042', '04']
 */
export function eventCodes(cameo: string): [string, string, string] {
  return [cameo, cameo.slice(0, 3), cameo.slice(0, 2)]
}

/**
 * SQLDATE, MonthYear, Year and FractionDate of an ISO day; empty when unknown.
 * @example dateColumns('2023-02-03') -> ['20230203', '202302', '2023', '2023.1726']
 */
export function dateColumns(day: string | null): [string, string, string, string] {
  if (day === null) return ['', '', '', '']
  const [year, month, date] = [day.slice(0, 4), day.slice(5, 7), day.slice(8, 10)]
  // The codebook's FractionDate: YYYY + (month * 30 + day) / 365, four decimals.
  const fraction = Number(year) + (Number(month) * 30 + Number(date)) / 365
  return [`${year}${month}${date}`, `${year}${month}`, year, fraction.toFixed(4)]
}

/**
 * An ISO timestamp as GDELT's YYYYMMDDHHMMSS (UTC).
 * @example gdeltTimestamp('2024-11-21T08:00:00.000Z') -> '20241121080000'
 */
export function gdeltTimestamp(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14)
}

/** Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1..3 (10 cells). */
function actorColumns(actor: Event['target'], names: ExportNames): string[] {
  if (actor === null) return Array<string>(10).fill('')
  const named = names.country(actor.country)
  const isOrganisation = named?.isOrganisation ?? !/^[A-Z]{3}$/.test(actor.country)
  // "IRNGOVDIP" -> types GOV, DIP; an organisation's own "IGO" is its type too.
  const rest = actor.code.startsWith(actor.country) ? actor.code.slice(actor.country.length) : ''
  const types = (rest.match(/.{1,3}/g) ?? []).slice(0, 3)
  const name = actor.person ?? named?.name ?? actor.country
  return [
    actor.code,
    toGdeltName(name),
    isOrganisation ? '' : actor.country,
    isOrganisation ? actor.country : '',
    '',
    '',
    '',
    types[0] ?? '',
    types[1] ?? '',
    types[2] ?? '',
  ]
}

/** Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID of a place (8 cells). */
function actionGeo(location: Event['location'], names: ExportNames): string[] {
  if (location === null) return noGeo()
  const fips = fipsOf(location.country) ?? ''
  const countryName = names.country(location.country)?.name ?? location.country
  const isCountry = location.name === countryName
  return [
    isCountry ? GEO_COUNTRY : GEO_WORLD_CITY,
    isCountry ? countryName : `${location.name}, ${countryName}`,
    fips,
    isCountry ? fips : '',
    '',
    location.lat === null ? '' : String(location.lat),
    location.lon === null ? '' : String(location.lon),
    isCountry ? fips : '',
  ]
}

function noGeo(): string[] {
  return [GEO_NONE, '', '', '', '', '', '', '']
}

/** GDELT writes names in capitals without accents. @example 'Nicolás Maduro' -> 'NICOLAS MADURO' */
function toGdeltName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()
}

function goldsteinText(value: number): string {
  return String(Math.round(value * 10) / 10)
}

function hostOf(url: string | null): string | null {
  if (url === null) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return null
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
