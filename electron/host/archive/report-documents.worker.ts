/**
 * The report worker's entry: writes one vote's report.pdf and results.xlsx and replies, then
 * ends (see report-worker.ts). A failure is thrown out of the thread, and the main thread
 * receives it as the worker's 'error'.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { ReportJob } from './report-documents'
import { writeReportDocuments } from './report-documents'

await writeReportDocuments(workerData as ReportJob)
parentPort?.postMessage('written')
