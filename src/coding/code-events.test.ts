import { beforeAll, describe, expect, it } from 'vitest'
import { processArticle } from '../pipeline.js'
import { loadResources, type Resources } from '../resources.js'
import { makeArticle } from '../../test/helpers/make-article.js'

let resources: Resources
beforeAll(async () => {
  resources = await loadResources()
})

/** Code one text and summarise its events as 'type SRC>TGT date modality'. */
function code(text: string, published: string | null = '2024-11-20'): string[] {
  const doc = processArticle(makeArticle(text, published), resources)
  return (doc.eventMentions ?? []).map(
    (e) => `${e.type} ${e.source.country}>${e.target?.country ?? '-'} ${e.date ?? '-'} ${e.modality}`,
  )
}

// Sentences written for these tests; 2024-11-20 is a Wednesday. A sentence that names no day
// gives no date: the publication day is not the event's.
describe('code-events: one event per construction', () => {
  it.each([
    // visits
    ['The Iranian foreign minister arrived in Caracas on Monday.', 'visit IRN>VEN 2024-11-18 asserted'],
    ['Brazil’s president paid a state visit to Japan last week.', 'visit BRA>JPN - asserted'],
    ['The Turkish defence minister visited Baku on Tuesday.', 'visit TUR>AZE 2024-11-19 asserted'],
    // hosting, passive agent
    ['Venezuela’s president received the Iranian foreign minister at the presidential palace.', 'host_visit VEN>IRN - asserted'],
    ['Kenya’s president will welcome the Ethiopian prime minister on Monday.', 'host_visit KEN>ETH 2024-11-25 planned'],
    // meetings: object, coordinated subject, noun with "with"
    ['The French foreign minister met his Indian counterpart on Wednesday.', 'meet FRA>IND 2024-11-20 asserted'],
    ['Kenya and Ethiopia held talks on border security.', 'meet KEN>ETH - asserted'],
    // agreements
    ['Iran and Belarus signed a memorandum on defence cooperation.', 'sign_agreement IRN>BLR - asserted'],
    // conflictual
    ['China condemned the Philippines for the collision at sea.', 'criticize CHN>PHL - asserted'],
    ['The United States imposed sanctions on Belarus yesterday.', 'sanction USA>BLR 2024-11-19 asserted'],
    ['France protested to Canada over the fishing ban.', 'protest FRA>CAN - asserted'],
    ['Pakistan recalled its ambassador from Afghanistan on Sunday.', 'protest PAK>AFG 2024-11-17 asserted'],
  ])('%s', (sentence, expected) => {
    expect(code(sentence)).toContain(expected)
  })
})

describe('code-events: modality', () => {
  it.each([
    ['The Iranian defence minister will visit Minsk on Friday.', 'visit IRN>BLR 2024-11-22 planned'],
    ['The Iranian defence minister is scheduled to visit Minsk.', 'visit IRN>BLR - planned'],
    ['Iran did not sign the agreement with Belarus.', 'sign_agreement IRN>BLR - negated'],
    ['The Iranian president could visit Moscow soon.', 'visit IRN>RUS - hypothetical'],
  ])('%s', (sentence, expected) => {
    expect(code(sentence)).toContain(expected)
  })
})

describe('code-events: no event', () => {
  it.each([
    ['Iranian oil exports rose in October.'],
    ['Japan beat China two goals to one in the qualifier.'],
    ['The ministry published its annual report.'],
  ])('%s', (sentence) => {
    expect(code(sentence)).toEqual([])
  })
})

describe('code-events: evidence and dates', () => {
  it('dates an undated statement by the last day the article named', () => {
    const text = 'Iran and Belarus signed a memorandum on Monday.\nThe Iranian minister also met the Belarusian president.'
    expect(code(text)).toContain('meet IRN>BLR 2024-11-18 asserted')
  })
  it('does not code the headline, only the body', () => {
    const doc = processArticle({ ...makeArticle('Iran and Belarus sign pact\n\nThe weather was mild.', '2024-11-20'), title: 'Iran and Belarus sign pact' }, resources)
    expect(doc.eventMentions).toEqual([])
  })
  it('points the evidence span at the sentence as written', () => {
    const text = 'A headline\n\nThe Iranian foreign minister arrived in Caracas on Monday.'
    const doc = processArticle(makeArticle(text, '2024-11-20'), resources)
    const e = doc.eventMentions?.[0]
    expect(e).toBeDefined()
    expect(text.slice(e!.span[0], e!.span[1])).toBe(e!.evidence)
    expect(e!.location?.name).toBe('Caracas')
  })
  it('takes an event dated only by a year for history when the article has no date', () => {
    expect(code('The EU imposed an arms embargo on Myanmar in 1991.', null)).toEqual([])
    expect(code('The EU imposed an arms embargo on Myanmar in 1991.', '1991-06-01')).toContain('sanction EU>MMR 1991-01-01 asserted')
  })
  it('places a visit only in the country visited', () => {
    const text = 'After his trip to Bolivia, Peru’s President Dina Boluarte arrived in Santiago on Monday.'
    const doc = processArticle(makeArticle(text, '2024-11-20'), resources)
    const placeOf = (target: string) => doc.eventMentions?.find((e) => e.type === 'visit' && e.target?.country === target)?.location?.name ?? null
    expect(placeOf('CHL')).toBe('Santiago')
    expect(placeOf('BOL')).toBeNull()
  })
  it('leaves relative dates empty when the article has no date', () => {
    expect(code('The Iranian foreign minister arrived in Caracas on Monday.', null)).toContain('visit IRN>VEN - asserted')
  })
  it('does not code a Spanish sentence', () => {
    expect(code('El canciller iraní se reunió con el presidente de Venezuela en Caracas el viernes pasado.')).toEqual([])
  })
})

