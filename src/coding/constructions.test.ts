/**
 * Modality and the constructions that move source and target around (passive voice, apposition,
 * coordination, reported speech, relative clauses, several events in one sentence, symmetric
 * events), on sentences written for these tests.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { EventMention } from '../doc.js'
import { processArticle } from '../pipeline.js'
import { loadResources, type Resources } from '../resources.js'
import { makeArticle } from '../../test/helpers/make-article.js'

let resources: Resources
beforeAll(async () => {
  resources = await loadResources()
})

/** Code one text (published Wednesday 2024-11-20) with every scope. */
function mentions(text: string): readonly EventMention[] {
  return processArticle(makeArticle(text, '2024-11-20'), resources, 'all').eventMentions ?? []
}

/** 'type SRC>TGT modality' per event mention. */
const code = (text: string) =>
  mentions(text).map((e) => `${e.type} ${e.source.country}>${e.target?.country ?? '-'} ${e.modality}`)

describe('modality', () => {
  it.each([
    // asserted
    ['The Venezuelan president visited Tehran on Monday.', 'visit VEN>IRN asserted'],
    // negated
    ['Iran did not sign the memorandum with Belarus.', 'sign_agreement IRN>BLR negated'],
    ['Venezuela denied signing a defence agreement with Iran.', 'sign_agreement VEN>IRN negated'],
    ['The Egyptian president never visited Ethiopia.', 'visit EGY>ETH negated'],
    // planned
    ['The Venezuelan president will visit Tehran on Friday.', 'visit VEN>IRN planned'],
    ['The Belarusian defence minister is scheduled to visit Tehran next month.', 'visit BLR>IRN planned'],
    ['Russia plans to send a naval squadron to Venezuela.', 'cooperate_military RUS>VEN planned'],
    // hypothetical
    ['The Iranian president could visit Moscow in the spring.', 'visit IRN>RUS hypothetical'],
    ['If the talks succeed, Iran will sign a defence pact with Belarus.', 'sign_agreement IRN>BLR hypothetical'],
    ['Iran will sign a defence pact with Belarus if the talks succeed.', 'sign_agreement IRN>BLR hypothetical'],
    ['The Kremlin said the Indian prime minister would likely visit Moscow.', 'visit IND>RUS hypothetical'],
    ['Italy and Germany favour an early start to talks.', 'meet ITA>DEU hypothetical'],
    // a summons is an act, not a statement: its future is a plan
    ['The Vietnamese minister said the Chinese ambassador will be summoned on Friday.', 'protest VNM>CHN planned'],
  ])('%s', (sentence, expected) => {
    expect(code(sentence)).toContain(expected)
  })

  it('stores the modality on every mention, and the default output keeps asserted and planned only', () => {
    const text = 'Iran did not sign the memorandum with Belarus. The Iranian president could visit Moscow soon.'
    const all = mentions(text)
    expect(all.map((e) => e.modality).sort()).toEqual(['hypothetical', 'negated'])
    // What extract, ingest and eval keep by default (see src/cli/commands/extract.ts).
    expect(all.filter((e) => e.modality === 'asserted' || e.modality === 'planned')).toEqual([])
  })

  it('codes nothing an opening "Referring to ..." recalls', () => {
    const text = "Referring to the Chilean president's visit to Peru and the signing of a trade pact between Chile and Peru, the minister called the visit a milestone."
    expect(code(text).filter((e) => e.startsWith('visit') || e.startsWith('sign_agreement'))).toEqual([])
  })
  it('keeps a condition in another clause from touching the event', () => {
    const text = 'Unlike the pact that Iran concluded with Belarus in May, the new treaty does not apply if either is attacked.'
    expect(code(text)).toContain('sign_agreement IRN>BLR asserted')
  })
})

describe('passive voice', () => {
  it.each([
    ['The Chinese ambassador was summoned by the Philippine foreign ministry on Monday.', 'protest PHL>CHN asserted'],
    ['The Iranian foreign minister was received by Venezuelan President Nicolás Maduro at Miraflores.', 'host_visit VEN>IRN asserted'],
    ['Venezuela was visited by the Iranian president last week.', 'visit IRN>VEN asserted'],
    ['The Belarusian ambassador was expelled by Poland.', 'protest POL>BLR asserted'],
    ['The agreement was signed by Iran and Venezuela in Caracas.', 'sign_agreement IRN>VEN asserted'],
    ['New sanctions were imposed on Russia by the European Union on Monday.', 'sanction EU>RUS asserted'],
  ])('%s', (sentence, expected) => {
    expect(code(sentence)).toContain(expected)
  })

  // "by X" goes with the nearest noun: the trigger's own ("the visit by X"), or another one after
  // a preposition ("an investigation into abuses by Myanmar").
  it('does not read "by X" after an active verb as the agent', () => {
    expect(code('The European Union opened an investigation into abuses by Myanmar.')).toContain(
      'investigate EU>MMR asserted',
    )
  })
})

