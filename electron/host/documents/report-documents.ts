import { join } from 'node:path'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import { writeFileDurably } from '../store/json-files/durable-json-file'
import type { ReportProject } from './report-model'
import { renderResultReportPdf } from './result-report.pdf'
import { renderResultXlsx } from './result-report.xlsx'

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
}

/** The report PDF (with signature lines for the scrutineers) and the results XLSX. */
export async function writeReportDocuments(job: ReportJob): Promise<void> {
  const { dir, ...about } = job
  const input = { ...about, generatedAt: new Date() }
  await writeFileDurably(join(dir, 'report.pdf'), await renderResultReportPdf(input))
  await writeFileDurably(join(dir, 'results.xlsx'), await renderResultXlsx(input))
}
