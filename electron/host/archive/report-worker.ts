import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ResourceLimits, WorkerOptions } from 'node:worker_threads'
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
  if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error
  const heap = limits.maxOldGenerationSizeMb ?? 'default'
  const message = `the report worker ran out of memory (heap limit ${heap} MB): ${error.message}`
  return new Error(message, { cause: error })
}

/**
 * A .ts script needs tsx inside the thread. Node 20 ignores loader hooks given in a worker's
 * execArgv (nodejs/node#47747), and vitest's own loader is not there at all, so the thread
 * registers tsx itself before it loads the script. It registers tsx's CommonJS hook, which
 * compiles in the worker's own thread: the ESM one (module.register) runs on a hooks thread of
 * its own, a second V8 isolate with tsx and esbuild in it, which cost every job ~20 MB more
 * (peak +102-107 MB over the host against +79-81 MB). The built worker is ESM; both draw the
 * same bytes.
 */
function startWorker(script: URL | string, options: WorkerOptions): Worker {
  const path = script instanceof URL ? fileURLToPath(script) : script
  if (!path.endsWith('.ts')) return new Worker(script, options)
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api')
  const bootstrap = `require(${JSON.stringify(tsx)}).register()
  require(${JSON.stringify(path)})`
  return new Worker(bootstrap, { ...options, eval: true })
}
