import { z } from 'zod'
import { allowedMarks, marks, voteKinds } from './marks'
import type { Mark, VoteKind } from './marks'

/**
 * A vote's rules: one schema used by the console (to configure a vote), the host (to run it) and
 * the ballot box (to tally it). Every rule of a congress's 票决办法 is data here, never a constant
 * in code. See shared/design/voting-rules.md for the contract.
 */

export const voteKindSchema = z.enum(voteKinds)
export type { VoteKind }

export const markSchema = z.enum(marks)
export type { Mark }
export { allowedMarks }

/**
 * A ballot's marks: candidate id → mark, ids as `key` allows. zod 4's z.record skips an own
 * `__proto__` key without a word (it cannot set one on the plain object it builds), so
 * `{"__proto__":"for"}` would read as a blank ballot and be counted as one. Such a key is refused
 * here instead: no candidate may be called that (shared/protocol/ids.ts), and nothing a ballot
 * says may vanish between the wire and the count.
 */
export function marksSchema(key: z.ZodString) {
  return z
    .custom<Record<string, Mark>>((raw) => !hasOwnProto(raw), {
      path: ['__proto__'],
      message: 'unknown candidate (no candidate may be called __proto__)',
    })
    .pipe(z.record(key, markSchema))
}

function hasOwnProto(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && Object.hasOwn(raw, '__proto__')
}

/** Kinds that decide seats (差额/逐项) and therefore need `seats`. */
export const seatedKinds: readonly VoteKind[] = ['select', 'per-item']

export const thresholdBaseSchema = z.enum(['roster', 'present', 'valid'])
export type ThresholdBase = z.infer<typeof thresholdBaseSchema>

export const thresholdSchema = z
  .object({
    base: thresholdBaseSchema,
    numerator: z.number().int().min(1),
    denominator: z.number().int().min(1),
    strict: z.boolean(),
  })
  // A fraction above one whole could never be reached and is surely a typo.
  .refine((t) => t.numerator <= t.denominator, {
    message: 'numerator must not exceed denominator',
    path: ['numerator'],
  })
export type Threshold = z.infer<typeof thresholdSchema>

/** 全体代表过半数: more than half of all seated deputies. */
export const defaultThreshold: Threshold = Object.freeze({
  base: 'roster',
  numerator: 1,
  denominator: 2,
  strict: true,
})

export const tiePolicySchema = z.enum(['runoff', 'include-all'])
export type TiePolicy = z.infer<typeof tiePolicySchema>

export const shortfallPolicySchema = z.enum(['accept-fewer', 'runoff-remaining'])
export type ShortfallPolicy = z.infer<typeof shortfallPolicySchema>

export const timeLimitSchema = z.object({
  seconds: z.number().int().positive(),
  onExpiry: z.enum(['close', 'warn']),
})
export type TimeLimit = z.infer<typeof timeLimitSchema>

const count = z.number().int().min(1)

/**
 * The rules without cross-field checks, so that other schemas (the ballot box's `vote`) can
 * extend it: zod refuses to extend an object that already carries refinements.
 */
export const voteRulesShape = z.object({
  kind: voteKindSchema,
  seats: count.nullable().default(null),
  maxFor: count.nullable().default(null),
  threshold: thresholdSchema.default(() => ({ ...defaultThreshold })),
  tiePolicy: tiePolicySchema.default('runoff'),
  shortfallPolicy: shortfallPolicySchema.default('accept-fewer'),
  /** A deputy may change a submitted ballot while the vote is open. */
  allowChange: z.boolean().default(false),
  timeLimit: timeLimitSchema.nullable().default(null),
  /** When results reach the screen: after the console publishes them, or as soon as it closes. */
  release: z.enum(['on-publish', 'immediate']).default('on-publish'),
  /** 无记名: ballots carry nothing about who cast them. */
  secret: z.boolean().default(true),
})

export interface RulesProblem {
  path: (string | number)[]
  message: string
}

