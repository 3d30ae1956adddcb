/**
 * The report worker's entry: writes one vote's report.pdf and results.xlsx and replies, then
 * ends (see report-worker.ts). A failure is an unhandled rejection, which ends the thread, and
 * the main thread receives it as the worker's 'error'. No top-level await: from source the
 * script is loaded as CommonJS.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { ReportJob } from './report-documents'
import { writeReportDocuments } from './report-documents'

void writeReportDocuments(workerData as ReportJob).then(() => parentPort?.postMessage('written'))
