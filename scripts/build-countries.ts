/**
 * One-time generator of dictionaries/countries/*.yaml from the world-countries package plus the
 * hand-curated English forms below. Run once with `npx tsx scripts/build-countries.ts`; after that
 * the YAML files are the data and are edited by hand (dictionaries/README.md). Re-running
 * overwrites those edits, so do it only to start afresh.
 *
 * What world-countries gives: names, official names, alternative spellings, demonyms, capitals'
 * names and the country's (not the capital's) latitude/longitude. What is added here by hand:
 * the English forms news uses ('U.S.', 'Britain', 'Persia'), adjectives ('Belarussian', 'Saudi',
 * 'Kyrgyz'), capitals' own coordinates (city centre, two decimals), seats of government used as
 * metonyms ('the Kremlin'), names matched case-sensitively ('Chad') and names two entries share
 * on purpose ('Congo').
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import worldCountries, { type Country } from 'world-countries'
import { Document, isMap, isSeq, type YAMLMap } from 'yaml'

// Its types declare `export default`, but Node loads the CommonJS main: the array itself.
const countries = worldCountries as unknown as Country[]

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'dictionaries', 'countries')
const UPDATED = '2026-11-24'
const SOURCE =
  'world-countries 5.1.0 (names, official names, alternative spellings, demonyms, capitals, regions),' +
  ' with English news forms, adjectives, capital coordinates, seats of government and' +
  ' case-sensitive names added by hand (scripts/build-countries.ts)'
const LICENCE =
  'ODbL-1.0 for the world-countries data (https://github.com/mledoze/countries); hand additions MIT'

/** Hand additions for one entry. Capitals are [name, lat, lon]: city centre, two decimals. */
interface Curation {
  name?: string
  aliases?: string[]
  dropAliases?: string[]
  adjectives?: string[]
  dropAdjectives?: string[]
  capitals?: [string, number, number][]
  seats?: string[]
  caseSensitive?: string[]
  shared?: string[]
}

// Entries that are not in world-countries (or are filed under another code there).
// prettier-ignore
const EXTRA_ENTRIES: { code: string; region: string; name: string; official: string }[] = [
  { code: 'SUN', region: 'historical', name: 'Soviet Union', official: 'Union of Soviet Socialist Republics' },
  { code: 'DDR', region: 'historical', name: 'East Germany', official: 'German Democratic Republic' },
  { code: 'YUG', region: 'historical', name: 'Yugoslavia', official: 'Socialist Federal Republic of Yugoslavia' },
  { code: 'CSK', region: 'historical', name: 'Czechoslovakia', official: 'Czechoslovak Socialist Republic' },
]

// world-countries files Kosovo under UNK; news data (EU, IMF, World Bank) use the user-assigned XKX.
const RECODE: Record<string, string> = { UNK: 'XKX' }
// The observers and the two partly recognised states besides the UN members.
const INCLUDE_NON_MEMBERS = new Set(['PSE', 'TWN', 'UNK'])

// Alternative spellings that are junk for English news: common words, adjectives, fragments.
// prettier-ignore
const DROP_EVERYWHERE = new Set([
  'Island', 'Prathet', 'Thai', 'Timor', 'Togolese', 'Saudi', 'Lao', 'Mexicanos', 'Portuguesa',
  'the Abode of Peace', 'Nation of Brunei', 'Pleasant Island', 'Dominique',
])