describe('apposition', () => {
  it.each([
    ['Abbas Araghchi, Iran’s foreign minister, met Venezuelan President Nicolás Maduro in Caracas.', 'meet IRN>VEN asserted'],
    ['The Iranian foreign minister, Abbas Araghchi, arrived in Caracas on Monday.', 'visit IRN>VEN asserted'],
    ['Nicolás Maduro, the president of Venezuela, received the Iranian foreign minister.', 'host_visit VEN>IRN asserted'],
    ['The Iranian foreign minister met Nicolás Maduro, the Venezuelan president, in Caracas.', 'meet IRN>VEN asserted'],
  ])('%s', (sentence, expected) => {
    expect(code(sentence)).toContain(expected)
  })
})

describe('coordination', () => {
  it('codes a coordinated subject of a symmetric event once, for the pair', () => {
    const events = code('Iran and Venezuela signed a cooperation agreement on Tuesday.')
    expect(events).toEqual(['sign_agreement IRN>VEN asserted'])
  })
  it('codes each member of a coordinated subject acting on one target', () => {
    const events = code('Saudi Arabia, Kuwait and the United Arab Emirates pledged aid to Jordan.')
    expect(events).toEqual(['aid SAU>JOR asserted', 'aid KWT>JOR asserted', 'aid ARE>JOR asserted'])
  })
  it('codes one event per coordinated counterpart', () => {
    expect(code('The Chinese foreign minister met the Italian and German leaders in Rome.')).toEqual([
      'meet CHN>ITA asserted',
      'meet CHN>DEU asserted',
    ])
    expect(code('The Pakistani foreign minister made visits to Afghanistan and Iran.')).toEqual([
      'visit PAK>AFG asserted',
      'visit PAK>IRN asserted',
    ])
  })
  it('codes a meeting of three coordinated countries for every pair', () => {
    const events = code('India, Japan and Australia held talks on maritime security.')
    expect(events).toEqual(
      expect.arrayContaining(['meet IND>JPN asserted', 'meet IND>AUS asserted', 'meet JPN>AUS asserted']),
    )
  })
  it('starts a new clause at ", and": the second subject acts alone', () => {
    const events = code('Russia and India signed an arms deal, and India criticized Pakistan.')
    expect(events).toContain('criticize IND>PAK asserted')
    expect(events).not.toContain('criticize RUS>PAK asserted')
  })
})

describe('reported speech', () => {
  it('codes what was reported, with the reported actor as source, and "said ... would" as planned', () => {
    const events = code('The Kremlin said the Indian prime minister would visit Moscow next week.')
    expect(events).toEqual(['visit IND>RUS planned'])
  })
  it('does not make the speaker a side', () => {
    expect(code('The Indian foreign ministry said Prime Minister Modi met President Putin in Kazan.')).toEqual([
      'meet IND>RUS asserted',
    ])
    expect(code('Iranian state media reported that the Venezuelan president had arrived in Tehran.')).toEqual([
      'visit VEN>IRN asserted',
    ])
  })
})

describe('relative clauses', () => {
  it('takes the antecedent as the subject of the relative clause and of the main clause', () => {
    const events = code('The Iranian minister, who arrived in Caracas on Monday, met President Maduro.')
    expect(events).toEqual(expect.arrayContaining(['visit IRN>VEN asserted', 'meet IRN>VEN asserted']))
  })
  it('takes an object followed by "who" as the subject of the relative clause', () => {
    const events = code('Maduro received the Iranian minister, who had arrived from Managua.')
    expect(events).toEqual(expect.arrayContaining(['host_visit VEN>IRN asserted', 'visit IRN>NIC asserted']))
    expect(events).not.toContain('visit VEN>NIC asserted')
  })
  it('does not take the object inside a relative clause as the main subject', () => {
    const events = code('Japan, which hosted the Vietnamese president, criticized China on Tuesday.')
    expect(events).toContain('criticize JPN>CHN asserted')
    expect(events).not.toContain('criticize VNM>CHN asserted')
    expect(code('The envoy who met the Chinese president on Monday criticized Japan.')).not.toContain(
      'criticize CHN>JPN asserted',
    )
  })
  it('finds what a relative clause is about in its antecedent', () => {
    expect(code('The agreement, which Iran signed with Belarus on Monday, covers defence.')).toEqual([
      'sign_agreement IRN>BLR asserted',
    ])
  })
  it('dates the main clause by its own date, not the relative clause’s', () => {
    const events = mentions('Japan, which signed a trade pact with Vietnam in March, criticized China on Tuesday.')
    const criticism = events.find((e) => e.type === 'criticize')
    expect(criticism?.date).toBe('2024-11-19')
  })
})

