/**
 * The import worker's entry: parses one uploaded roster or project list and replies with the
 * preview, then ends (see import-worker.ts). A failure is an unhandled rejection, which ends the
 * thread, and the main thread receives it as the worker's 'error'. No top-level await: from
 * source the script is loaded as CommonJS.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { ImportJob } from './import-job'
import { parseImport } from './import-job'
import { giveWayToHost } from './thread-priority'

giveWayToHost()
void parseImport(workerData as ImportJob).then((preview) => parentPort?.postMessage(preview))
