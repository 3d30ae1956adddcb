import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { buildAnnouncement } from '../../../shared/hall/announcement'
import type { QuorumRule } from '../../../shared/protocol/attendance.schema'
import type { Scrutineer } from '../../../shared/protocol/scrutineers.schema'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import { writeFileDurably } from '../store/json-files/durable-json-file'
import type { ReportProject } from './report-model'
import { renderResultReportPdf } from './result-report.pdf'
import { renderResultXlsx } from './result-report.xlsx'
import { renderAnnouncementDocx } from './announcement.docx'
import { hasResolution, renderResolutionDocx } from './resolution.docx'
import { renderResultReportDocx } from './result-report.docx'

/**
 * What a closed vote's documents are drawn from. Plain data only: the job crosses to the report
 * worker by structured clone.
 */
export interface ReportJob {
  /** The vote's archive folder, which exists already. */
  dir: string
  meetingTitle: string
  meetingDetails: MeetingDetails | null
  /** 演练: the documents say so on every page. */
  rehearsal: boolean
  vote: VoteDef
  result: VoteResult
  projects: ReportProject[]
  resultDigest: string
  /** Signature lines, a name on each. */
  scrutineers: readonly Scrutineer[]
  /** The meeting's quorum, which the announcement says was met (or not). */
  quorum: QuorumRule
  /**
   * What to draw: the report (PDF and XLSX), and the office's Word documents, which follow the
   * publication (or annulment), not the close.
   */
  parts: { report: boolean; office: boolean }
}

/**
 * The report PDF (with a signature line for each scrutineer) and the results XLSX; the office's
 * Word documents: the report again, the chair's announcement and, for a standing 差额 or 逐项
 * result, the 决议 draft.
 */
export async function writeReportDocuments(job: ReportJob): Promise<void> {
  const { dir, parts, ...about } = job
  const input = { ...about, generatedAt: new Date() }
  if (parts.report) {
    await writeFileDurably(join(dir, 'report.pdf'), await renderResultReportPdf(input))
    await writeFileDurably(join(dir, 'results.xlsx'), await renderResultXlsx(input))
  }
  if (parts.office) await writeOfficeDocuments(dir, job, input)
}

type ReportInput = Omit<ReportJob, 'dir' | 'parts'> & { generatedAt: Date }

/** The Word documents: the report, the announcement and, where a result adopts projects, the 决议 draft. */
async function writeOfficeDocuments(dir: string, job: ReportJob, input: ReportInput) {
  await writeFileDurably(join(dir, 'report.docx'), await renderResultReportDocx(input))
  const announcement = buildAnnouncement(job)
  await writeFileDurably(
    join(dir, 'announcement.docx'),
    await renderAnnouncementDocx(announcement, job),
  )
  // A result annulled after it was published adopts nothing: its draft goes.
  if (hasResolution(job))
    await writeFileDurably(join(dir, 'resolution.docx'), await renderResolutionDocx(job))
  else await rm(join(dir, 'resolution.docx'), { force: true })
}
