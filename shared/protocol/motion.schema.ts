import type { ProjectId } from './ids'
import { z } from 'zod'

/**
 * A 决议表决's subject: the motion's own text, not a candidate project. The ballot (and so the
 * ballot box and the result, per voting-rules.md) still has exactly one candidate, the motion,
 * under MOTION_ID with the motion's title; the 文号 and summary live in the vote's definition.
 */
export interface MotionText {
  title: string
  /** 文号, e.g. 青人大〔2027〕3号; '' when the motion has none. */
  docNumber: string
  summary: string
}

/** The one candidate id of a motion's ballot. */
export const MOTION_ID = 'M1'

/** Longest text each field takes (characters, after trimming). */
export const motionLimits = { title: 200, docNumber: 50, summary: 2000 } as const

const field = (name: string, nameEn: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${name}不能超过 ${max} 个字 / ${nameEn} is longer than ${max}` })

export const motionTextSchema = z.object({
  title: field('决议标题', 'the motion title', motionLimits.title).min(1, {
    message: '请填写决议标题 / the motion title is required',
  }),
  docNumber: field('文号', 'the document number', motionLimits.docNumber).default(''),
  summary: field('决议摘要', 'the summary', motionLimits.summary).default(''),
})
export type MotionTextInput = z.input<typeof motionTextSchema>

/** The ballot's one candidate: the motion, under its title. */
export function motionCandidate(motion: Pick<MotionText, 'title'>): {
  id: ProjectId
  title: string
} {
  return { id: MOTION_ID as ProjectId, title: motion.title }
}
