/**
 * zod schemas for the coder's data: dictionaries/patterns/events.yaml, grammar.yaml and
 * dictionaries/cameo/codes.yaml. Defaults live here so the YAML stays short.
 */
import { z } from 'zod'
import { EVENT_TYPES, scopeOf } from '../doc.js'

const words = z.array(z.string().min(1))

export const eventPatternSchema = z.object({
  id: z.string().regex(/^[a-z-]+(\/[a-z-]+)?$/, 'expected kind/name in lower case, e.g. visit/arrive'),
  cameo: z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code such as "042"'),
  triggers: words.min(1),
  target: z.array(z.enum(['object', 'place', 'pair', 'between', 'parties', 'location', 'other', 'host', 'recent', 'origin'])).min(1),
  preps: z.array(z.string()).default(['']),
  place_preps: z.array(z.string()).default(['to', 'in']),
  needs: words.default([]),
  window: z.number().int().min(0).max(30).default(0),
  before: words.default([]),
  only_after: words.default([]),
  unless: words.default([]),
  said_by: words.default([]),
  modality: z.enum(['event', 'statement']).default('event'),
  voice: z.enum(['active', 'passive', 'guest', 'judged', 'breach', 'follows']).default('active'),
})

const sectorCodes = z.enum(['GOV', 'MIL', 'DIP', 'LEG', 'JUD', 'BUS', 'MED', 'COP', 'SPY', 'ELI', 'IGO'])

export const grammarSchema = z.object({
  titles: words,
  actor_nouns: z.partialRecord(sectorCodes, words),
  pronouns: words,
  subject_pronouns: words,
  owner_pronouns: words,
  expletive_verbs: words,
  state_pronouns: words,
  single_office_roles: words,
  institution_words: words,
  pair_phrases: words,
  modality: z.object({
    negated: words,
    hypothetical: words,
    planned: words,
    conditional: words,
    recalled: words,
    reporting: words,
  }),
  clause_breaks: words,
  spans: z.object({ types: z.array(z.enum(EVENT_TYPES)), openers: words, nouns: words, endings: words }),
  post_cues: words,
  relative_pronouns: words,
  parentheticals: words,
  prepositions: words,
  determiners: words,
  name_particles: words,
  sectors: z.record(z.string(), words),
  passive_auxiliaries: words,
  demonym_followers: words,
  non_state_words: words,
  judging_verbs: words,
  trigger_inserts: words,
  counterpart_nouns: words,
  group_nouns: words,
  group_sizes: words,
})

export const cameoSchema = z
  .object({
    code: z.string().regex(/^\d{2,4}$/),
    label: z.string().min(1),
    quad: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    goldstein: z.number().min(-10).max(10),
    type: z.enum(EVENT_TYPES),
    // Stated in the data so a reader of codes.yaml sees what the default output keeps; it must
    // agree with the type's scope (src/doc.ts), which is what the filters use.
    scope: z.enum(['core', 'extended']),
    plover: z.object({ event: z.string(), mode: z.string().nullable() }),
  })
  .superRefine((entry, ctx) => {
    const expected = scopeOf(entry.type)
    if (entry.scope !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['scope'],
        message: `type ${entry.type} is in the ${expected} scope, not ${entry.scope}`,
      })
    }
  })
