import { z } from 'zod'
import type { BallotBox, BallotEntry } from '../protocol/ballot-box.schema'
import {
  BALLOT_BOX_FORMAT,
  attendanceSchema,
  ballotEntrySchema,
  checkAttendance,
  checkBallotEntry,
  checkBallotTotal,
} from '../protocol/ballot-box.schema'
import type { VoteDefinition, VoteKind } from '../protocol/vote-rules.schema'
import {
  candidateSchema,
  checkCandidates,
  checkRules,
  voteDefinitionShape,
  voteRulesShape,
} from '../protocol/vote-rules.schema'
import type { Problem } from './json-path'
import { formatProblem } from './json-path'

export type ReadBallotBoxResult = { ok: true; box: BallotBox } | { ok: false; problems: string[] }

/** Enough to fix a file by hand; a box with 100k broken entries should not flood the terminal. */
export const MAX_PROBLEMS = 50

/** Missing fields read "required" rather than zod's "expected number, received undefined". */
const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined

function parse<T>(
  schema: z.ZodType<T>,
  value: unknown,
  at: (string | number)[],
  problems: Problem[],
): T | undefined {
  const r = schema.safeParse(value, { error: errorMap })
  if (r.success) return r.data
  for (const issue of r.error.issues) {
    problems.push({ path: [...at, ...issue.path], message: issue.message })
  }
  return undefined
}

function prefixed(at: (string | number)[], ps: readonly Problem[]): Problem[] {
  return ps.map((p) => ({ path: [...at, ...p.path], message: p.message }))
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Reads plenary-vote.ballot-box/1 from parsed JSON: zod for the shape, then the checks that need
 * several fields at once (unknown candidate, mark not allowed for the kind, seats for the kind,
 * one motion, duplicate ids, attendance). Parts are parsed separately so that one bad field does
 * not hide the problems elsewhere; every problem names its JSON path, e.g.
 * `ballots[3].marks.P99: unknown candidate`. Unknown fields are ignored.
 */
export function readBallotBox(json: unknown): ReadBallotBoxResult {
  if (!isRecord(json)) return { ok: false, problems: ['(root): expected a JSON object'] }
  const problems: Problem[] = []

  if (json.format !== BALLOT_BOX_FORMAT) {
    const got = json.format === undefined ? 'required' : `got ${JSON.stringify(json.format)}`
    problems.push({ path: ['format'], message: `expected "${BALLOT_BOX_FORMAT}" (${got})` })
  }
  const vote = readVote(json.vote, problems)
  const attendance = parse(attendanceSchema, json.attendance, ['attendance'], problems)
  if (attendance) problems.push(...prefixed(['attendance'], checkAttendance(attendance)))
  const ballots = readBallots(json.ballots, vote.marking, problems)

  if (problems.length > 0 || !vote.definition || !attendance || !ballots) {
    const lines = problems.slice(0, MAX_PROBLEMS).map(formatProblem)
    if (problems.length > MAX_PROBLEMS) {
      lines.push(`(and ${problems.length - MAX_PROBLEMS} more problems)`)
    }
    return { ok: false, problems: lines }
  }
  return {
    ok: true,
    box: { format: BALLOT_BOX_FORMAT, vote: vote.definition, attendance, ballots },
  }
}

const kindAndLimits = voteRulesShape.pick({ kind: true, seats: true, maxFor: true })
// Ids are all the cross-field checks need, so a candidate missing its title still gets checked.
const candidateList = z.array(candidateSchema.pick({ id: true }))

/** What the ballots are checked against; known even when other vote fields are broken. */
interface Marking {
  kind: VoteKind
  ids: ReadonlySet<string>
}

/**
 * The cross-field checks run on whatever parts of `vote` did parse, so that a missing title does
 * not hide a missing seats count or a ballot marking an unknown candidate.
 */
function readVote(
  raw: unknown,
  problems: Problem[],
): { definition: VoteDefinition | undefined; marking: Marking | undefined } {
  const before = problems.length
  const definition = parse(voteDefinitionShape, raw, ['vote'], problems)
  const fields = isRecord(raw) ? raw : {}
  const rules = definition ?? kindAndLimits.safeParse(fields).data
  const candidates = definition?.candidates ?? candidateList.safeParse(fields.candidates).data
  if (rules) problems.push(...prefixed(['vote'], checkRules(rules)))
  if (rules && candidates) problems.push(...prefixed(['vote'], checkCandidates(rules, candidates)))
  const marking: Marking | undefined =
    rules && candidates
      ? { kind: rules.kind, ids: new Set(candidates.map((c) => c.id)) }
      : undefined
  const sound = definition !== undefined && problems.length === before
  return { definition: sound ? definition : undefined, marking }
}

function readBallots(
  raw: unknown,
  marking: Marking | undefined,
  problems: Problem[],
): BallotEntry[] | undefined {
  if (!Array.isArray(raw)) {
    const message = raw === undefined ? 'required' : 'expected an array'
    problems.push({ path: ['ballots'], message })
    return undefined
  }
  const ballots: BallotEntry[] = []
  raw.forEach((item: unknown, i) => {
    const entry = parse(ballotEntrySchema, item, ['ballots', i], problems)
    if (entry === undefined) return
    ballots.push(entry)
    if (marking) {
      problems.push(...prefixed(['ballots', i], checkBallotEntry(entry, marking, marking.ids)))
    }
  })
  problems.push(...prefixed(['ballots'], checkBallotTotal(ballots)))
  return ballots
}