/** Cross-field checks on the rules alone (candidates are checked where they are known). */
export function checkRules(rules: Pick<VoteRules, 'kind' | 'seats' | 'maxFor'>): RulesProblem[] {
  const problems: RulesProblem[] = []
  const seated = seatedKinds.includes(rules.kind)
  if (seated && rules.seats === null) {
    problems.push({ path: ['seats'], message: `required for kind ${rules.kind}` })
  }
  if (!seated && rules.seats !== null) {
    problems.push({ path: ['seats'], message: `must be absent or null for kind ${rules.kind}` })
  }
  // Only a per-item ballot limits its `for` marks by maxFor; a select ballot is limited by seats.
  if (rules.kind !== 'per-item' && rules.maxFor !== null) {
    problems.push({ path: ['maxFor'], message: `only applies to kind per-item` })
  }
  return problems
}

export const voteRulesSchema = voteRulesShape.superRefine((rules, ctx) => {
  for (const p of checkRules(rules))
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message })
})
export type VoteRules = z.infer<typeof voteRulesSchema>
export type VoteRulesInput = z.input<typeof voteRulesSchema>

/**
 * The rules a new vote starts from: 全体代表过半数, run-off on ties, accept fewer on shortfall,
 * secret, no changes, no time limit. `seats` is used only by select/per-item and defaults to 1
 * there, so a console can show a form before the seats are typed in.
 */
export function defaultRules(kind: VoteKind, seats: number | null = null): VoteRules {
  const seated = seatedKinds.includes(kind)
  return {
    kind,
    seats: seated ? (seats ?? 1) : null,
    maxFor: null,
    threshold: { ...defaultThreshold },
    tiePolicy: 'runoff',
    shortfallPolicy: 'accept-fewer',
    allowChange: false,
    timeLimit: null,
    release: 'on-publish',
    secret: true,
  }
}

export const candidateSchema = z.object({
  /** The project's id (shared/protocol/ids.ts). */
  id: z.string().min(1).brand<'ProjectId'>(),
  title: z.string(),
})
export type Candidate = z.infer<typeof candidateSchema>

/** Checks that need both the rules and the candidate list. */
export function checkCandidates(
  rules: Pick<VoteRules, 'kind' | 'seats'>,
  candidates: readonly Pick<Candidate, 'id'>[],
): RulesProblem[] {
  const problems: RulesProblem[] = []
  if (rules.kind === 'motion' && candidates.length !== 1) {
    problems.push({
      path: ['candidates'],
      message: `kind motion needs exactly one candidate (the motion), got ${candidates.length}`,
    })
  } else if (candidates.length === 0) {
    problems.push({ path: ['candidates'], message: 'at least one candidate is required' })
  }
  const seen = new Map<string, number>()
  candidates.forEach((c, i) => {
    const first = seen.get(c.id)
    if (first === undefined) seen.set(c.id, i)
    else
      problems.push({
        path: ['candidates', i, 'id'],
        message: `duplicate id ${c.id} (also candidates[${first}])`,
      })
  })
  if (rules.seats !== null && candidates.length > 0 && rules.seats > candidates.length) {
    problems.push({
      path: ['seats'],
      message: `${rules.seats} seats but only ${candidates.length} candidates`,
    })
  }
  return problems
}

/**
 * A whole vote: its rules, title and candidates (in the order printed on the ballot, which also
 * breaks display ties). This is the `vote` object of a ballot box and what a run-off produces.
 */
export const voteDefinitionShape = voteRulesShape.extend({
  title: z.string(),
  candidates: z.array(candidateSchema),
})

export const voteDefinitionSchema = voteDefinitionShape.superRefine((vote, ctx) => {
  for (const p of [...checkRules(vote), ...checkCandidates(vote, vote.candidates)]) {
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message })
  }
})
export type VoteDefinition = z.infer<typeof voteDefinitionSchema>
export type VoteDefinitionInput = z.input<typeof voteDefinitionSchema>
