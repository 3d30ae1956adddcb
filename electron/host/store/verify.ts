/** Structural checks on the data files at load: a file that fails is set aside, not trusted. */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function verifyMeetingData(data: unknown): string[] {
  if (!isObject(data)) return ['not an object']
  const problems: string[] = []
  if (data.version !== 1) problems.push(`version ${String(data.version)} is not 1`)
  for (const key of ['deputies', 'projects', 'votes'] as const) {
    if (!Array.isArray(data[key])) problems.push(`${key} is not a list`)
  }
  if (!isObject(data.screen)) problems.push('screen missing')
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

/** A ballot box must add up: one ballot per deputy who voted, voters sorted and unique. */
export function verifyBallotBoxFile(voteId: string) {
  return (data: unknown): string[] => {
    if (!isObject(data)) return ['not an object']
    const problems: string[] = []
    if (data.version !== 1) problems.push(`version ${String(data.version)} is not 1`)
    if (data.voteId !== voteId) problems.push(`voteId ${String(data.voteId)} is not ${voteId}`)
    const ballots = Array.isArray(data.ballots) ? data.ballots : null
    const voted = Array.isArray(data.voted) ? data.voted : null
    const receipts = isObject(data.receipts) ? data.receipts : null
    const commitments = isObject(data.commitments) ? data.commitments : null
    if (!ballots || !voted || !receipts || !commitments) {
      return [...problems, 'ballots, voted, receipts or commitments missing']
    }
    let total = 0
    ballots.forEach((b: unknown, i) => {
      if (
        !isObject(b) ||
        !Number.isInteger(b.count) ||
        (b.count as number) < 1 ||
        !isObject(b.marks)
      ) {
        problems.push(`ballots[${i}] is malformed`)
      } else total += b.count as number
    })
    if (total !== voted.length) problems.push(`${total} ballots but ${voted.length} voters`)
    const sorted = [...new Set(voted.map(String))].sort()
    if (sorted.length !== voted.length || sorted.some((id, i) => id !== voted[i])) {
      problems.push('voters are not a sorted set')
    }
    for (const [name, map] of [
      ['receipts', receipts],
      ['commitments', commitments],
    ] as const) {
      const keys = Object.keys(map).sort()
      if (keys.length !== sorted.length || keys.some((k, i) => k !== sorted[i])) {
        problems.push(`${name} do not match voters`)
      }
    }
    return problems
  }
}
