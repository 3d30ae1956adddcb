import { meetingVersions } from './data-versions'

/** Structural checks on meeting.json at load: a file that fails is set aside, not trusted. */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function verifyMeetingData(data: unknown): string[] {
  if (!isObject(data)) return ['not an object']
  const problems: string[] = []
  if (data.version !== meetingVersions.current)
    problems.push(`version ${String(data.version)} is not ${meetingVersions.current}`)
  for (const key of ['deputies', 'projects', 'votes', 'proposals'] as const) {
    if (!Array.isArray(data[key])) problems.push(`${key} is not a list`)
  }
  if (!isObject(data.screen)) problems.push('screen missing')
  if (data.meeting !== null) {
    const m = data.meeting
    if (!isObject(m) || typeof m.id !== 'string' || typeof m.title !== 'string')
      problems.push('meeting is malformed')
    else if (!isObject(m.details) || typeof m.rehearsal !== 'boolean')
      problems.push('meeting has no details or rehearsal flag')
    else if (!isObject(m.scrutineers) || !Array.isArray(m.scrutineers.members))
      problems.push('meeting has no scrutineers')
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
    } else if (v.paper === undefined || (v.paper !== null && !isObject(v.paper))) {
      problems.push(`votes[${i}] has no paper record`)
    }
  })
  const deputies = Array.isArray(data.deputies) ? data.deputies : []
  deputies.forEach((d: unknown, i) => {
    if (
      !isObject(d) ||
      typeof d.id !== 'string' ||
      typeof d.credential !== 'string' ||
      typeof d.joinCode !== 'string'
    ) {
      problems.push(`deputies[${i}] is malformed`)
    }
  })
  return problems
}
