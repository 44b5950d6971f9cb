/**
 * The coder on every CAMEO root (01-20), on sentences written for these tests: type, code, the
 * two sides and the scope, and that the default (`core`) output keeps exactly the guideline's types.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { scopeOf, type EventMention } from '../doc.js'
import { processArticle, type ScopeOption } from '../pipeline.js'
import { loadResources, type Resources } from '../resources.js'
import { makeArticle } from '../../test/helpers/make-article.js'

let resources: Resources
beforeAll(async () => {
  resources = await loadResources()
})

/** Code one text (published Wednesday 2024-11-20) and return its event mentions. */
function code(text: string, scope: ScopeOption = 'all'): readonly EventMention[] {
  return processArticle(makeArticle(text, '2024-11-20'), resources, scope).eventMentions ?? []
}

/** 'type cameo SRC>TGT scope': what a reader checks first. */
const summary = (e: EventMention) =>
  `${e.type} ${e.cameo} ${e.source.country}>${e.target?.country ?? '-'} ${scopeOf(e.type)}`

/**
 * One case per sentence: the event it must give (as `summary` writes it), found in the `all`
 * output, and in the default output exactly when its scope is core.
 */
function expectRoot(cases: readonly (readonly [string, string])[]) {
  it.each(cases)('%s', (sentence, expected) => {
    expect(code(sentence).map(summary)).toContain(expected)
    const isCore = expected.endsWith(' core')
    expect(code(sentence, 'core').map(summary).includes(expected)).toBe(isCore)
  })
}

describe('01 make public statement (extended: statement)', () => {
  expectRoot([
    ['Japan expressed condolences to Turkey after the earthquake.', 'statement 018 JPN>TUR extended'],
    ['Iran denied responsibility for the attack on Israel.', 'statement 016 IRN>ISR extended'],
  ])
})

describe('02 appeal (extended: appeal)', () => {
  expectRoot([
    ['Haiti appealed to the United States for help.', 'appeal 020 HTI>USA extended'],
    ['Pakistan appealed for aid from China after the floods.', 'appeal 023 PAK>CHN extended'],
    ['Kenya sought investment from China during the forum.', 'appeal 021 KEN>CHN extended'],
    ['China called for restraint by India and Pakistan.', 'appeal 027 CHN>PAK extended'],
  ])
})

describe('03 express intent to cooperate (core)', () => {
  expectRoot([
    ['The Indian prime minister said India wanted to strengthen ties with Nepal.', 'intent_cooperate 030 IND>NPL core'],
    ['Saudi Arabia agreed to meet with Iran in Baghdad next month.', 'meet 036 SAU>IRN core'],
  ])
})

describe('04 consult (core)', () => {
  expectRoot([
    ['The Turkish foreign minister paid a visit to Baku on Tuesday.', 'visit 042 TUR>AZE core'],
    ['The French president held talks with the Kenyan president in Nairobi.', 'meet 040 FRA>KEN core'],
    ['The Argentine president spoke by phone with the Chilean president.', 'meet 041 ARG>CHL core'],
    ['The Mexican president was welcomed by the Cuban president in Havana.', 'host_visit 043 CUB>MEX core'],
    ['The Iranian president’s arrival in Caracas was delayed by fog.', 'visit 042 IRN>VEN core'],
    ['The Japanese foreign minister will make a stop in Madrid on Saturday.', 'visit 042 JPN>ESP core'],
  ])
  it('codes a mediator against each of the two parties (045, `other`)', () => {
    const events = code('Qatar mediated between Egypt and Ethiopia on Tuesday.').map(summary)
    expect(events).toEqual(expect.arrayContaining(['other 045 QAT>EGY core', 'other 045 QAT>ETH core']))
    expect(events).not.toContain('other 045 EGY>ETH core')
  })
})

