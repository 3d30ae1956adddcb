import type { ServerResponse } from 'node:http'
import { contentDisposition } from '../http/download-names'
import type { Hall } from '../state/hall'
import type { ProgressReportInput } from './documents/progress-model'
import type { YearService } from './year.service'

const reports = {
  '/api/year/progress.xlsx': {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    render: async (input: ProgressReportInput) =>
      (await import('./documents/progress-report.xlsx')).renderProgressXlsx(input),
  },
  '/api/year/progress.pdf': {
    type: 'application/pdf',
    ext: 'pdf',
    render: async (input: ProgressReportInput) =>
      (await import('./documents/progress-report.pdf')).renderProgressPdf(input),
  },
} as const

/**
 * The year's progress report (XLSX, PDF) of the open meeting, drawn when asked (a few dozen
 * projects: tens of milliseconds, as the credential cards are drawn). False for another path.
 */
export async function sendYearDownload(
  year: YearService,
  hall: Hall,
  url: URL,
  res: ServerResponse,
): Promise<boolean> {
  const report = Object.hasOwn(reports, url.pathname)
    ? reports[url.pathname as keyof typeof reports]
    : undefined
  if (!report) return false
  const view = await year.view()
  const meeting = hall.session.meeting.data.meeting
  const body = await report.render({
    meetingTitle: meeting?.title ?? '',
    meetingDetails: meeting?.details ?? null,
    rehearsal: meeting?.rehearsal ?? false,
    projects: view.projects,
    today: view.today,
    generatedAt: new Date(),
  })
  const name = `${meeting?.title || '会议'}-年度项目进展报告.${report.ext}`
  res.writeHead(200, {
    'Content-Type': report.type,
    'Content-Disposition': contentDisposition(name, `year-progress.${report.ext}`),
    'Cache-Control': 'no-store',
  })
  res.end(body)
  return true
}
