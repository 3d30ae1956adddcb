import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { WorkerOptions } from 'node:worker_threads'
import type { ReportJob } from './report-documents'

/**
 * The worker script as source, which `npm run host`, the bench's child host and vitest run as
 * it is; the bundled desktop shell builds it to a .js of its own and names that instead.
 */
export const sourceReportWorker = new URL('./report-documents.worker.ts', import.meta.url)

/**
 * Writes a vote's report.pdf and results.xlsx in a worker thread of its own: rendering them
 * (pdfkit with the Chinese fonts, exceljs) takes most of a second of CPU, which on the main
 * thread would hold up every ballot acknowledgement and the screen's result. The thread ends
 * with its job, so the fonts and libraries it loaded are freed instead of staying in a host at
 * rest. Resolves once both files are on disk; rejects with the error the worker threw.
 */
export function writeReportDocumentsInWorker(script: URL | string, job: ReportJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(script, { workerData: job })
    let written = false
    let failure: unknown = null
    worker.once('message', () => (written = true))
    worker.once('error', (error) => (failure = error))
    worker.once('exit', (code) => {
      if (written) resolve()
      else reject(failure ?? new Error(`the report worker stopped (exit code ${code})`))
    })
  })
}

/**
 * A .ts script needs tsx inside the thread. Node 20 ignores loader hooks given in a worker's
 * execArgv (nodejs/node#47747), and vitest's own loader is not there at all, so the thread
 * registers tsx itself before it imports the script.
 */
function startWorker(script: URL | string, options: WorkerOptions): Worker {
  const href = script instanceof URL ? script.href : pathToFileURL(script).href
  if (!href.endsWith('.ts')) return new Worker(script, options)
  const tsx = import.meta.resolve('tsx/esm/api')
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => {
    register()
    return import(${JSON.stringify(href)})
  })`
  return new Worker(bootstrap, { ...options, eval: true })
}