describe('several events in one sentence', () => {
  it('codes each trigger with its own sides', () => {
    const events = code('The Iranian foreign minister arrived in Caracas on Monday and signed three agreements with Venezuela.')
    expect(events).toEqual(['visit IRN>VEN asserted', 'sign_agreement IRN>VEN asserted'])
  })
  it('does not take the object of the first verb as the subject of the next', () => {
    const events = code('The Turkish president visited Baku on Monday, met President Aliyev and signed five agreements with Azerbaijan.')
    expect(events).toEqual(['visit TUR>AZE asserted', 'meet TUR>AZE asserted', 'sign_agreement TUR>AZE asserted'])
  })
  it('takes the object of the first verb as the subject of a verb it controls', () => {
    const events = code('The Nigerian president thanked the Ghanaian president for visiting Abuja.')
    expect(events).toEqual(expect.arrayContaining(['endorse NGA>GHA asserted', 'visit GHA>NGA asserted']))
  })
  it('codes a hosting and the talks held with the guest', () => {
    const events = code('Cuba hosted the Mexican president, and the two presidents held talks in Havana.')
    expect(events).toEqual(expect.arrayContaining(['host_visit CUB>MEX asserted', 'meet CUB>MEX asserted']))
  })
})

describe('symmetric events', () => {
  it.each([
    ['Venezuela and Iran held talks in Caracas on Monday.', 'meet'],
    ['Kenya and Ethiopia agreed to strengthen cooperation in trade.', 'intent_cooperate'],
    ['Russia and China held joint naval drills in the Sea of Japan.', 'cooperate_military'],
  ])('%s gives one %s event for the pair', (sentence, type) => {
    expect(code(sentence).filter((e) => e.startsWith(`${type} `))).toHaveLength(1)
  })
  it('keeps both directions of a directed event apart', () => {
    const events = code('Iran accused Israel of the attack, and Israel accused Iran of arming militias.')
    expect(events).toEqual(expect.arrayContaining(['criticize IRN>ISR asserted', 'criticize ISR>IRN asserted']))
  })
})

describe('who acts when the subject does not', () => {
  it('takes "the visiting X" as the visitor and the other side as the host', () => {
    expect(code('The Egyptian president held talks with the visiting Sudanese leader.')).toContain('visit SDN>EGY asserted')
  })
  it('keeps "while visiting" a verb of the subject', () => {
    const events = code('The Australian foreign minister, while visiting the Fijian defence ministry, spoke to reporters.')
    expect(events.filter((e) => e.startsWith('visit FJI'))).toEqual([])
  })
  it('takes the guest of "received a warm welcome from" as the target', () => {
    expect(code('The Indonesian president received a warm welcome from Malaysian officials at the airport.')).toContain(
      'host_visit MYS>IDN asserted',
    )
  })
  it('finds the object behind a first list member that names no state', () => {
    expect(code('Beijing imposed sanctions on several members of parliament and Lithuanian officials.')).toContain(
      'sanction CHN>LTU asserted',
    )
  })
  it('does not take "by X" inside the list for the agent of another list member', () => {
    const events = code('Britain welcomed the decision by India and Pakistan to reopen the bus link.')
    expect(events.filter((e) => e.startsWith('host_visit'))).toEqual([])
  })
  it('aims a denunciation of a meeting at the state named in it', () => {
    expect(code("Spain denounced a meeting between Morocco's foreign minister and separatist leaders.")).toContain(
      'criticize ESP>MAR asserted',
    )
  })
  it('reads "told X to" as a demand and "told X that" as speech', () => {
    expect(code('The British minister told Japan to open its telephone market.')).toContain('demand GBR>JPN asserted')
    const speech = code('The Japanese minister told the British envoy that the plan to lift the embargo was worrying.')
    expect(speech.filter((e) => e.startsWith('demand'))).toEqual([])
  })
  it('leaves history out when the sentence names only old dates', () => {
    const events = code('Nine years ago, in 2015, after taking office, the Indian prime minister travelled to Nepal.')
    expect(events.filter((e) => e.startsWith('visit'))).toEqual([])
  })
})