describe('05 diplomatic cooperation (core: signing; extended: endorse)', () => {
  expectRoot([
    ['Kazakhstan inked a memorandum with Kyrgyzstan on water use.', 'sign_agreement 057 KAZ>KGZ core'],
    ['The ceremony ended with the signing of a cooperation document between Iran and Belarus.', 'sign_agreement 057 IRN>BLR core'],
    ['The visit ended with a signed agreement by the Chilean president and the Peruvian president.', 'sign_agreement 057 CHL>PER core'],
    ['The French president praised Germany for its leadership.', 'endorse 051 FRA>DEU extended'],
    ['Spain recognized Palestine as a state on Tuesday.', 'endorse 054 ESP>PSE extended'],
    ['Japan apologized to South Korea for the remarks.', 'endorse 055 JPN>KOR extended'],
  ])
})

describe('06 material cooperation (core)', () => {
  expectRoot([
    ['Russia and China held joint naval drills in the Sea of Japan.', 'cooperate_military 062 RUS>CHN core'],
    ['Jordan shared intelligence with Iraq about the smuggling network.', 'cooperate_military 064 JOR>IRQ core'],
    ['Chile and Peru formed two joint commissions on mining and fisheries.', 'cooperate_economic 061 CHL>PER core'],
    ['India and Nepal launched six projects, including a petroleum pipeline.', 'cooperate_economic 061 IND>NPL core'],
  ])
})

describe('07 provide aid (core)', () => {
  expectRoot([
    ['Japan sent humanitarian aid to Turkey after the earthquake.', 'aid 073 JPN>TUR core'],
    ['Germany supplied weapons to Ukraine last month.', 'aid 072 DEU>UKR core'],
    ['The World Bank approved budget support to Kenya.', 'aid 071 WORLDBANK>KEN core'],
  ])
})

describe('08 yield (extended: yield)', () => {
  expectRoot([
    ['The United States lifted sanctions on Venezuela.', 'yield 085 USA>VEN extended'],
    ['Russia withdrew its troops from Georgia.', 'yield 087 RUS>GEO extended'],
    ['Russia released two Ukrainian soldiers on Sunday.', 'yield 084 RUS>UKR extended'],
  ])
  it('is no sanction: lifting sanctions does not also impose them', () => {
    expect(code('The United States lifted sanctions on Venezuela.').map((e) => e.type)).not.toContain('sanction')
  })
})

describe('09 investigate (extended: investigate)', () => {
  expectRoot([
    ['The European Union opened an anti-dumping investigation into China.', 'investigate 090 EU>CHN extended'],
  ])
})

describe('10 demand (core)', () => {
  expectRoot([
    ['The United States urged Israel to allow more aid into Gaza.', 'demand 100 USA>ISR core'],
    ['China demanded that Japan stop the patrols.', 'demand 100 CHN>JPN core'],
    ['Beijing demanded an explanation from Washington.', 'demand 101 CHN>USA core'],
    ['Turkey called for a ceasefire between Israel and Lebanon.', 'demand 107 TUR>LBN core'],
  ])
})

describe('11 disapprove (core)', () => {
  expectRoot([
    ['China accused the United States of interference.', 'criticize 112 CHN>USA core'],
    ['Brazil condemned Israel for the strike.', 'criticize 111 BRA>ISR core'],
    ['The German foreign ministry summoned the Russian ambassador on Monday.', 'protest 114 DEU>RUS core'],
    ["The Vietnamese government has filed a new diplomatic protest over China's survey ship.", 'protest 114 VNM>CHN core'],
  ])
})

describe('12 reject (core: `other`)', () => {
  expectRoot([
    ['North Korea rejected South Korea’s proposal for talks.', 'other 120 PRK>KOR core'],
    ['Eritrea rejected aid from the United States.', 'other 122 ERI>USA core'],
  ])
})

describe('13 threaten (core)', () => {
  expectRoot([
    ['The United States threatened to impose sanctions on Turkey.', 'threaten 132 USA>TUR core'],
    ['Russia issued an ultimatum to Georgia.', 'threaten 139 RUS>GEO core'],
    ['Ukraine threatened to cut ties with Hungary.', 'threaten 131 UKR>HUN core'],
    ['The Canadian minister told Mexico to lift the duties or face retaliation.', 'threaten 130 CAN>MEX core'],
    ['Iran threatened to pull out of talks with the European Union.', 'threaten 134 IRN>EU core'],
  ])
  it('is no sanction: a threatened sanction has not been imposed', () => {
    expect(code('The United States threatened to impose sanctions on Turkey.').map((e) => e.type)).not.toContain('sanction')
  })
})