// An article written for this test: two leaders expected in Kenya, one named later by the last
// word of his name as written, the other arriving with no place in the sentence.
describe('code-events: arrivals announced without a place', () => {
  const article = [
    'Ethiopian Prime Minister Abiy Ahmed Ali and the President of Rwanda Paul Kagame are expected in Kenya for official visits, the presidency said.',
    'Ali is lined up to arrive on Sunday for his first foreign visit this year.',
    'He will be received officially at State House, Nairobi where he will hold talks with President William Ruto.',
    'Kagame, for his part, is scheduled to arrive on Wednesday.',
  ].join('\n\n')

  it('sends them to the country the article is set in, as planned visits', () => {
    const events = code(article, '2024-05-03')
    expect(events).toContain('visit ETH>KEN 2024-05-05 planned')
    expect(events).toContain('host_visit KEN>ETH - planned')
    expect(events).toContain('visit RWA>KEN 2024-05-08 planned')
  })

  it('has no destination to give when no country stands out', () => {
    expect(code('The minister is scheduled to arrive on Wednesday.', '2024-05-03').filter((e) => e.startsWith('visit'))).toEqual([])
  })
})

describe('code-events: sanctions that were not imposed', () => {
  it.each([
    'Britain vetoed a Security Council resolution to impose sanctions on South Africa.',
    'The foreign secretary defended plans to end the European Union’s arms embargo on China.',
  ])('%s', (sentence) => {
    expect(code(sentence).filter((e) => e.startsWith('sanction') && e.endsWith('asserted'))).toEqual([])
  })
})

describe('code-events: the day a story goes on with', () => {
  it('carries a past day over an announcement of what is still to come', () => {
    const text =
      'The Kenyan president met the Ugandan president on Monday. The award ceremony will take place today, on November 20. ' +
      'The two presidents also signed a trade agreement.'
    expect(code(text)).toContain('sign_agreement KEN>UGA 2024-11-18 asserted')
  })
  it('lets a pair act from before the comma when no one is named after it', () => {
    const text = 'Kenya and Uganda held talks on Monday. They noted the importance of deepening bilateral cooperation, in trade above all.'
    expect(code(text)).toContain('intent_cooperate KEN>UGA 2024-11-18 asserted')
  })
})

// Dates only where the text fixes the event's day (2024-11-20 is a Wednesday).
describe('code-events: which day an event takes', () => {
  it('gives a lead that names no day the day the next sentence names', () => {
    const text =
      'The Chilean foreign minister has called for a significant expansion of cooperation with Peru.\nSpeaking in Lima on Tuesday, he praised the new trade route.'
    expect(code(text)).toContain('intent_cooperate CHL>PER 2024-11-19 asserted')
  })
  it('does not take the dateline’s day for the event, but does take "today"', () => {
    expect(code('PARIS, Nov 20 - France protested to Canada over the fishing ban.')).toContain('protest FRA>CAN - asserted')
    expect(code('PARIS, Nov 20 - France today protested to Canada over the fishing ban.')).toContain('protest FRA>CAN 2024-11-20 asserted')
  })
  it('does not carry an earlier day to a visit, which lasts days', () => {
    const text = 'Chile and Peru signed a fisheries accord on Monday.\nThe Peruvian minister later arrived in Santiago after visits to Bolivia and Ecuador.'
    const events = code(text)
    expect(events).toContain('visit PER>BOL - asserted')
    expect(events).toContain('visit PER>ECU - asserted')
  })
  it('keeps the day of the main clause out of an opening phrase', () => {
    const events = code('After his trip to Bolivia, Peru’s President Dina Boluarte arrived in Santiago on Monday.')
    expect(events).toContain('visit PER>CHL 2024-11-18 asserted')
    expect(events).toContain('visit PER>BOL - asserted')
  })
  it('does not date a visit by the day it ends', () => {
    expect(code('The Chilean president concludes his state visit to Peru today with a speech to Congress.')).toContain('visit CHL>PER - asserted')
  })
  it('does not carry an earlier day to an event told inside a visit', () => {
    const text = 'Peru’s President Dina Boluarte arrived in Santiago on Monday.\nDuring her stay, Boluarte also met with the Argentine foreign minister.'
    expect(code(text)).toContain('meet PER>ARG - asserted')
  })
  it('dates what a sentence reports of an embedded post by the post’s signature', () => {
    const text = [
      'The Chilean president met the Peruvian president on Thursday.',
      'On Twitter, the Chilean president wrote that relations with Peru will continue to strengthen.',
      'Nuestras relaciones seguirán fortaleciéndose para beneficio de ambos pueblos.',
      '— Gabriel Boric (@GabrielBoric) November 16, 2024',
    ].join('\n\n')
    expect(code(text)).toContain('intent_cooperate CHL>PER 2024-11-16 asserted')
  })
  it('dates a planned event by its own day, not by the day it was announced', () => {
    expect(code('The Chilean president is set to visit Peru this week, a spokesman said on Monday.')).toContain('visit CHL>PER - planned')
  })
})

