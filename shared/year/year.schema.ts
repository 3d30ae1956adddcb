import { z } from 'zod'
import type { MeetingId, ProjectId, VoteId } from '../protocol/ids'
import { meetingIdSchema, projectIdSchema } from '../protocol/ids'
import type { Grade } from '../protocol/result.schema'

/**
 * The year after the vote (查单) and its rating at the next plenary (验单): what a meeting's
 * year.json holds, and what staff send to change it. Kept apart from meeting.json: the year is
 * its own file with its own version (electron/host/store/json-files/year.store.ts).
 */

/** 月度视察 / 半年评议 / 年终审议 / 部门报告 / 其他. */
export const progressKinds = ['inspection', 'half-year', 'year-end', 'department', 'other'] as const
export type ProgressKind = (typeof progressKinds)[number]

/** A deputy's opinion (代表意见) raised at an update, and whether it was answered (办理答复). */
export interface Opinion {
  text: string
  answered: boolean
  answer: string
}

/** One version of a progress update as staff recorded it. */
export interface ProgressEntry {
  date: string
  kind: ProgressKind
  percent: number
  text: string
  opinions: Opinion[]
  /** When staff recorded this version. */
  recordedAt: string
}

export interface ProgressUpdate extends ProgressEntry {
  /** U1, U2…: numbered in the project's order of recording, never reused. */
  id: string
  /** Versions this one replaced, oldest first: an edit never overwrites silently. */
  earlier: ProgressEntry[]
}

/** What staff may edit of a year's project. */
export interface YearProjectDetails {
  title: string
  leadUnit: string
  /** 万元. */
  budget: number | null
  /** 计划完成时间, YYYY-MM-DD, or '' when not set yet. */
  plannedCompletion: string
  /** 责任人. */
  responsible: string
}

/** Where a project's year ended: its grade at the next plenary's 满意度测评. */
export interface YearGrade {
  grade: Grade
  satisfiedRate: number | null
  positiveRate: number | null
  meetingId: MeetingId
  meetingTitle: string
  voteId: VoteId
  voteTitle: string
  at: string
}

export interface YearProject extends YearProjectDetails {
  id: ProjectId
  /** The vote that made it one of the year's projects, and when that vote was published. */
  voteId: VoteId
  voteTitle: string
  madeAt: string
  /** Earlier details, oldest first, each with when it was replaced. */
  detailsEarlier: (YearProjectDetails & { replacedAt: string })[]
  /**
   * The vote was annulled after its publication: the project is kept with its updates (nothing
   * recorded is lost) but marked, left off the rating and said so on the board.
   */
  withdrawn: { at: string; reason: string } | null
  updates: ProgressUpdate[]
  grade: YearGrade | null
}

/** Why a project is late: past its planned completion, or nothing recorded for too long. */
export type LateReason = 'overdue' | 'quiet'

/** A rated project as the hall is shown it: where it stood when the rating was made. */
export interface RatedItem {
  candidateId: ProjectId
  projectId: ProjectId
  percent: number
  /** The last update's date, YYYY-MM-DD; '' when there was none. */
  lastDate: string
  /** Late on the day the rating was made ([] in a year.json of version 1). */
  late: LateReason[]
}

/**
 * A 满意度测评 made from a previous year, kept with the meeting that holds the vote: from a
 * previous meeting of this data folder, or from a progress list imported into this one.
 */
export interface RatingLink {
  voteId: VoteId
  /** The previous meeting; for an imported list, this meeting (where the list is kept). */
  fromMeetingId: MeetingId
  fromMeetingTitle: string
  /** The imported list (ImportedYear.id) the projects came from; null for a previous meeting. */
  fromImportId: string | null
  /** Each candidate of the rating and the previous year's project it stands for. */
  items: RatedItem[]
  /** When its grades were written back to the previous meeting's year. */
  writtenBackAt: string | null
}

/** A row of an uploaded progress list as the console's preview shows it. */
export interface ProgressRowView {
  number: string
  title: string
  leadUnit: string
  /** 0–100; null when blank or invalid (which the preview reports). */
  percent: number | null
  lastDate: string
  text: string
  plannedCompletion: string
}

/** A previous year's project as an imported progress list has it (one row). */
export interface ImportedProject {
  id: ProjectId
  title: string
  leadUnit: string
  percent: number
  /** 最近进展日期, YYYY-MM-DD, or ''. */
  lastDate: string
  /** 进展情况. */
  text: string
  /** 计划完成时间, YYYY-MM-DD, or ''. */
  plannedCompletion: string
  /** Its grade once a rating made from this list is published. */
  grade: YearGrade | null
}

