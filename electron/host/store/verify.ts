import { ballotKey, contentRef } from './ballot-key'
import { meetingVersions } from './data-versions'
import type { OpenBoxData } from './box-data'

/** Structural checks on the data files at load: a file that fails is set aside, not trusted. */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function verifyMeetingData(data: unknown): string[] {
  if (!isObject(data)) return ['not an object']
  const problems: string[] = []
  if (data.version !== meetingVersions.current)
    problems.push(`version ${String(data.version)} is not ${meetingVersions.current}`)
  for (const key of ['deputies', 'projects', 'votes'] as const) {
    if (!Array.isArray(data[key])) problems.push(`${key} is not a list`)
  }
  if (!isObject(data.screen)) problems.push('screen missing')
  if (data.meeting !== null) {
    const m = data.meeting
    if (!isObject(m) || typeof m.id !== 'string' || typeof m.title !== 'string')
      problems.push('meeting is malformed')
    else if (!isObject(m.details) || typeof m.rehearsal !== 'boolean')
      problems.push('meeting has no details or rehearsal flag')
  }
  const votes = Array.isArray(data.votes) ? data.votes : []
  votes.forEach((v: unknown, i) => {
    if (
      !isObject(v) ||
      typeof v.id !== 'string' ||
      typeof v.status !== 'string' ||
      !isObject(v.rules)
    ) {
      problems.push(`votes[${i}] is malformed`)
    }
  })
  const deputies = Array.isArray(data.deputies) ? data.deputies : []
  deputies.forEach((d: unknown, i) => {
    if (!isObject(d) || typeof d.id !== 'string' || typeof d.credential !== 'string') {
      problems.push(`deputies[${i}] is malformed`)
    }
  })
  return problems
}

/**
 * A sealed ballot box must add up: one ballot per deputy who voted, voters a sorted set, and
 * (version 2) one received ballot id's hash per voter, a sorted set of its own, keyed by no one.
 * Version 1, written before 2026-12, kept each deputy's receipt and commitment: still read, so
 * the store can rewrite it as version 2.
 */
export function verifyBallotBoxFile(voteId: string) {
  return (data: unknown): string[] => {
    if (!isObject(data)) return ['not an object']
    const problems: string[] = []
    if (data.version !== 1 && data.version !== 2)
      problems.push(`version ${String(data.version)} is not 1 or 2`)
    if (data.voteId !== voteId) problems.push(`voteId ${String(data.voteId)} is not ${voteId}`)
    const ballots = Array.isArray(data.ballots) ? data.ballots : null
    const voted = Array.isArray(data.voted) ? data.voted : null
    if (!ballots || !voted) return [...problems, 'ballots or voted missing']
    const total = countBallots(ballots, problems)
    if (total !== voted.length) problems.push(`${total} ballots but ${voted.length} voters`)
    if (!isSortedSet(voted)) problems.push('voters are not a sorted set')
    if (data.version === 2) {
      const received = Array.isArray(data.received) ? data.received : null
      if (!received || !isSorted(received) || received.length !== voted.length)
        problems.push('received is not a sorted list of one ballot id hash per voter')
      return problems
    }
    const receipts = isObject(data.receipts) ? data.receipts : null
    const commitments = isObject(data.commitments) ? data.commitments : null
    if (!receipts || !commitments) return [...problems, 'receipts or commitments missing']
    for (const [name, map] of [
      ['receipts', receipts],
      ['commitments', commitments],
    ] as const) {
      const keys = Object.keys(map).sort()
      if (keys.length !== voted.length || keys.some((k, i) => k !== voted[i])) {
        problems.push(`${name} do not match voters`)
      }
    }
    return problems
  }
}

/**
 * An open box (its newest slot) must add up: each voter names a content, and each content has
 * as many ballots as voters naming it.
 */
export function verifyOpenBox(data: OpenBoxData): string[] {
  const problems: string[] = []
  const total = countBallots(data.ballots, problems)
  if (problems.length > 0) return problems
  if (total !== data.voters.length)
    problems.push(`${total} ballots but ${data.voters.length} voters`)
  const named = new Map<string, number>()
  for (const voter of data.voters as unknown[]) {
    if (!Array.isArray(voter) || voter.length !== 3 || !voter.every((v) => typeof v === 'string'))
      return [...problems, 'a voter is malformed']
    const ref = voter[2] as string
    named.set(ref, (named.get(ref) ?? 0) + 1)
  }
  if (!isSortedSet(data.voters.map(([id]) => id))) problems.push('a deputy voted twice')
  for (const entry of data.ballots) {
    const ref = contentRef(ballotKey(entry))
    if (named.get(ref) !== entry.count) problems.push('a ballot’s count is not its voters’')
    named.delete(ref)
  }
  if (named.size > 0) problems.push('a voter names no ballot')
  return problems
}

function countBallots(ballots: unknown[], problems: string[]): number {
  let total = 0
  ballots.forEach((b: unknown, i) => {
    if (!isObject(b) || !Number.isInteger(b.count) || (b.count as number) < 1 || !isObject(b.marks))
      problems.push(`ballots[${i}] is malformed`)
    else total += b.count as number
  })
  return total
}

/** Ballot ids are the tablets' own: two tablets could send the same one. */
function isSorted(values: unknown[]): boolean {
  return values.every(
    (v, i) => typeof v === 'string' && (i === 0 || (values[i - 1] as string) <= v),
  )
}

function isSortedSet(values: unknown[]): boolean {
  return values.every((v, i) => typeof v === 'string' && (i === 0 || (values[i - 1] as string) < v))
}