describe('code-events: a quote said by "it"', () => {
  it('takes the speaker from the last state that spoke, not a state named inside a quote', () => {
    const text =
      'Chile condemned the missile test. "Peru and its partners must stop," the statement said. "We call upon Peru to halt all testing," it said.'
    expect(code(text)).toContain('demand CHL>PER - asserted')
  })
})

describe('code-events: a reception is a visit', () => {
  it('codes the guest’s visit to the host on the day of the reception', () => {
    const events = code('The Chilean president on Monday received Peru’s new President Dina Boluarte at La Moneda.')
    expect(events).toContain('host_visit CHL>PER 2024-11-18 asserted')
    expect(events).toContain('visit PER>CHL 2024-11-18 asserted')
  })
  it('codes a planned hosting with the plain verb: "will host"', () => {
    const events = code('India will host the Japanese prime minister next week.')
    expect(events).toContain('host_visit IND>JPN - planned')
    expect(events).toContain('visit JPN>IND - planned')
  })
  it('does not take a guest of the host’s own country', () => {
    // The bare "the President" is read back as the host's own president.
    const text = 'President Ruto will welcome the President of the Horn of Africa state of Djibouti on a state visit.'
    expect(code(text).filter((e) => e.startsWith('visit KEN'))).toEqual([])
  })
  it('does not take the host of a passive welcome for the guest', () => {
    const events = code('The Peruvian minister was welcomed at Santiago airport by Chilean officials on Monday.')
    expect(events.filter((e) => e.startsWith('visit CHL'))).toEqual([])
  })
})

describe('code-events: a day inside the trigger, in news style', () => {
  it.each([
    ['Brazil and Argentina promised Tuesday to reduce trade barriers.', 'intent_cooperate BRA>ARG 2024-11-19 asserted'],
    ['The Chilean president held talks Monday with the Peruvian president.', 'meet CHL>PER 2024-11-18 asserted'],
  ])('%s', (sentence, expected) => {
    expect(code(sentence)).toContain(expected)
  })
  it('does not let a day start or end a trigger', () => {
    expect(code('The Chilean president held talks Monday.').filter((e) => e.startsWith('meet'))).toEqual([])
  })
})

describe('code-events: intent in a metaphor', () => {
  it('reads "emphasized the strengthening of projects" as intent', () => {
    expect(code('Cuba and Vietnam emphasized the strengthening of joint projects.').some((e) => e.startsWith('intent_cooperate CUB>VNM'))).toBe(true)
  })
  it('reads "to push for a new phase of co-operation", quoted, as intent', () => {
    const text = 'The Saudi crown prince met the Jordanian king. Reports quoted the Saudi crown prince as saying the goal was to "push for a new phase of co-operation" between the countries.'
    expect(code(text).some((e) => e.startsWith('intent_cooperate SAU>JOR'))).toBe(true)
  })
  it('reads "taking our ties to new heights", said by someone, as intent to cooperate', () => {
    const text = 'The Indian prime minister met the Nepalese prime minister. The Indian prime minister said: "We will take our bilateral ties to new heights."'
    expect(code(text).filter((e) => e.startsWith('intent_cooperate IND>NPL'))).toHaveLength(1)
  })
})

describe('code-events: the stop before an arrival', () => {
  it('gives the landing its day and the stop before none', () => {
    const events = code('The Iranian foreign minister landed in Caracas on Monday from Managua.')
    expect(events).toEqual(expect.arrayContaining(['visit IRN>VEN 2024-11-18 asserted', 'visit IRN>NIC - asserted']))
  })
})
