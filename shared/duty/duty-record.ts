import { chinaDateTime } from '../i18n/audit-sentence'
import type { MeetingId } from '../protocol/ids'
import type { AttendanceFact, DutyData, DutyState, PointsRule } from './duty.schema'
import { entryKey } from './duty.schema'
import type {
  AmbiguousItem,
  Candidate,
  DutyMeetingView,
  DutyPersonRow,
  DutyRecordRow,
  DutyView,
  MeetingStatus,
  ReviewEntry,
} from './duty-view'
import type { Matching, Person, RosterEntry } from './matching'
import { matchDeputies, namesakes } from './matching'
import { pointsOf } from './points'

/** One meeting of the data folder as the host read it (its roster, each deputy's attendance). */
export interface MeetingSource {
  meetingId: MeetingId
  title: string
  date: string
  /** Orders meetings held on the same day. */
  createdAt: string
  status: MeetingStatus
  entries: (RosterEntry & { fact: AttendanceFact })[]
}

export interface DutyPerson {
  person: Person
  row: DutyPersonRow
  records: DutyRecordRow[]
}

/** The record of every deputy across the meetings included, and how it was matched. */
export interface DutyRecord {
  meetings: DutyMeetingView[]
  matching: Matching
  persons: DutyPerson[]
  byKey: Map<string, DutyPerson>
  pointsRule: PointsRule | null
}

/** The meetings in the order held, the included ones matched, each deputy's rows and counts. */
export function buildDutyRecord(sources: readonly MeetingSource[], duty: DutyData): DutyRecord {
  // The meetings counted in the order held, then those left out (each saying why).
  const ordered = [...sources].sort(
    (a, b) =>
      Number(a.status !== 'included') - Number(b.status !== 'included') ||
      a.date.localeCompare(b.date) ||
      a.createdAt.localeCompare(b.createdAt),
  )
  const included = ordered.filter((m) => m.status === 'included')
  const meetings = ordered.map((m): DutyMeetingView => {
    const count = (s: DutyState) => m.entries.filter((e) => e.fact.state === s).length
    return {
      meetingId: m.meetingId,
      title: m.title,
      date: m.date,
      status: m.status,
      deputies: m.entries.length,
      present: count('present'),
      leave: count('leave'),
      absent: count('absent'),
    }
  })
  const matching = matchDeputies(included, duty.decisions)
  const meetingOf = new Map(included.map((m) => [m.meetingId as string, m]))
  const factOf = new Map(included.flatMap((m) => m.entries.map((e) => [entryKey(e), e.fact])))
  const rule = duty.pointsRule
  const persons = matching.persons.map((person): DutyPerson => {
    const records = person.entries.map((e): DutyRecordRow => {
      const meeting = meetingOf.get(e.meetingId)
      const fact = factOf.get(entryKey(e))!
      return {
        ref: { meetingId: e.meetingId, deputyId: e.deputyId },
        meetingTitle: meeting?.title ?? '',
        date: meeting?.date ?? '',
        number: e.number,
        name: e.name,
        delegation: e.delegation,
        state: fact.state,
        how: fact.how,
        at: fact.at ? chinaDateTime(fact.at) : '',
        reason: fact.reason,
        points: pointsOf(rule, fact.state),
      }
    })
    const count = (s: DutyState) => records.filter((r) => r.state === s).length
    const latest = person.entries.at(-1)!
    const row: DutyPersonRow = {
      key: person.key,
      number: [...person.entries].reverse().find((e) => e.number !== '')?.number ?? '',
      name: latest.name,
      delegation: latest.delegation,
      delegations: [...new Set(person.entries.map((e) => e.delegation))],
      meetings: records.length,
      present: count('present'),
      leave: count('leave'),
      absent: count('absent'),
      points: rule ? records.reduce((sum, r) => sum + (r.points ?? 0), 0) : null,
      basis: person.basis,
      changed: person.changed,
      confirmed: person.confirmed,
      needsConfirm: person.needsConfirm,
      ambiguous: person.ambiguous,
    }
    return { person, row, records }
  })
  return {
    meetings,
    matching,
    persons,
    byKey: new Map(persons.map((p) => [p.person.key, p])),
    pointsRule: rule,
  }
}

function reviewEntry(record: DutyRecordRow): ReviewEntry {
  const { ref, meetingTitle, date, number, name, delegation } = record
  return { ref, meetingTitle, date, number, name, delegation }
}

/** Persons who may be this one, as staff are offered them. */
export function candidatesFor(record: DutyRecord, person: Person): Candidate[] {
  return namesakes(person, record.matching).flatMap((p) => {
    const found = record.byKey.get(p.key)
    const first = p.entries[0]
    if (!found || !first) return []
    return [
      {
        key: p.key,
        to: { meetingId: first.meetingId, deputyId: first.deputyId },
        number: found.row.number,
        name: found.row.name,
        delegation: found.row.delegation,
        meetingTitles: found.records.map((r) => r.meetingTitle),
      },
    ]
  })
}

/** The console's view: every deputy's counts, what staff should look at, the rule. */
export function dutyView(record: DutyRecord, gbk: DutyView['gbk']): DutyView {
  const rows = record.persons.map((p) => p.row)
  const ambiguous = record.persons.flatMap((p): AmbiguousItem[] =>
    p.row.ambiguous && p.records[0]
      ? [
          {
            key: p.row.key,
            reason: p.row.ambiguous,
            entry: reviewEntry(p.records[0]),
            candidates: candidatesFor(record, p.person),
          },
        ]
      : [],
  )
  return {
    meetings: record.meetings,
    persons: rows,
    delegations: [...new Set(rows.map((r) => r.delegation))],
    review: {
      confirm: record.persons
        .filter((p) => p.row.needsConfirm)
        .map((p) => ({
          key: p.row.key,
          basis: p.row.basis,
          changed: p.row.changed,
          entries: p.records.map(reviewEntry),
        })),
      ambiguous,
    },
    pointsRule: record.pointsRule,
    gbk,
  }
}