describe('judgements and their speakers', () => {
  it.each([
    // the speaker after a quote judges the actor before the adjective
    ['"We cannot accept that Serbia keeps repeating these acts, which are clearly illegal," the Croatian minister added.', 'criticize HRV>SRB asserted'],
    // the speaker before a verb of judging
    ["Iran's foreign ministry called the US sanctions illegal.", 'criticize IRN>USA asserted'],
    ["The Philippines said China's blockade of the shoal was unlawful.", 'criticize PHL>CHN asserted'],
    // an adjective before the actor judges it
    ['The Belarusian minister said both countries suffer from unjust US sanctions.', 'criticize BLR>USA asserted'],
    // breaking a rule, as the speaker says
    ["Russia said on Friday that North Korea's latest missile test violated UN Security Council resolutions.", 'criticize RUS>PRK asserted'],
  ])('%s', (sentence, expected) => {
    expect(code(sentence)).toContain(expected)
  })
  it('codes no judgement without a speaker (the outlet’s own words)', () => {
    expect(code("China's blockade of the Philippine shoal was illegal.").filter((e) => e.startsWith('criticize'))).toEqual([])
  })
  it('takes the target of the condemnation before for "condemned the launch"', () => {
    const events = code("The UN chief condemned North Korea's missile launch on Friday. Japan also condemned the launch.")
    expect(events).toContain('criticize JPN>PRK asserted')
  })
})

describe('infinitives of purpose', () => {
  it('gives "to meet" the subject of the sentence, not the place visited before it', () => {
    const events = code('The Turkish foreign minister was visiting the U.S. capital during his tour to meet the American president.')
    expect(events).toEqual(expect.arrayContaining(['visit TUR>USA asserted', 'meet TUR>USA asserted']))
  })
  it('aims "to meet" after a joint trip at the place travelled to, not at the fellow traveller', () => {
    const events = code('The Dutch and Belgian prime ministers will travel to Ghana to meet its new government.')
    expect(events).toEqual(expect.arrayContaining(['meet NLD>GHA planned', 'meet BEL>GHA planned']))
    expect(events.filter((e) => e.startsWith('meet NLD>BEL') || e.startsWith('meet BEL>NLD'))).toEqual([])
    // Without a trip the two meet each other.
    expect(code('Iran and Belarus plan to meet in Moscow next month.')).toContain('meet IRN>BLR planned')
  })
  it('keeps the object right before "to" as the one who acts ("invited X to visit")', () => {
    expect(code('The Chinese president invited the Brazilian president to visit Beijing.')).toContain('visit BRA>CHN planned')
  })
})

describe('threats with the counterpart elsewhere in the sentence', () => {
  it('takes the speaker after the quote, not the subject of an opening condition', () => {
    const events = code('"If Serbia keeps provoking us, we stand ready to impose further sanctions," the Croatian president said.')
    expect(events).toContain('threaten HRV>SRB asserted')
    expect(events.filter((e) => e.startsWith('threaten SRB'))).toEqual([])
  })
  it('aims a threat at the other country the sentence names, not at a partner of the subject', () => {
    const arrests = code('Accusing the French of overfishing, Canada said that any boats caught in its waters would be arrested.')
    expect(arrests).toContain('threaten CAN>FRA asserted')
    const partners = code('Asked whether France and the EU would take retaliatory measures, the minister said yes.')
    expect(partners.filter((e) => e.startsWith('threaten'))).toEqual([])
  })
})

describe('a visit "there"', () => {
  it('goes to the country named before, by the owner of "his recent visit"', () => {
    const text =
      'The Dutch foreign minister spoke first. The Belgian foreign minister worried about the role of Congo’s army, more than the Dutch foreign minister did during his recent visit there.'
    expect(code(text)).toContain('visit NLD>COD asserted')
  })
})

describe('groups and participles', () => {
  it('aims at every member of "the three governments" the subject named, after a participle', () => {
    const events = code('Russia expelled diplomats from Poland, Estonia and Latvia, accusing the three governments of spying.')
    expect(events).toEqual(
      expect.arrayContaining(['criticize RUS>POL asserted', 'criticize RUS>EST asserted', 'criticize RUS>LVA asserted']),
    )
  })
  it('lets "It" at the start of a sentence act for the state before', () => {
    const text = 'Russia expelled diplomats from Poland, Estonia and Latvia. It also demanded that the three countries close their consulates.'
    expect(code(text)).toEqual(expect.arrayContaining(['demand RUS>POL asserted', 'demand RUS>LVA asserted']))
  })
})

describe('a trip told from its arrival', () => {
  it('codes the stop before, "from Managua", as a visit of its own', () => {
    expect(code('The Iranian foreign minister landed in Caracas on Thursday from Managua.')).toEqual(
      expect.arrayContaining(['visit IRN>VEN asserted', 'visit IRN>NIC asserted']),
    )
  })
  it('reads "gave X diplomats 72 hours to leave" as a demand on X', () => {
    expect(code('The Peruvian foreign minister gave Venezuelan diplomats 72 hours to leave the country.')).toContain('demand PER>VEN asserted')
  })
})
