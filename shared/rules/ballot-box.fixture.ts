import type { BallotBox, BallotBoxInput } from '../protocol/ballot-box.schema'
import type { Mark, VoteRulesInput } from '../protocol/vote-rules.schema'
import { readBallotBox } from './read-ballot-box'

/** [count, marks, spoiled?] — short enough that a test table stays readable. */
export type EntryRow = [number, Record<string, Mark>, boolean?]

export interface BoxSpec extends Partial<Omit<VoteRulesInput, 'kind'>> {
  kind: VoteRulesInput['kind']
  /** Candidate ids, in ballot order. */
  candidates: string[]
  roster: number
  present?: number
  issued?: number
  ballots: EntryRow[]
}

/** The raw JSON of a ballot box, for reader tests and CLI fixtures. */
export function rawBox(spec: BoxSpec): BallotBoxInput {
  const { candidates, roster, present, issued, ballots, ...rules } = spec
  return {
    format: 'plenary-vote.ballot-box/1',
    vote: {
      title: 'test vote',
      ...rules,
      candidates: candidates.map((id) => ({ id, title: `project ${id}` })),
    },
    attendance: { roster, present: present ?? roster, ...(issued === undefined ? {} : { issued }) },
    ballots: ballots.map(([count, marks, spoiled]) => ({
      count,
      marks,
      ...(spoiled === undefined ? {} : { spoiled }),
    })),
  }
}

/** A ballot box for tests, built through the real reader so defaults apply as in production. */
export function makeBox(spec: BoxSpec): BallotBox {
  const read = readBallotBox(rawBox(spec))
  if (!read.ok) throw new Error(`bad test box:\n${read.problems.join('\n')}`)
  return read.box
}

/** `n` ballots marking `for` on each listed candidate. */
export function forEach(count: number, ...ids: string[]): EntryRow {
  return [count, Object.fromEntries(ids.map((id) => [id, 'for' as const]))]
}
