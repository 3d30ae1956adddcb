import { isDeepStrictEqual } from 'node:util'
import type { BallotBox, BallotEntry } from '../../../shared/protocol/ballot-box.schema'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { VoteRules } from '../../../shared/protocol/vote-rules.schema'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'
import type { VoteCandidate } from '../../../shared/protocol/vote.schema'
import { tally } from '../../../shared/rules'
import { ballotKey } from '../../host/store/ballot-box/ballot-box.store'

/** Identical ballots are one entry with a count, as the host stores them. */
export function toEntries(marksList: readonly Record<string, Mark>[]): BallotEntry[] {
  const entries = new Map<string, BallotEntry>()
  for (const marks of marksList) {
    const key = ballotKey({ marks })
    const entry = entries.get(key)
    if (entry) entry.count += 1
    else entries.set(key, { count: 1, marks })
  }
  return [...entries.values()]
}

/**
 * Stored versus sent, ballot by ballot (as multisets of content): `lost` acknowledged ballots
 * missing from the box, `duplicated` ballots in the box more often than they were sent at all.
 */
export function compareBoxes(
  stored: readonly BallotEntry[],
  acked: readonly Record<string, Mark>[],
  sent: readonly Record<string, Mark>[],
): { lost: number; duplicated: number } {
  const count = (entries: readonly BallotEntry[]) => {
    const m = new Map<string, number>()
    for (const e of entries) m.set(ballotKey(e), (m.get(ballotKey(e)) ?? 0) + e.count)
    return m
  }
  const inBox = count(stored)
  const ackedBy = count(toEntries(acked))
  const sentBy = count(toEntries(sent))
  let lost = 0
  let duplicated = 0
  for (const key of new Set([...inBox.keys(), ...ackedBy.keys(), ...sentBy.keys()])) {
    const s = inBox.get(key) ?? 0
    lost += Math.max(0, (ackedBy.get(key) ?? 0) - s)
    duplicated += Math.max(0, s - (sentBy.get(key) ?? 0))
  }
  return { lost, duplicated }
}

export interface ResultCheck {
  matches: boolean
  /** `full` when the vote's rules were known (with a staff token); `counts` compares only the counts. */
  compared: 'full' | 'counts'
  expected: VoteResult
  differences: string[]
}

/**
 * The simulator's own tally of what was acknowledged, through the same rules engine, compared
 * with the host's published result. Without the vote's full rules (threshold, ties) only the
 * counts can be compared: who passed depends on rules the tablets are not shown.
 */
export function checkResult(
  host: VoteResult,
  vote: { title: string; candidates: VoteCandidate[]; rules: VoteRules },
  acked: readonly Record<string, Mark>[],
  rulesKnown: boolean,
): ResultCheck {
  const box: BallotBox = {
    format: 'plenary-vote.ballot-box/1',
    vote: { title: vote.title, ...vote.rules, candidates: vote.candidates },
    attendance: {
      roster: host.counts.roster,
      present: host.counts.present,
      issued: host.counts.issued,
    },
    ballots: toEntries(acked),
  }
  const expected = tally(box)
  const differences: string[] = []
  if (rulesKnown) {
    if (!isDeepStrictEqual(expected, host)) differences.push(...diff(expected, host))
  } else {
    differences.push(...diff(expected.counts, host.counts, 'counts'))
    const hostItems = new Map(host.items.map((i) => [i.id, i]))
    for (const item of expected.items) {
      const other = hostItems.get(item.id)
      const pick = (x: object) =>
        Object.fromEntries(
          Object.entries(x).filter(([k]) =>
            ['for', 'against', 'abstain', 'satisfied', 'basic', 'unsatisfied'].includes(k),
          ),
        )
      if (!other) differences.push(`items.${item.id}: missing on the host`)
      else differences.push(...diff(pick(item), pick(other), `items.${item.id}`))
    }
  }
  return {
    matches: differences.length === 0,
    compared: rulesKnown ? 'full' : 'counts',
    expected,
    differences,
  }
}

function diff(a: unknown, b: unknown, path = 'result'): string[] {
  if (isDeepStrictEqual(a, b)) return []
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].flatMap((k) =>
      diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`),
    )
  }
  return [`${path}: simulator ${JSON.stringify(a)}, host ${JSON.stringify(b)}`]
}