// One line per country, so the table reads as data.
// prettier-ignore
const CURATION: Record<string, Curation> = {
  AFG: { aliases: ['Islamic Emirate of Afghanistan', 'Islamic Republic of Afghanistan'], capitals: [['Kabul', 34.53, 69.17]], caseSensitive: ['Afghan'] },
  AGO: { capitals: [['Luanda', -8.84, 13.29]] },
  ALB: { capitals: [['Tirana', 41.33, 19.82], ['Tirane', 41.33, 19.82]] },
  AND: { capitals: [['Andorra la Vella', 42.51, 1.52]] },
  ARE: { aliases: ['UAE', 'U.A.E.', 'the Emirates'], adjectives: ['Emirati', 'Emiratis'], capitals: [['Abu Dhabi', 24.47, 54.37]] },
  ARG: { adjectives: ['Argentinian', 'Argentinians', 'Argentines'], capitals: [['Buenos Aires', -34.6, -58.38]], seats: ['Casa Rosada', 'the Casa Rosada'] },
  ARM: { capitals: [['Yerevan', 40.18, 44.51]] },
  ATG: { aliases: ['Antigua'], capitals: [["Saint John's", 17.12, -61.85], ["St. John's", 17.12, -61.85]] },
  AUS: { aliases: ['Commonwealth of Australia'], adjectives: ['Aussie'], capitals: [['Canberra', -35.29, 149.13]] },
  AUT: { aliases: ['Republic of Austria'], capitals: [['Vienna', 48.21, 16.37]] },
  AZE: { adjectives: ['Azeri', 'Azeris'], capitals: [['Baku', 40.41, 49.87]] },
  BDI: { capitals: [['Gitega', -3.43, 29.93], ['Bujumbura', -3.38, 29.36]] },
  BEL: { capitals: [['Brussels', 50.85, 4.35]] },
  BEN: { capitals: [['Porto-Novo', 6.48, 2.6], ['Cotonou', 6.37, 2.43]] },
  BFA: { adjectives: ['Burkinabé'], capitals: [['Ouagadougou', 12.37, -1.52]] },
  BGD: { capitals: [['Dhaka', 23.81, 90.41]] },
  BGR: { capitals: [['Sofia', 42.7, 23.32]] },
  BHR: { capitals: [['Manama', 26.22, 50.58]] },
  BHS: { aliases: ['The Bahamas', 'the Bahamas'], capitals: [['Nassau', 25.06, -77.35]] },
  BIH: { aliases: ['Bosnia', 'Bosnia-Herzegovina'], capitals: [['Sarajevo', 43.86, 18.41]] },
  BLR: { aliases: ['Byelorussia', 'Belorussia'], adjectives: ['Belarussian', 'Byelorussian', 'Belarusians'], capitals: [['Minsk', 53.9, 27.57]] },
  BLZ: { capitals: [['Belmopan', 17.25, -88.77]] },
  BOL: { capitals: [['Sucre', -19.04, -65.26], ['La Paz', -16.5, -68.15]], seats: ['Palacio Quemado'], caseSensitive: ['Sucre'] },
  BRA: { aliases: ['Brasil'], capitals: [['Brasília', -15.79, -47.88]], seats: ['Planalto', 'Planalto Palace'] },
  BRB: { adjectives: ['Bajan'], capitals: [['Bridgetown', 13.1, -59.62]] },
  BRN: { capitals: [['Bandar Seri Begawan', 4.9, 114.94]] },
  BTN: { capitals: [['Thimphu', 27.47, 89.64]] },
  BWA: { adjectives: ['Botswanan', 'Batswana'], capitals: [['Gaborone', -24.65, 25.91]] },
  CAF: { aliases: ['CAR'], capitals: [['Bangui', 4.39, 18.56]] },
  CAN: { capitals: [['Ottawa', 45.42, -75.7]] },
  CHE: { capitals: [['Bern', 46.95, 7.45], ['Berne', 46.95, 7.45]], caseSensitive: ['Bern'] },
  CHL: { capitals: [['Santiago', -33.45, -70.67]], seats: ['La Moneda'], caseSensitive: ['Chile', 'Santiago'] },
  CHN: { aliases: ['PRC', "People's Republic of China", 'Mainland China'], capitals: [['Beijing', 39.9, 116.4]], seats: ['Zhongnanhai'], caseSensitive: ['China'] },
  CIV: { aliases: ['Ivory Coast', "Côte d'Ivoire"], capitals: [['Yamoussoukro', 6.82, -5.28], ['Abidjan', 5.32, -4.03]] },
  CMR: { capitals: [['Yaoundé', 3.85, 11.5]] },
  COD: { name: 'DR Congo', aliases: ['DRC', 'Democratic Republic of the Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa', 'Congo'], capitals: [['Kinshasa', -4.32, 15.31]], shared: ['Congo', 'Congolese'] },
  COG: { name: 'Republic of the Congo', aliases: ['Republic of Congo', 'Congo-Brazzaville', 'Congo'], capitals: [['Brazzaville', -4.27, 15.28]], shared: ['Congo', 'Congolese'] },
  COL: { capitals: [['Bogotá', 4.71, -74.07]], seats: ['Casa de Nariño'] },
  COM: { adjectives: ['Comorian', 'Comorians'], capitals: [['Moroni', -11.7, 43.26]], caseSensitive: ['Moroni'] },
  CPV: { name: 'Cape Verde', aliases: ['Cabo Verde'], adjectives: ['Cape Verdean', 'Cape Verdeans'], dropAdjectives: ['Cape Verdian'], capitals: [['Praia', 14.92, -23.51]], caseSensitive: ['Praia'] },
  CRI: { capitals: [['San José', 9.93, -84.08]] },
  CUB: { capitals: [['Havana', 23.13, -82.38]] },
  CYP: { capitals: [['Nicosia', 35.17, 33.36]] },
  CZE: { name: 'Czech Republic', aliases: ['Czechia'], adjectives: ['Czechs'], capitals: [['Prague', 50.08, 14.44]] },
  DEU: { aliases: ['West Germany', 'FRG'], adjectives: ['West German', 'Germans'], capitals: [['Berlin', 52.52, 13.4]] },
  DJI: { adjectives: ['Djiboutian', 'Djiboutians'], dropAdjectives: ['Djibouti'], capitals: [['Djibouti', 11.59, 43.15]] },
  // 'Dominican' is left to the Dominican Republic, which news means far more often.
  DNK: { aliases: ['Kingdom of Denmark'], adjectives: ['Dane', 'Danes'], capitals: [['Copenhagen', 55.68, 12.57]] },
  DMA: { dropAdjectives: ['Dominican'], capitals: [['Roseau', 15.3, -61.39]], caseSensitive: ['Roseau'] },
  DOM: { capitals: [['Santo Domingo', 18.48, -69.93]] },
  DZA: { aliases: ["People's Democratic Republic of Algeria"], capitals: [['Algiers', 36.75, 3.06]] },
  ECU: { adjectives: ['Ecuadorian', 'Ecuadorians'], capitals: [['Quito', -0.18, -78.47]] },
  EGY: { capitals: [['Cairo', 30.04, 31.24]] },
  ERI: { capitals: [['Asmara', 15.33, 38.93]] },
  ESP: { adjectives: ['Spaniard', 'Spaniards'], capitals: [['Madrid', 40.42, -3.7]], seats: ['La Moncloa', 'Moncloa'] },
  EST: { capitals: [['Tallinn', 59.44, 24.75]] },
  ETH: { capitals: [['Addis Ababa', 9.03, 38.74]] },
  FIN: { adjectives: ['Finn', 'Finns'], capitals: [['Helsinki', 60.17, 24.94]] },
  FJI: { capitals: [['Suva', -18.14, 178.44]] },
  FRA: { capitals: [['Paris', 48.86, 2.35]], seats: ['Élysée', 'Élysée Palace', 'the Élysée', "Quai d'Orsay", "the Quai d'Orsay"] },
  FSM: { aliases: ['Federated States of Micronesia'], capitals: [['Palikir', 6.92, 158.18]] },
  GAB: { capitals: [['Libreville', 0.39, 9.45]] },
  GBR: { aliases: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'], adjectives: ['Briton', 'Britons'], capitals: [['London', 51.51, -0.13]], seats: ['Downing Street', 'Number 10', 'No 10', 'Whitehall'] },
  GEO: { capitals: [['Tbilisi', 41.72, 44.79]], caseSensitive: ['Georgia'] },
  GHA: { capitals: [['Accra', 5.56, -0.2]] },
  GIN: { aliases: ['Guinea-Conakry'], capitals: [['Conakry', 9.51, -13.71]], caseSensitive: ['Guinea'] },
  GMB: { aliases: ['The Gambia', 'the Gambia'], capitals: [['Banjul', 13.45, -16.58]] },
  GNB: { adjectives: ['Bissau-Guinean', 'Bissau-Guineans'], capitals: [['Bissau', 11.86, -15.57]] },
  GNQ: { capitals: [['Malabo', 3.75, 8.78]] },
  GRC: { adjectives: ['Hellenic', 'Greeks'], capitals: [['Athens', 37.98, 23.73]] },
  GRD: { capitals: [["St. George's", 12.05, -61.75], ["Saint George's", 12.05, -61.75]] },
  GTM: { capitals: [['Guatemala City', 14.61, -90.53]] },
  GUY: { capitals: [['Georgetown', 6.8, -58.16]], caseSensitive: ['Georgetown'] },
  HND: { capitals: [['Tegucigalpa', 14.1, -87.22]] },
  HRV: { adjectives: ['Croat', 'Croats'], capitals: [['Zagreb', 45.81, 15.98]] },
  HTI: { capitals: [['Port-au-Prince', 18.54, -72.34]] },
  HUN: { capitals: [['Budapest', 47.5, 19.04]] },
  IDN: { capitals: [['Jakarta', -6.2, 106.82]] },
  IND: { aliases: ['Bharat'], capitals: [['New Delhi', 28.61, 77.21]], seats: ['Raisina Hill', 'South Block'] },
  IRL: { aliases: ['Eire'], capitals: [['Dublin', 53.35, -6.26]] },
  IRN: { aliases: ['Persia', 'Islamic Republic'], capitals: [['Tehran', 35.69, 51.39], ['Teheran', 35.69, 51.39]] },
  IRQ: { capitals: [['Baghdad', 33.32, 44.37]] },
  ISL: { adjectives: ['Icelandic', 'Icelanders'], capitals: [['Reykjavík', 64.15, -21.94]] },
  ISR: { capitals: [['Jerusalem', 31.78, 35.22]] },
  ITA: { capitals: [['Rome', 41.9, 12.5]], seats: ['Palazzo Chigi'] },
  JAM: { capitals: [['Kingston', 17.97, -76.79]], caseSensitive: ['Kingston'] },
  JOR: { capitals: [['Amman', 31.95, 35.93]], caseSensitive: ['Jordan'] },
  JPN: { capitals: [['Tokyo', 35.69, 139.69]], seats: ['Kantei'], caseSensitive: ['Japan'] },
  KAZ: { adjectives: ['Kazakh', 'Kazakhs'], capitals: [['Astana', 51.17, 71.43], ['Nur-Sultan', 51.17, 71.43]] },
  KEN: { capitals: [['Nairobi', -1.29, 36.82]] },
  KGZ: { adjectives: ['Kyrgyz', 'Kyrgyzstani'], capitals: [['Bishkek', 42.87, 74.59]] },
  KHM: { capitals: [['Phnom Penh', 11.57, 104.92]] },
  KIR: { capitals: [['South Tarawa', 1.33, 172.98], ['Tarawa', 1.33, 172.98]] },
  KNA: { aliases: ['St Kitts and Nevis', 'St. Kitts and Nevis', 'Saint Christopher and Nevis'], capitals: [['Basseterre', 17.3, -62.73]] },
  KOR: { aliases: ['Republic of Korea', 'ROK', 'S. Korea', 'Korea'], adjectives: ['Korean', 'Koreans'], capitals: [['Seoul', 37.57, 126.98]], seats: ['Blue House', 'Cheong Wa Dae'], shared: ['Korea', 'Korean', 'Koreans'] },
  KWT: { capitals: [['Kuwait City', 29.37, 47.98]] },
  LAO: { aliases: ['Lao PDR'], adjectives: ['Lao'], capitals: [['Vientiane', 17.97, 102.6]] },
  LBN: { capitals: [['Beirut', 33.89, 35.5]] },
  LBR: { capitals: [['Monrovia', 6.31, -10.8]] },
  LBY: { capitals: [['Tripoli', 32.89, 13.19]], caseSensitive: ['Tripoli'] },
  LCA: { aliases: ['St Lucia', 'St. Lucia'], capitals: [['Castries', 14.01, -60.99]] },
  LIE: { capitals: [['Vaduz', 47.14, 9.52]] },
  LKA: { capitals: [['Colombo', 6.93, 79.85], ['Sri Jayawardenepura Kotte', 6.9, 79.9]], caseSensitive: ['Colombo'] },
  LSO: { adjectives: ['Basotho'], capitals: [['Maseru', -29.32, 27.48]] },
  LTU: { capitals: [['Vilnius', 54.69, 25.28]] },
  LUX: { adjectives: ['Luxembourgish'], capitals: [['Luxembourg', 49.61, 6.13]] },
  LVA: { capitals: [['Riga', 56.95, 24.11]] },
  MAR: { capitals: [['Rabat', 34.02, -6.84]] },
  MCO: { adjectives: ['Monégasque'], capitals: [['Monaco', 43.73, 7.42]] },
  MDA: { capitals: [['Chișinău', 47.01, 28.86], ['Kishinev', 47.01, 28.86]] },
  MDG: { capitals: [['Antananarivo', -18.91, 47.52]] },
  MDV: { adjectives: ['Maldivian', 'Maldivians'], dropAdjectives: ['Maldivan'], capitals: [['Malé', 4.18, 73.51]], caseSensitive: ['Male'] },
  MEX: { capitals: [['Mexico City', 19.43, -99.13]], seats: ['Los Pinos'] },
  MHL: { capitals: [['Majuro', 7.09, 171.38]] },
  MKD: { name: 'North Macedonia', aliases: ['FYROM', 'Former Yugoslav Republic of Macedonia'], adjectives: ['North Macedonian'], capitals: [['Skopje', 42.0, 21.43]] },
  MLI: { capitals: [['Bamako', 12.64, -8.0]], caseSensitive: ['Mali'] },
  MLT: { capitals: [['Valletta', 35.9, 14.51]] },
  MMR: { capitals: [['Naypyidaw', 19.75, 96.1], ['Nay Pyi Taw', 19.75, 96.1], ['Naypyitaw', 19.75, 96.1]] },
  MNE: { capitals: [['Podgorica', 42.44, 19.26]] },
  MNG: { capitals: [['Ulaanbaatar', 47.92, 106.92], ['Ulan Bator', 47.92, 106.92]] },
  MOZ: { capitals: [['Maputo', -25.97, 32.58]] },
  MRT: { capitals: [['Nouakchott', 18.09, -15.98]] },
  MUS: { capitals: [['Port Louis', -20.16, 57.5]] },
  MWI: { capitals: [['Lilongwe', -13.98, 33.78]] },
  MYS: { capitals: [['Kuala Lumpur', 3.14, 101.69], ['Putrajaya', 2.93, 101.69]] },
  NAM: { capitals: [['Windhoek', -22.57, 17.08]] },
  NER: { capitals: [['Niamey', 13.51, 2.11]], caseSensitive: ['Niger'] },
  NGA: { capitals: [['Abuja', 9.06, 7.49]] },
  NIC: { capitals: [['Managua', 12.11, -86.24]] },
  NLD: { aliases: ['Kingdom of the Netherlands'], capitals: [['Amsterdam', 52.37, 4.9], ['The Hague', 52.08, 4.31]] },
  NOR: { capitals: [['Oslo', 59.91, 10.75]] },
  NPL: { adjectives: ['Nepali', 'Nepalis'], capitals: [['Kathmandu', 27.72, 85.32]] },
  NRU: { capitals: [['Yaren', -0.55, 166.92]] },
  NZL: { capitals: [['Wellington', -41.29, 174.78]], caseSensitive: ['Wellington'] },
  OMN: { capitals: [['Muscat', 23.59, 58.38]] },
  PAK: { capitals: [['Islamabad', 33.69, 73.05]] },
  PAN: { capitals: [['Panama City', 8.98, -79.52]], caseSensitive: ['Panama'] },
  PER: { capitals: [['Lima', -12.05, -77.04]], caseSensitive: ['Lima'] },
  PHL: { aliases: ['the Philippines'], adjectives: ['Philippine', 'Filipina', 'Filipinos'], capitals: [['Manila', 14.6, 120.98]], seats: ['Malacañang', 'Malacañang Palace'] },
  PLW: { capitals: [['Ngerulmud', 7.5, 134.62]] },
  PNG: { capitals: [['Port Moresby', -9.44, 147.18]] },
  POL: { adjectives: ['Pole', 'Poles'], capitals: [['Warsaw', 52.23, 21.01]], caseSensitive: ['Polish'] },
  PRK: { aliases: ['N. Korea', 'Korea'], adjectives: ['Korean', 'Koreans'], capitals: [['Pyongyang', 39.03, 125.75]], shared: ['Korea', 'Korean', 'Koreans'] },
  PRT: { capitals: [['Lisbon', 38.72, -9.14]] },
  PRY: { capitals: [['Asunción', -25.26, -57.58]] },
  PSE: { aliases: ['Palestinian territories', 'Occupied Palestinian Territories', 'Palestinian Authority', 'Palestinian National Authority'], adjectives: ['Palestinians'], capitals: [['Ramallah', 31.9, 35.2]] },
  QAT: { capitals: [['Doha', 25.29, 51.53]] },
  ROU: { capitals: [['Bucharest', 44.43, 26.1]] },
  RUS: { aliases: ['Russian Federation'], capitals: [['Moscow', 55.76, 37.62]], seats: ['Kremlin', 'the Kremlin'] },
  RWA: { capitals: [['Kigali', -1.95, 30.06]] },
  SAU: { aliases: ['KSA', 'Kingdom of Saudi Arabia'], adjectives: ['Saudi', 'Saudis'], capitals: [['Riyadh', 24.63, 46.72]] },
  SDN: { capitals: [['Khartoum', 15.5, 32.56]] },
  SEN: { capitals: [['Dakar', 14.69, -17.45]] },
  SGP: { capitals: [['Singapore', 1.29, 103.85]] },
  SLB: { aliases: ['Solomons'], capitals: [['Honiara', -9.43, 159.95]] },
  SLE: { capitals: [['Freetown', 8.48, -13.23]] },
  SLV: { adjectives: ['Salvadorean'], capitals: [['San Salvador', 13.69, -89.19]] },
  SMR: { capitals: [['City of San Marino', 43.94, 12.45]] },
  SOM: { adjectives: ['Somalian', 'Somalians'], capitals: [['Mogadishu', 2.04, 45.34]] },
  SRB: { adjectives: ['Serb', 'Serbs'], capitals: [['Belgrade', 44.79, 20.45]] },
  SSD: { capitals: [['Juba', 4.85, 31.6]] },
  STP: { capitals: [['São Tomé', 0.34, 6.73]] },
  SUR: { adjectives: ['Surinamese'], capitals: [['Paramaribo', 5.85, -55.2]] },
  SVK: { adjectives: ['Slovakian', 'Slovaks'], capitals: [['Bratislava', 48.15, 17.11]] },
  SVN: { adjectives: ['Slovenian', 'Slovenians', 'Slovenes'], capitals: [['Ljubljana', 46.06, 14.51]] },
  SWE: { adjectives: ['Swede', 'Swedes'], capitals: [['Stockholm', 59.33, 18.07]] },
  SWZ: { aliases: ['eSwatini'], capitals: [['Mbabane', -26.31, 31.14], ['Lobamba', -26.47, 31.2]] },
  SYC: { capitals: [['Victoria', -4.62, 55.45]], caseSensitive: ['Victoria'] },
  SYR: { capitals: [['Damascus', 33.51, 36.29]] },
  TCD: { capitals: [["N'Djamena", 12.11, 15.04], ['Ndjamena', 12.11, 15.04]], caseSensitive: ['Chad'] },
  TGO: { capitals: [['Lomé', 6.14, 1.21]] },
  THA: { capitals: [['Bangkok', 13.76, 100.5]] },
  TJK: { adjectives: ['Tajik', 'Tajiks', 'Tajikistani'], dropAdjectives: ['Tadzhik'], capitals: [['Dushanbe', 38.56, 68.79]] },
  TKM: { adjectives: ['Turkmens'], capitals: [['Ashgabat', 37.96, 58.33]] },
  TLS: { aliases: ['East Timor'], adjectives: ['Timorese'], capitals: [['Dili', -8.55, 125.57]] },
  TON: { capitals: [["Nuku'alofa", -21.14, -175.2]], caseSensitive: ['Tonga'] },
  TTO: { aliases: ['Trinidad'], adjectives: ['Tobagonian'], capitals: [['Port of Spain', 10.66, -61.51], ['Port-of-Spain', 10.66, -61.51]] },
  TUN: { capitals: [['Tunis', 36.81, 10.18]] },
  TUR: { name: 'Turkey', aliases: ['Türkiye', 'Republic of Türkiye'], adjectives: ['Turk', 'Turks'], capitals: [['Ankara', 39.93, 32.86]], caseSensitive: ['Turkey'] },
  TUV: { capitals: [['Funafuti', -8.52, 179.2]] },
  TWN: { aliases: ['ROC', 'Formosa'], capitals: [['Taipei', 25.03, 121.57]] },
  TZA: { capitals: [['Dodoma', -6.16, 35.75]] },
  UGA: { capitals: [['Kampala', 0.31, 32.58]] },
  UKR: { capitals: [['Kyiv', 50.45, 30.52], ['Kiev', 50.45, 30.52]], seats: ['Bankova'] },
  URY: { capitals: [['Montevideo', -34.9, -56.16]] },
  USA: { aliases: ['U.S.', 'US', 'U.S.A.', 'America'], adjectives: ['Americans'], capitals: [['Washington', 38.91, -77.04], ['Washington, D.C.', 38.91, -77.04], ['Washington D.C.', 38.91, -77.04]], seats: ['White House', 'the White House'], caseSensitive: ['Washington'] },
  UZB: { adjectives: ['Uzbek', 'Uzbeks'], capitals: [['Tashkent', 41.3, 69.24]] },
  VAT: { name: 'Holy See', aliases: ['Vatican City', 'the Vatican'], capitals: [['Vatican City', 41.9, 12.45]] },
  VCT: { aliases: ['St Vincent and the Grenadines', 'St. Vincent and the Grenadines', 'Saint Vincent', 'St. Vincent'], adjectives: ['Vincentian'], capitals: [['Kingstown', 13.16, -61.22]], caseSensitive: ['Kingstown'] },
  VEN: { capitals: [['Caracas', 10.5, -66.92]], seats: ['Miraflores', 'Miraflores Palace'] },
  VNM: { capitals: [['Hanoi', 21.03, 105.85]] },
  VUT: { capitals: [['Port Vila', -17.73, 168.33]] },
  WSM: { capitals: [['Apia', -13.85, -171.75]] },
  XKX: { adjectives: ['Kosovan', 'Kosovars'], capitals: [['Pristina', 42.67, 21.17], ['Prishtina', 42.67, 21.17]] },
  YEM: { capitals: [['Sanaa', 15.35, 44.21], ["Sana'a", 15.35, 44.21]] },
  ZAF: { capitals: [['Pretoria', -25.75, 28.23], ['Cape Town', -33.92, 18.42], ['Bloemfontein', -29.09, 26.16]] },
  ZMB: { capitals: [['Lusaka', -15.42, 28.28]] },
  ZWE: { capitals: [['Harare', -17.83, 31.05]] },
  SUN: { aliases: ['USSR', 'U.S.S.R.', 'Soviet Russia'], adjectives: ['Soviet', 'Soviets'] },
  DDR: { aliases: ['GDR'], adjectives: ['East German', 'East Germans'] },
  YUG: { aliases: ['Federal Republic of Yugoslavia', 'SFRY'], adjectives: ['Yugoslav', 'Yugoslavian', 'Yugoslavs'] },
  CSK: { adjectives: ['Czechoslovak', 'Czechoslovakian'] },
}

/** 'Côte d’Ivoire' -> 'Cote d'Ivoire': the spelling without diacritics, straight apostrophe. */
function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'")
}

