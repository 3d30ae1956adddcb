import { z } from 'zod'
import { deputyIdSchema } from './ids'

/** 报到 state of one deputy: 缺席 (not checked in), 实到, 请假 (excused). */
export const attendanceStates = ['absent', 'present', 'leave'] as const
export type AttendanceState = (typeof attendanceStates)[number]

/** How staff took a check-in: at the desk (by name, seat or delegation), or from the paper
 * sign-in sheet (纸质签到) entered afterwards. A tablet's own check-in is the host's to record. */
export const staffCheckInWays = ['staff', 'paper'] as const
export type StaffCheckInWay = (typeof staffCheckInWays)[number]

/** 请假事由: optional, kept in the audit log with the leave (代表履职 shows it). */
export const leaveReasonMax = 200

/**
 * Staff set the attendance of one or more deputies, or of a whole delegation (代表团) at once.
 * Exactly one of `deputyIds` and `delegation` is given. A check-in may say it came from the paper
 * sheet (`via: 'paper'`); a leave may carry its reason.
 */
export const attendanceSetInputSchema = z
  .object({
    deputyIds: z.array(deputyIdSchema).min(1).max(5000).optional(),
    delegation: z.string().trim().min(1).max(200).optional(),
    state: z.enum(attendanceStates),
    via: z.enum(staffCheckInWays).optional(),
    reason: z
      .string()
      .trim()
      .max(
        leaveReasonMax,
        `请假事由不能超过 ${leaveReasonMax} 字 / the reason for leave: at most ${leaveReasonMax} characters`,
      )
      .optional(),
  })
  .refine((i) => (i.deputyIds === undefined) !== (i.delegation === undefined), {
    message: 'give either deputyIds or delegation',
    path: ['deputyIds'],
  })
  .refine((i) => i.via === undefined || i.state === 'present', {
    message: '只有报到可以注明签到方式 / only a check-in says how it was taken',
    path: ['via'],
  })
  .refine((i) => i.reason === undefined || i.reason === '' || i.state === 'leave', {
    message: '只有请假可以填写事由 / only a leave has a reason',
    path: ['reason'],
  })
export type AttendanceSetInput = z.input<typeof attendanceSetInputSchema>

/**
 * Staff confirm the check-in of a deputy marked 请假 who opened their card on a tablet: a leave
 * is the staff's record, so a tablet alone does not overturn it.
 */
export const attendanceConfirmInputSchema = z.object({ deputyId: deputyIdSchema })
export type AttendanceConfirmInput = z.infer<typeof attendanceConfirmInputSchema>

/**
 * The quorum (法定人数) of a meeting: present·denominator ≥ roster·numerator, integer arithmetic.
 * numerator 0 means no quorum is required (a rehearsal).
 */
export const quorumRuleSchema = z
  .object({
    numerator: z.number().int().min(0).max(1000),
    denominator: z.number().int().min(1).max(1000),
  })
  .refine((q) => q.numerator <= q.denominator, {
    message: 'numerator must not exceed denominator',
    path: ['numerator'],
  })
export type QuorumRule = z.infer<typeof quorumRuleSchema>

/** 全体代表三分之二以上出席. */
export const defaultQuorum: QuorumRule = Object.freeze({ numerator: 2, denominator: 3 })

/** The fewest present deputies that make a quorum: ceil(roster·n/d) in integers. */
export function quorumNeeded(roster: number, rule: QuorumRule): number {
  return Math.floor((roster * rule.numerator + rule.denominator - 1) / rule.denominator)
}

export function hasQuorum(present: number, roster: number, rule: QuorumRule): boolean {
  return present * rule.denominator >= roster * rule.numerator
}
