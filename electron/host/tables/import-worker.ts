import type { ResourceLimits, Worker } from 'node:worker_threads'
import { isOutOfMemory, startWorker } from '../worker-thread'
import type { ImportJob, ImportKind, ParsedImport } from './import-job'

/**
 * The worker script as source, which `npm run host`, the bench's child host and vitest run as
 * it is; the bundled desktop shell builds it to a .js of its own and names that instead.
 */
export const sourceImportWorker = new URL('./import-parse.worker.ts', import.meta.url)

/**
 * Uploads parsed at once. One: staff import one file at a time, and a large workbook takes a
 * core for seconds; on a two-core hall PC a second parse would take the core the host's event
 * loop acknowledges ballots on. Uploads beyond it are refused before their bodies are read, so
 * memory does not grow with the number of uploads.
 */
export const importParsesAtOnce = 1

/** A parse that takes longer is stopped: the slot must come back even if a parser hangs. */
export const importParseTimeoutMs = 60_000

/**
 * The import worker's V8 heap, a guard against a file too large or too complex taking the host's
 * memory with it. Measured (the thread's peak over the host's RSS): a 10,000-row roster XLSX
 * +81 MB, 19 MB of random text or a 19 MB CSV roster of 600,000 rows +71-77 MB (the CSV reader
 * stops at 20,000 rows). The largest workbook the zip guard lets through (58 MB of XML, 180,000
 * rows) would need ~500 MB: it runs out here after ~13 s (+357 MB) and is answered "too large or
 * too complex"; on the main thread it would have stalled the host for that long.
 *
 * The limit holds only for memory V8 can stop short of: the thread is ended when its heap is
 * near the limit, with 16 MB of leeway, and a single allocation larger than that (an array of
 * millions of elements, a string of tens of megabytes) aborts the whole process instead. So the
 * readers never build those (csv-reader.ts: Excel's limits, 20,000 rows).
 */
export const importWorkerLimits: ResourceLimits = {
  maxYoungGenerationSizeMb: 16,
  maxOldGenerationSizeMb: 256,
}

export type ImportFailure = 'out-of-memory' | 'timeout' | 'failed'

/** Why the worker gave no preview. The HTTP answer (api.ts) words it for staff. */
export class ImportWorkerError extends Error {
  constructor(
    readonly reason: ImportFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/** A claimed place for one upload: parse its bytes once, or give the place back unused. */
export interface ImportTicket {
  parse(kind: ImportKind, data: Buffer, fileName: string): Promise<ParsedImport>
  /** Gives the place back (the body could not be read). Harmless after parse. */
  release(): void
}

export interface ImportWorkerOptions {
  atOnce?: number
  limits?: ResourceLimits
  timeoutMs?: number
}

/**
 * Parses uploads in worker threads, one thread per upload, at most `atOnce` at a time. Parsing
 * a large workbook or CSV takes seconds of CPU and hundreds of megabytes: on the main thread
 * (as before) a 19 MB upload during a vote held ballot acknowledgements up to 3.4 s and took
 * the host from 80 to 883 MB, and 30 at once ran it out of memory. In a thread the event loop
 * keeps turning, the heap limit ends a runaway parse without the host, and the thread's memory
 * is freed with it.
 */
export class ImportWorkers {
  readonly #script: URL | string
  readonly #atOnce: number
  readonly #limits: ResourceLimits
  readonly #timeoutMs: number
  readonly #running = new Set<Worker>()
  #claimed = 0

  constructor(script: URL | string = sourceImportWorker, options: ImportWorkerOptions = {}) {
    this.#script = script
    this.#atOnce = options.atOnce ?? importParsesAtOnce
    this.#limits = options.limits ?? importWorkerLimits
    this.#timeoutMs = options.timeoutMs ?? importParseTimeoutMs
  }

  /** Uploads holding a place now (being received or parsed). */
  get claimed(): number {
    return this.#claimed
  }

  /**
   * A place for one upload, taken before its body is read; null when every place is taken, and
   * the caller refuses the upload at once.
   */
  claim(): ImportTicket | null {
    if (this.#claimed >= this.#atOnce) return null
    this.#claimed += 1
    let held = true
    const release = () => {
      if (!held) return
      held = false
      this.#claimed -= 1
    }
    return {
      parse: (kind, data, fileName) => {
        if (!held) return Promise.reject(new Error('the import ticket was used or released'))
        return this.#parse({ kind, data: transferable(data), fileName }).finally(release)
      },
      release,
    }
  }

  /** Stops every parse under way (the host is closing); their uploads get an error. */
  async close(): Promise<void> {
    await Promise.all([...this.#running].map((w) => w.terminate()))
  }

  #parse(job: ImportJob): Promise<ParsedImport> {
    return new Promise((resolve, reject) => {
      const worker = startWorker(this.#script, {
        workerData: job,
        // The bytes move to the thread: no copy, and they are freed with it.
        transferList: [job.data.buffer as ArrayBuffer],
        resourceLimits: this.#limits,
      })
      this.#running.add(worker)
      let parsed: ParsedImport | null = null
      let failure: ImportWorkerError | null = null
      const timer = setTimeout(() => {
        failure = new ImportWorkerError(
          'timeout',
          `the import worker took over ${this.#timeoutMs} ms`,
        )
        void worker.terminate()
      }, this.#timeoutMs)
      worker.once('message', (preview: ParsedImport) => (parsed = preview))
      worker.once('error', (error) => (failure ??= this.#explained(error)))
      // The place is given back when the thread has ended, so its memory is freed by then.
      worker.once('exit', (code) => {
        clearTimeout(timer)
        this.#running.delete(worker)
        if (parsed) resolve(parsed)
        else
          reject(
            failure ??
              new ImportWorkerError('failed', `the import worker stopped (exit code ${code})`),
          )
      })
    })
  }

  #explained(error: Error): ImportWorkerError {
    if (!isOutOfMemory(error))
      return new ImportWorkerError('failed', error.message, { cause: error })
    const heap = this.#limits.maxOldGenerationSizeMb ?? 'default'
    return new ImportWorkerError(
      'out-of-memory',
      `the import worker ran out of memory (heap limit ${heap} MB)`,
      { cause: error },
    )
  }
}

/**
 * The bytes in an ArrayBuffer of their own, which can move to the thread. A body of more than
 * 4 KB already has one (Buffer.concat allocates it); a smaller one may sit in Node's shared
 * pool, which must not move, so it is copied.
 */
function transferable(data: Buffer): Uint8Array {
  const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
  return own && data.buffer instanceof ArrayBuffer
    ? new Uint8Array(data.buffer)
    : new Uint8Array(data)
}
