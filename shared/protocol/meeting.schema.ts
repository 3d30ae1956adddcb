import { z } from 'zod'
import type { DeputyId, MeetingId } from './ids'
import { projectIdSchema } from './ids'
import type { MeetingDetails } from './meeting-details.schema'
import type { Scrutineers } from './scrutineers.schema'

export const projectSchema = z.object({
  id: projectIdSchema,
  title: z.string().min(1).max(200),
  summary: z.string().max(2000).default(''),
  leadUnit: z.string().max(200).default(''),
  budget: z.number().nonnegative().nullable().default(null),
  category: z.string().max(100).default(''),
  /** 计划完成时间: 'YYYY-MM' or 'YYYY-MM-DD' (shared/year/dates.ts); '' when not given. */
  completion: z.string().max(10).default(''),
})
export type Project = z.infer<typeof projectSchema>

export interface Deputy {
  id: DeputyId
  /** 代表编号 as the office numbers its deputies (optional; a reimport matches by it). */
  number?: string
  name: string
  delegation: string
  seat: string
  /** ≥128 random bits, base64url; the QR card carries it in the join URL. */
  credential: string
  /** The card's typed join code (shared/protocol/join-code.ts): 12 characters, no dashes. */
  joinCode: string
  present: boolean
  /** 请假: excused; never also present. */
  onLeave?: boolean
  /** Last four of the ID card, to tell apart two deputies of the same name. */
  idLast4?: string | null
  note?: string
}

export interface Meeting {
  id: MeetingId
  title: string
  createdAt: string
  /** 届次/会次, date, venue, presiding officer: on the cards, the screen and the reports. */
  details: MeetingDetails
  /**
   * 演练: every screen, tablet and document says so, and its archives are kept apart from the
   * real ones. Fixed once a vote of the meeting has opened.
   */
  rehearsal: boolean
  /** 总监票人, 监票人, 计票人 and whether the hall approved them (scrutineers.schema.ts). */
  scrutineers: Scrutineers
}
