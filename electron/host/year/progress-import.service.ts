import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { ProjectId } from '../../../shared/protocol/ids'
import type { ImportPreviewView } from '../../../shared/protocol/preparation.schema'
import type { ImportedYear } from '../../../shared/year/year.schema'
import type { Hall } from '../state/hall'
import { parseInput } from '../services/parse-input'
import { ServiceError } from '../services/service-error'
import type { ImportPreview } from '../tables/import-problems'
import type { ProgressRow } from '../tables/progress-import'
import type { YearService } from './year.service'

const previewLifetimeMs = 30 * 60_000

export const progressImportConfirmSchema = z.strictObject({
  previewId: z.string().min(1).max(64),
  /** What the list is called in the console and the rating's title: 2026年度民生实事项目. */
  title: z
    .string()
    .trim()
    .min(1, '名称不能为空 / a title is needed')
    .max(100, '名称不能超过 100 字 / title: at most 100 characters'),
})

/**
 * A previous year's progress list as a file (progress-import.ts), for a rating when that year's
 * meeting is not in this data folder: previewed (every problem by row and column; nothing kept
 * unless clean), then confirmed into this meeting's year.json as an imported list, beside this
 * year's own projects and never among them. A rating is then made from it (rating.service.ts),
 * and its grades are written back to it there.
 */
export class ProgressImportService {
  readonly #hall: Hall
  readonly #year: YearService
  readonly #previews = new Map<
    string,
    { meetingId: string | null; at: number; fileName: string; rows: ProgressRow[] }
  >()

  constructor(hall: Hall, year: YearService) {
    this.#hall = hall
    this.#year = year
  }

  preview(parsed: ImportPreview<ProgressRow>, fileName: string): ImportPreviewView<ProgressRow> {
    this.#expire()
    const problems = [...parsed.problems]
    if (parsed.rows.length === 0 && problems.length === 0)
      problems.push({
        row: null,
        column: null,
        code: 'empty-file',
        message: '进展表中没有项目',
        messageEn: 'the progress list has no projects',
      })
    let previewId: string | null = null
    if (problems.length === 0) {
      previewId = randomUUID()
      this.#previews.set(previewId, {
        meetingId: this.#hall.session.meetingId,
        at: Date.now(),
        fileName,
        rows: parsed.rows,
      })
    }
    return {
      previewId,
      kind: 'progress',
      fileName,
      sheet: parsed.sheet,
      totalRows: parsed.totalRows,
      rows: parsed.rows,
      rowNumbers: parsed.rowNumbers,
      problems,
      notices: parsed.notices.map(({ message, messageEn }) => ({ message, messageEn })),
      changes: null,
    }
  }

  /** Keeps a clean preview's rows as an imported list of this meeting's year; audited. */
  async confirm(raw: unknown): Promise<{ importId: string }> {
    const { previewId, title } = parseInput(progressImportConfirmSchema, raw)
    this.#expire()
    const preview = this.#previews.get(previewId)
    if (!preview || preview.meetingId !== this.#hall.session.meetingId)
      throw new ServiceError('not-found', 'previewId: 请重新上传文件 / upload the file again')
    this.#previews.delete(previewId)
    return this.#year.run(async (session, year) => {
      if (!session.meetingId) throw new ServiceError('no-meeting')
      const list: ImportedYear = {
        id: `I${year.data.imported.length + 1}`,
        title,
        fileName: preview.fileName,
        importedAt: new Date().toISOString(),
        projects: preview.rows.map((r) => ({
          id: r.number as ProjectId,
          title: r.title,
          leadUnit: r.leadUnit,
          percent: r.percent ?? 0,
          lastDate: r.lastDate,
          text: r.text,
          plannedCompletion: r.plannedCompletion,
          grade: null,
        })),
      }
      await year.update((data) => {
        data.imported.push(list)
      })
      await session.audit.append('year.progress-imported', {
        importId: list.id,
        title,
        fileName: preview.fileName,
        projects: list.projects.length,
      })
      session.announce({ type: 'meeting' })
      return { importId: list.id }
    })
  }

  #expire(): void {
    const now = Date.now()
    for (const [id, p] of this.#previews)
      if (now - p.at > previewLifetimeMs) this.#previews.delete(id)
  }
}
