import { z } from 'zod'
import { parseCompletion } from '../year/dates'
import { deputyIdSchema, projectIdSchema, safeIdSchema } from './ids'

/** Console requests that prepare a meeting: roster, projects, imports, credentials. */

const text = (max: number) => z.string().trim().max(max)

export const deputyInputSchema = z.object({
  /** 代表编号, optional: '' when the office does not number its deputies. */
  number: text(32)
    .transform((v) => v.normalize('NFKC'))
    .default(''),
  name: text(50).min(1),
  delegation: text(100).min(1),
  seat: text(30).min(1),
  idLast4: z
    .string()
    .trim()
    .regex(/^\d{3}[\dXx]$/)
    .transform((v) => v.toUpperCase())
    .nullable()
    .default(null),
  note: text(500).default(''),
})
export type DeputyInput = z.input<typeof deputyInputSchema>

export const deputyUpdateInputSchema = deputyInputSchema.extend({
  deputyId: deputyIdSchema,
})
export type DeputyUpdateInput = z.input<typeof deputyUpdateInputSchema>

export const deputyIdInputSchema = z.object({ deputyId: deputyIdSchema })

export const projectInputSchema = z.object({
  /** The 编号, which becomes the candidate id a ballot's marks are keyed by. */
  /** Typed into the console as text; a ProjectId once it has passed the id rule. */
  id: safeIdSchema(32).brand<'ProjectId'>(),
  title: text(200).min(1),
  summary: text(2000).default(''),
  leadUnit: text(200).default(''),
  budget: z.number().nonnegative().max(10_000_000).nullable().default(null),
  category: text(100).default(''),
  /** 计划完成时间 as staff type it (2026-12, 2026年12月, 2026-12-31): kept as ISO, or ''. */
  completion: text(20)
    .default('')
    .transform((value, ctx) => {
      if (value === '') return ''
      const parsed = parseCompletion(value)
      if (parsed !== null) return parsed
      ctx.addIssue({
        code: 'custom',
        message: `计划完成时间“${value}”无法识别，请填写年月（如 2027-12）或日期（如 2027-12-31） / planned completion "${value}" is not a month (2027-12) or a date (2027-12-31)`,
      })
      return z.NEVER
    }),
})
export type ProjectInput = z.input<typeof projectInputSchema>

export const projectUpdateInputSchema = projectInputSchema.extend({
  /** Any existing id, so a project imported before the id rule can be given a new 编号. */
  projectId: projectIdSchema,
})
export type ProjectUpdateInput = z.input<typeof projectUpdateInputSchema>

export const projectIdInputSchema = z.object({ projectId: projectIdSchema })

export const projectsReorderInputSchema = z.object({
  ids: z.array(projectIdSchema).max(1000),
})

/** Every card reissued at once: the request says so, so no stray message can do it. */
export const reissueAllInputSchema = z.object({ confirm: z.literal(true) })

/**
 * The units a money column is written in; a project's budget is kept in 万元. An import reads the
 * unit from the header (投资额（元）) or the line above it (单位：万元), else asks staff.
 */
export const budgetUnits = ['元', '万元', '亿元'] as const
export type BudgetUnit = (typeof budgetUnits)[number]

export const importConfirmInputSchema = z.object({ previewId: z.string().min(1).max(64) })

/** What the console shows of an uploaded spreadsheet before staff confirm it. */
export interface ImportPreviewView<T> {
  /** Set only when the preview is clean: the id to confirm it with. */
  previewId: string | null
  /** progress: a previous year's progress list, for a rating (electron/host/year/). */
  kind: 'roster' | 'projects' | 'proposals' | 'progress'
  fileName: string
  sheet: string | null
  totalRows: number
  rows: T[]
  rowNumbers: number[]
  problems: {
    row: number | null
    column: string | null
    code: string
    message: string
    messageEn: string
  }[]
  /** What staff should know that does not stop the import: columns read past, by name. */
  notices: { message: string; messageEn: string }[]
  /**
   * What confirming changes, when there is a list already (null for a first import): items are
   * matched, so what stays keeps its id (a deputy also their card and attendance).
   */
  changes: ImportChangesView | null
}

/** An import onto the list there, by item: "张三（一团）", "P01 老旧小区改造". */
export interface ImportChangesView {
  added: string[]
  /** Deputies removed: their printed cards stop working. Projects removed. */
  removed: string[]
  /** With the fields that change, by key (name, seat…; title, budget…). */
  changed: { name: string; fields: string[] }[]
  unchanged: number
}

export interface RosterRowView {
  number: string
  name: string
  delegation: string
  seat: string
  idLast4: string | null
  note: string
}

export interface ProjectRowView {
  number: string
  title: string
  summary: string
  leadUnit: string
  budget: number | null
  category: string
  completion: string
}
