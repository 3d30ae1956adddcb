import { z } from 'zod'
import type { DeputyId, MeetingId } from '../protocol/ids'
import { deputyIdSchema, meetingIdSchema } from '../protocol/ids'

/**
 * 代表履职: each deputy's attendance across the meetings of a data folder, for the office's duty
 * system. Attendance only: nothing here says whether or how a deputy voted in any vote.
 *
 * What duty.json (the data folder's, beside library.json) holds: the staff's decisions on who is
 * who across meetings, and the points rule. The record itself is read from each meeting's
 * meeting.json and audit log whenever it is asked for, never copied.
 */

/** One deputy of one meeting's roster: the record is made of these. */
export interface EntryRef {
  meetingId: MeetingId
  deputyId: DeputyId
}

/**
 * A staff decision on the matching, applied in order over the automatic one:
 * - separate: this meeting's deputy is a person of their own (not the one matched);
 * - join: this meeting's deputy is the same person as the deputy `to` (of another meeting);
 * - confirm: these entries, matched as one person, are one person (staff looked and agree).
 */
export type DutyDecision =
  | { type: 'separate'; entry: EntryRef; at: string }
  | { type: 'join'; entry: EntryRef; to: EntryRef; at: string }
  | { type: 'confirm'; entries: EntryRef[]; at: string }

/** 积分规则: the points a meeting gives for each outcome; staff set it, nothing is hard-coded. */
export interface PointsRule {
  present: number
  leave: number
  absent: number
  setAt: string
}

export interface DutyData {
  version: 1
  decisions: DutyDecision[]
  pointsRule: PointsRule | null
}

export function emptyDuty(): DutyData {
  return { version: 1, decisions: [], pointsRule: null }
}

/** 出席 / 请假 / 缺席 at one meeting (as its roster had it when the record was read). */
export type DutyState = 'present' | 'leave' | 'absent'
export const dutyStates = ['present', 'leave', 'absent'] as const satisfies readonly DutyState[]

/** How a check-in was taken: 扫码 on a tablet, by staff, staff confirming a card opened on
 * leave, or from the paper sign-in sheet. */
export type CheckInHow = 'tablet' | 'staff' | 'staff-confirmed' | 'paper'

/** One deputy's attendance at one meeting. */
export interface AttendanceFact {
  state: DutyState
  /** How and when they checked in (present only); null when the audit log does not say. */
  how: CheckInHow | null
  at: string | null
  /** 请假事由 (on leave only); '' when none was given. */
  reason: string
}

const bilingual = (zh: string, en: string) => `${zh} / ${en}`

export const entryRefSchema = z.strictObject({
  meetingId: meetingIdSchema,
  deputyId: deputyIdSchema,
})

export const dutyJoinInputSchema = z.strictObject({ entry: entryRefSchema, to: entryRefSchema })
export const dutySeparateInputSchema = z.strictObject({ entry: entryRefSchema })
/** Each list the entries staff saw as one person: refused if that is no longer exactly so. */
export const dutyConfirmInputSchema = z.strictObject({
  persons: z.array(z.array(entryRefSchema).min(2).max(200)).min(1).max(5000),
})
export const dutyDeputyInputSchema = z.strictObject({ key: z.string().min(1).max(200) })

const pointsLabels = {
  present: ['出席', 'present'],
  leave: ['请假', 'on leave'],
  absent: ['缺席', 'absent'],
}
const points = (state: DutyState) => {
  const [zh, en] = pointsLabels[state]
  const message = bilingual(
    `${zh}积分须为 −100 到 100 之间的整数`,
    `points for ${en}: a whole number from −100 to 100`,
  )
  return z.number({ message }).int(message).min(-100, message).max(100, message)
}
export const pointsRuleInputSchema = z.strictObject({
  rule: z
    .strictObject({ present: points('present'), leave: points('leave'), absent: points('absent') })
    .nullable(),
})

export type DutyJoinInput = z.infer<typeof dutyJoinInputSchema>
export type DutySeparateInput = z.infer<typeof dutySeparateInputSchema>
export type DutyConfirmInput = z.infer<typeof dutyConfirmInputSchema>
export type PointsRuleInput = z.infer<typeof pointsRuleInputSchema>

/** The key of an entry in maps (ids are the host's own and never hold a newline). */
export function entryKey(e: EntryRef): string {
  return `${e.meetingId}\n${e.deputyId}`
}