/**
 * A previous year's progress list imported as a file, for a rating when that year's meeting is
 * not in this data folder. Kept in this meeting's year.json, apart from this year's projects
 * (it is not this meeting's year), with the file's name and when it came.
 */
export interface ImportedYear {
  /** I1, I2…: numbered in the order imported, never reused. */
  id: string
  title: string
  fileName: string
  importedAt: string
  projects: ImportedProject[]
}

export interface YearData {
  version: 2
  projects: YearProject[]
  ratings: RatingLink[]
  imported: ImportedYear[]
}

export function emptyYear(): YearData {
  return { version: 2, projects: [], ratings: [], imported: [] }
}

const bilingual = (zh: string, en: string) => `${zh} / ${en}`
const dateSchema = (zh: string, en: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual(`${zh}须为 YYYY-MM-DD 格式的日期`, `${en}: YYYY-MM-DD`))
    .refine((d) => isRealDate(d), bilingual(`${zh}不是有效日期`, `${en} is not a real date`))
const text = (max: number, zh: string, en: string) =>
  z.string().max(max, bilingual(`${zh}不能超过 ${max} 字`, `${en}: at most ${max} characters`))

export const progressLimits = { text: 2000, opinion: 500, answer: 1000, opinions: 50 } as const

export const opinionSchema = z
  .object({
    text: text(progressLimits.opinion, '代表意见', 'opinion')
      .trim()
      .min(1, bilingual('代表意见不能为空', 'an opinion needs its text')),
    answered: z.boolean(),
    answer: text(progressLimits.answer, '办理答复', 'answer').trim().default(''),
  })
  .refine((o) => !o.answered || o.answer !== '', {
    path: ['answer'],
    message: bilingual('已答复的意见须填写办理答复', 'an answered opinion needs its answer'),
  })

export const progressInputSchema = z.object({
  projectId: projectIdSchema,
  date: dateSchema('日期', 'date'),
  kind: z.enum(progressKinds, { message: bilingual('类型无效', 'unknown kind') }),
  percent: z
    .number({ message: bilingual('完成进度须为数字', 'percent must be a number') })
    .int(bilingual('完成进度须为整数', 'percent must be whole'))
    .min(0, bilingual('完成进度须在 0–100 之间', 'percent must be 0–100'))
    .max(100, bilingual('完成进度须在 0–100 之间', 'percent must be 0–100')),
  text: text(progressLimits.text, '进展情况', 'text').trim(),
  opinions: z
    .array(opinionSchema)
    .max(
      progressLimits.opinions,
      bilingual(`代表意见最多 ${progressLimits.opinions} 条`, 'too many opinions'),
    )
    .default([]),
})
export type ProgressInput = z.input<typeof progressInputSchema>

export const progressEditInputSchema = progressInputSchema.extend({
  updateId: z.string().min(1).max(16),
})
export type ProgressEditInput = z.input<typeof progressEditInputSchema>

export const yearProjectInputSchema = z.object({
  projectId: projectIdSchema,
  title: text(200, '项目名称', 'title')
    .trim()
    .min(1, bilingual('项目名称不能为空', 'a title is needed')),
  leadUnit: text(200, '牵头单位', 'lead unit').trim(),
  budget: z
    .number()
    .nonnegative(bilingual('投资额不能为负', 'budget cannot be negative'))
    .max(1e9)
    .nullable(),
  plannedCompletion: z.union([z.literal(''), dateSchema('计划完成时间', 'planned completion')]),
  responsible: text(100, '责任人', 'responsible person').trim(),
})
export type YearProjectInput = z.input<typeof yearProjectInputSchema>

/** A rating from a previous meeting of this data folder, or from a progress list imported here. */
export const ratingCreateInputSchema = z.union([
  z.strictObject({ meetingId: meetingIdSchema }),
  z.strictObject({
    importId: z.string().regex(/^I\d{1,6}$/, bilingual('没有这份导入的进展表', 'no such list')),
  }),
])

/** YYYY-MM-DD that names a day of the calendar (2027-02-30 does not). */
export function isRealDate(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date
}

/** Today in China (the hall's calendar), as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The China date of an instant. */
export function chinaDateOf(iso: string): string {
  return chinaToday(new Date(iso))
}