describe('14 protest in the street (extended: dissent)', () => {
  expectRoot([
    ['The United States boycotted the Olympic Games in Beijing.', 'dissent 143 USA>CHN extended'],
  ])
})

describe('15 exhibit force posture (extended: posture)', () => {
  expectRoot([
    ['Russia massed troops on the border with Ukraine.', 'posture 154 RUS>UKR extended'],
    ['The Chinese navy held drills near Taiwan.', 'posture 150 CHN>TWN extended'],
  ])
})

describe('16 reduce relations (core: sanctions, ties; extended: reduce_relations)', () => {
  expectRoot([
    ['The European Union slapped sanctions on Belarus on Thursday.', 'sanction 163 EU>BLR core'],
    ['Venezuela broke off diplomatic relations with Panama on Monday.', 'other 161 VEN>PAN core'],
    ['Chad downgraded diplomatic relations with Qatar.', 'other 161 TCD>QAT core'],
    ['Australia cut aid to Nauru.', 'reduce_relations 162 AUS>NRU extended'],
    ['Iran suspended talks with the European Union.', 'reduce_relations 164 IRN>EU extended'],
    ['Russia banned imports from Moldova.', 'sanction 160 RUS>MDA core'],
    ['Qatar suspended its mediation between Israel and Egypt.', 'reduce_relations 165 QAT>EGY extended'],
  ])
  it('is neither aid nor a meeting: suspended aid and suspended talks', () => {
    const types = [...code('The United States suspended aid to Niger.'), ...code('Iran suspended talks with the European Union.')].map((e) => e.type)
    expect(types).not.toContain('aid')
    expect(types).not.toContain('meet')
  })
})

describe('17 coerce (extended: coerce)', () => {
  expectRoot([
    ['Iranian authorities arrested a British diplomat.', 'coerce 173 IRN>GBR extended'],
    ['Russia seized three Ukrainian navy ships.', 'coerce 171 RUS>UKR extended'],
    ['The Gabonese government closed its border with Cameroon on Monday.', 'coerce 172 GAB>CMR extended'],
  ])
})

describe('18 assault (extended: assault)', () => {
  expectRoot([
    ['Israel assassinated an Iranian general in Damascus.', 'assault 186 ISR>IRN extended'],
    ['Iranian security forces abducted a French diplomat in Tehran.', 'assault 181 IRN>FRA extended'],
  ])
})

describe('19 fight (extended: fight)', () => {
  expectRoot([
    ['Russia shelled Ukraine overnight.', 'fight 194 RUS>UKR extended'],
    ['Israel launched air strikes on Syria.', 'fight 195 ISR>SYR extended'],
    ['Armenia clashed with Azerbaijan along the border.', 'fight 193 ARM>AZE extended'],
    ['Russia invaded Ukraine on Monday.', 'fight 192 RUS>UKR extended'],
  ])
  it('does not code a war named as background', () => {
    expect(code('Iran delivered the drones to Russia months before the invasion of Ukraine began.').map((e) => e.type)).not.toContain('fight')
  })
})

describe('20 unconventional mass violence (extended: mass_violence)', () => {
  expectRoot([
    ['Iraq used chemical weapons against Iran in the war.', 'mass_violence 204 IRQ>IRN extended'],
  ])
})

describe('every code carries the values of the CAMEO table', () => {
  it('fills Goldstein, quad class and PLOVER from dictionaries/cameo/codes.yaml', () => {
    const e = code('Israel launched air strikes on Syria.')[0]
    expect(e).toMatchObject({ cameo: '195', goldstein: -10, quad: 4, plover: { event: 'ASSAULT', mode: 'aerial' } })
    const visit = code('The Turkish foreign minister paid a visit to Baku on Tuesday.')[0]
    expect(visit).toMatchObject({ cameo: '042', goldstein: 1.9, quad: 1, plover: { event: 'CONSULT', mode: 'visit' } })
  })
})
