import type { ResourceLimits } from 'node:worker_threads'
import { isOutOfMemory, startWorker } from '../worker-thread'
import type { ReportJob } from './report-documents'

/**
 * The worker script as source, which `npm run host`, the bench's child host and vitest run as
 * it is; the bundled desktop shell builds it to a .js of its own and names that instead.
 */
export const sourceReportWorker = new URL('./report-documents.worker.ts', import.meta.url)

/**
 * The report worker's V8 heap, sized from measurement. A report allocates ~30 MB that dies
 * young (pdfkit laying out the text, fontkit decoding the fonts' tables and subsetting them,
 * exceljs), for which V8 would grow the young generation to 32 MB; held to 2 MB it is collected
 * sooner, and one job's RSS peak over the host is ~10 MB lower at no CPU cost we could measure.
 * The old generation holds ~24 MB at the end of a job (pdfkit, fontkit, exceljs, the parsed
 * fonts); its limit is a guard, with room to spare, against a render gone wrong taking the
 * host's memory with it.
 */
export const reportWorkerLimits: ResourceLimits = {
  maxYoungGenerationSizeMb: 2,
  maxOldGenerationSizeMb: 96,
}

/**
 * Writes a vote's report.pdf and results.xlsx in a worker thread of its own: rendering them
 * (pdfkit with the Chinese fonts, exceljs) takes most of a second of CPU, which on the main
 * thread would hold up every ballot acknowledgement and the screen's result. The thread ends
 * with its job, so the fonts and libraries it loaded are freed instead of staying in a host at
 * rest. Resolves once both files are on disk; rejects with the error the worker threw.
 */
export function writeReportDocumentsInWorker(
  script: URL | string,
  job: ReportJob,
  resourceLimits: ResourceLimits = reportWorkerLimits,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(script, { workerData: job, resourceLimits })
    let written = false
    let failure: unknown = null
    worker.once('message', () => (written = true))
    worker.once('error', (error) => (failure = explained(error, resourceLimits)))
    worker.once('exit', (code) => {
      if (written) resolve()
      else reject(failure ?? new Error(`the report worker stopped (exit code ${code})`))
    })
  })
}

/** Node's out-of-memory error names no limit; the staff alert and the audit log should. */
function explained(error: Error, limits: ResourceLimits): Error {
  if (!isOutOfMemory(error)) return error
  const heap = limits.maxOldGenerationSizeMb ?? 'default'
  const message = `the report worker ran out of memory (heap limit ${heap} MB): ${error.message}`
  return new Error(message, { cause: error })
}