/** English-usable: Latin letters only once diacritics are stripped; no ISO 'X, Y of' inversions. */
function isUsable(alias: string): boolean {
  return (
    alias.length > 2 &&
    !alias.includes(',') &&
    /^[A-Za-z0-9 .'()&\-]+$/.test(stripDiacritics(alias)) &&
    !DROP_EVERYWHERE.has(alias)
  )
}

// Demonyms that take no plural 's' although their ending suggests one.
const NO_PLURAL = new Set(['Vatican', 'I-Kiribati', 'Ni-Vanuatu'])

/** Demonym plurals news uses: 'Iranian' -> 'Iranians', 'Iraqi' -> 'Iraqis'; 'Chinese' has none. */
function pluralOf(demonym: string): string | null {
  if (NO_PLURAL.has(demonym)) return null
  return /(an|i|ot|er|ino|ine)$/.test(demonym) ? `${demonym}s` : null
}

/** Add the diacritic-free twin right after each name that has diacritics. */
function withPlainTwins(names: readonly string[]): string[] {
  const out: string[] = []
  for (const name of names) {
    out.push(name)
    const plain = stripDiacritics(name)
    if (plain !== name) out.push(plain)
  }
  return unique(out)
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

interface Built {
  code: string
  kind: 'state'
  name: string
  aliases: string[]
  adjectives: string[]
  capitals: { name: string; lat: number; lon: number }[]
  seats: string[]
  caseSensitive?: string[]
  shared?: string[]
}

function build(
  code: string,
  source: {
    name: string
    official: string
    altSpellings: string[]
    demonyms: string[]
    capital?: string
  },
): Built {
  const cur = CURATION[code] ?? {}
  const name = cur.name ?? source.name
  const rawAliases = [source.name, source.official, ...source.altSpellings, ...(cur.aliases ?? [])]
  const aliases = withPlainTwins(
    unique(rawAliases)
      .filter((a) => isUsable(a) || (cur.aliases ?? []).includes(a))
      .filter((a) => !(cur.dropAliases ?? []).includes(a)),
  ).filter((a) => a !== name)
  const demonyms = source.demonyms
    .flatMap((d) => d.split(/, | or /))
    .filter((d) => !(cur.dropAdjectives ?? []).includes(d))
  const adjectives = withPlainTwins(
    unique([
      ...demonyms,
      ...demonyms.map(pluralOf).filter((p): p is string => p !== null),
      ...(cur.adjectives ?? []),
    ]),
  )
  const capitals: Built['capitals'] = []
  for (const [capital, lat, lon] of cur.capitals ?? []) {
    for (const spelling of withPlainTwins([capital])) {
      if (!capitals.some((c) => c.name === spelling)) capitals.push({ name: spelling, lat, lon })
    }
  }
  // Capitals' coordinates are hand-entered; world-countries has only the country's centre.
  if (capitals.length === 0 && source.capital) {
    throw new Error(`${code}: no hand-entered coordinates for capital ${source.capital}`)
  }
  const seats = withPlainTwins(cur.seats ?? [])
  const names = [name, ...aliases, ...adjectives, ...capitals.map((c) => c.name), ...seats]
  // Short all-capital forms are words too ('US' / 'us'): match them as written.
  const acronyms = names.filter((n) => /^[A-Z][A-Z.]{1,6}$/.test(n))
  const caseSensitive = unique([...acronyms, ...(cur.caseSensitive ?? [])])
  const entry: Built = { code, kind: 'state', name, aliases, adjectives, capitals, seats }
  if (caseSensitive.length > 0) entry.caseSensitive = caseSensitive
  if (cur.shared) entry.shared = cur.shared
  return entry
}

const byRegion = new Map<string, Built[]>()
const add = (region: string, entry: Built) => {
  const list = byRegion.get(region) ?? []
  list.push(entry)
  byRegion.set(region, list)
}

for (const c of countries) {
  if (!c.unMember && !INCLUDE_NON_MEMBERS.has(c.cca3)) continue
  const code = RECODE[c.cca3] ?? c.cca3
  const eng = c.demonyms?.eng
  const demonyms = eng ? unique([eng.m, eng.f]) : []
  add(
    c.region.toLowerCase(),
    build(code, {
      name: c.name.common,
      official: c.name.official,
      altSpellings: c.altSpellings,
      demonyms,
      capital: c.capital[0],
    }),
  )
}
for (const extra of EXTRA_ENTRIES) {
  add(extra.region, build(extra.code, { name: extra.name, official: extra.official, altSpellings: [], demonyms: [] }))
}

for (const [region, entries] of byRegion) {
  entries.sort((a, b) => a.code.localeCompare(b.code))
  const doc = new Document({ source: SOURCE, licence: LICENCE, updated: UPDATED, entries })
  // Capitals on one line each ({ name, lat, lon }) so a file diffs by city, not by field.
  const list = doc.get('entries', true)
  if (isSeq(list)) {
    for (const item of list.items) {
      const capitals = isMap(item) ? item.get('capitals', true) : null
      if (isSeq(capitals)) for (const capital of capitals.items) (capital as YAMLMap).flow = true
    }
  }
  const file = join(OUT, `${region}.yaml`)
  writeFileSync(file, doc.toString({ lineWidth: 0 }))
  console.log(`${file}: ${entries.length} entries`)
}
