/**
 * FIPS 10-4 country codes, which GDELT uses for its Geo_CountryCode columns (its actor codes
 * are CAMEO, ISO-3166 alpha-3 based). FIPS 10-4 was withdrawn in 2008 but GDELT kept it.
 * Source: the FIPS 10-4 list as published in the CIA World Factbook ("Country data codes");
 * facts, written out here as ISO alpha-3 -> FIPS for the codes that differ from ISO alpha-2.
 * Every other country's FIPS code is its ISO alpha-2 code (Iran IR, Venezuela VE, France FR).
 */
import { createRequire } from 'node:module'
import type { Country } from 'world-countries'

// world-countries is CommonJS whose types declare an ES default export: require it as it is.
const worldCountries = createRequire(import.meta.url)('world-countries') as readonly Country[]

/** ISO 3166-1 alpha-3 -> FIPS 10-4, where FIPS is not the ISO alpha-2 code. */
// prettier-ignore
const FIPS_DIFFERENT_FROM_ISO2: Readonly<Record<string, string>> = {
  ABW: 'AA', AIA: 'AV', AND: 'AN', ASM: 'AQ', ATA: 'AY', ATF: 'FS', ATG: 'AC', AUS: 'AS',
  AUT: 'AU', AZE: 'AJ', BDI: 'BY', BEN: 'BN', BFA: 'UV', BGD: 'BG', BGR: 'BU', BHR: 'BA',
  BHS: 'BF', BIH: 'BK', BLM: 'TB', BLR: 'BO', BLZ: 'BH', BMU: 'BD', BOL: 'BL', BRN: 'BX',
  BWA: 'BC', CAF: 'CT', CCK: 'CK', CHE: 'SZ', CHL: 'CI', CHN: 'CH', CIV: 'IV', COD: 'CG',
  COG: 'CF', COK: 'CW', COM: 'CN', CRI: 'CS', CUW: 'UC', CXR: 'KT', CYM: 'CJ', CZE: 'EZ',
  DEU: 'GM', DMA: 'DO', DNK: 'DA', DOM: 'DR', DZA: 'AG', ESH: 'WI', ESP: 'SP', EST: 'EN',
  GAB: 'GB', GBR: 'UK', GEO: 'GG', GGY: 'GK', GIN: 'GV', GMB: 'GA', GNB: 'PU', GNQ: 'EK',
  GRD: 'GJ', GUF: 'FG', GUM: 'GQ', HND: 'HO', HTI: 'HA', IRL: 'EI', IRQ: 'IZ', ISL: 'IC',
  ISR: 'IS', JPN: 'JA', KHM: 'CB', KIR: 'KR', KNA: 'SC', KOR: 'KS', KWT: 'KU', LBN: 'LE',
  LBR: 'LI', LCA: 'ST', LIE: 'LS', LKA: 'CE', LSO: 'LT', LTU: 'LH', LVA: 'LG', MAC: 'MC',
  MAF: 'RN', MAR: 'MO', MCO: 'MN', MDG: 'MA', MHL: 'RM', MMR: 'BM', MNE: 'MJ', MNG: 'MG',
  MNP: 'CQ', MSR: 'MH', MTQ: 'MB', MUS: 'MP', MWI: 'MI', MYT: 'MF', NAM: 'WA', NER: 'NG',
  NGA: 'NI', NIC: 'NU', NIU: 'NE', OMN: 'MU', PAN: 'PM', PCN: 'PC', PHL: 'RP', PLW: 'PS',
  PNG: 'PP', PRI: 'RQ', PRK: 'KN', PRT: 'PO', PRY: 'PA', PSE: 'WE', PYF: 'FP', RUS: 'RS',
  SDN: 'SU', SEN: 'SG', SGP: 'SN', SGS: 'SX', SJM: 'SV', SLB: 'BP', SLV: 'ES', SPM: 'SB',
  SRB: 'RI', SSD: 'OD', STP: 'TP', SUR: 'NS', SVK: 'LO', SWE: 'SW', SWZ: 'WZ', SXM: 'NN',
  SYC: 'SE', TCA: 'TK', TCD: 'CD', TGO: 'TO', TJK: 'TI', TKL: 'TL', TKM: 'TX', TLS: 'TT',
  TON: 'TN', TTO: 'TD', TUN: 'TS', TUR: 'TU', UKR: 'UP', VAT: 'VT', VGB: 'VI', VIR: 'VQ',
  VNM: 'VM', VUT: 'NH', YEM: 'YM', ZAF: 'SF', ZMB: 'ZA', ZWE: 'ZI',
  // Kosovo has no ISO code; its user-assigned alpha-3 varies by source.
  KOS: 'KV', UNK: 'KV', XKX: 'KV',
}

const ISO2_BY_ISO3: ReadonlyMap<string, string> = new Map(
  worldCountries.map((c) => [c.cca3, c.cca2]),
)

/**
 * The FIPS 10-4 code of an ISO alpha-3 country, or null for organisations and unknown codes.
 * @example fipsOf('VEN') -> 'VE'; fipsOf('DEU') -> 'GM'; fipsOf('EU') -> null
 */
export function fipsOf(iso3: string): string | null {
  return FIPS_DIFFERENT_FROM_ISO2[iso3] ?? ISO2_BY_ISO3.get(iso3) ?? null
}
