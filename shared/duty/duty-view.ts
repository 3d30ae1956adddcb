import type { MeetingId } from '../protocol/ids'
import type { CheckInHow, DutyState, EntryRef, PointsRule } from './duty.schema'
import type { Ambiguity, MatchBasis } from './matching'

/**
 * What the console's 代表履职 view is sent. Attendance only: no field here, nor anywhere in the
 * duty record, says whether or how a deputy voted.
 */

/**
 * Why a meeting of the data folder is left out of the record: a rehearsal (演练), one nobody has
 * checked in to yet (not held), one without a roster, or one whose file cannot be read.
 */
export type MeetingStatus = 'included' | 'rehearsal' | 'not-held' | 'no-roster' | 'unreadable'

export interface DutyMeetingView {
  meetingId: MeetingId
  title: string
  /** The meeting's date (its details, else its first check-in, else its creation), YYYY-MM-DD. */
  date: string
  status: MeetingStatus
  deputies: number
  present: number
  leave: number
  absent: number
}

/** One deputy, across the meetings included. */
export interface DutyPersonRow {
  key: string
  /** 代表编号 (the latest meeting's that has one); '' when none. */
  number: string
  /** As the latest meeting's roster has them. */
  name: string
  delegation: string
  /** Every delegation the rosters gave, oldest first (a renamed one shows both). */
  delegations: string[]
  meetings: number
  present: number
  leave: number
  absent: number
  /** Under the points rule; null when there is none. */
  points: number | null
  basis: MatchBasis
  changed: boolean
  confirmed: boolean
  needsConfirm: boolean
  ambiguous: Ambiguity | null
}

/** One meeting's deputy, as staff see it to decide who is who. */
export interface ReviewEntry {
  ref: EntryRef
  meetingTitle: string
  date: string
  number: string
  name: string
  delegation: string
}

/** A match to confirm: its entries, why they were matched, whether a name or delegation changed. */
export interface ConfirmItem {
  key: string
  basis: MatchBasis
  changed: boolean
  entries: ReviewEntry[]
}

/** Another person this entry may be: staff join the entry to `to` (that person's first entry). */
export interface Candidate {
  key: string
  to: EntryRef
  number: string
  name: string
  delegation: string
  meetingTitles: string[]
}

/** An entry that could not be matched, with the persons it may be. */
export interface AmbiguousItem {
  key: string
  reason: Ambiguity
  entry: ReviewEntry
  candidates: Candidate[]
}

/** A text cell GBK cannot hold (𠮷): named by its CSV row and column, so staff know where. */
export interface GbkProblem {
  row: number
  column: string
  value: string
}

export interface DutyView {
  meetings: DutyMeetingView[]
  persons: DutyPersonRow[]
  delegations: string[]
  review: { confirm: ConfirmItem[]; ambiguous: AmbiguousItem[] }
  pointsRule: PointsRule | null
  /** Why the CSV cannot be written in GBK (then UTF-8 or XLSX): the first few, and how many. */
  gbk: { problems: GbkProblem[]; total: number }
}

/** One deputy at one meeting, on their page and in the export. */
export interface DutyRecordRow extends ReviewEntry {
  state: DutyState
  how: CheckInHow | null
  /** When they checked in, China time: 2027-01-15 08:42. */
  at: string
  reason: string
  points: number | null
}

export interface DutyDeputyPage {
  person: DutyPersonRow
  records: DutyRecordRow[]
  /** Others who may be this deputy (the same name, in none of these meetings). */
  candidates: Candidate[]
  pointsRule: PointsRule | null
}
