import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { BudgetUnit } from '../../../shared/protocol/preparation.schema'
import { budgetUnits } from '../../../shared/protocol/preparation.schema'
import { spawnLowPriority } from '../low-priority'
import type { ImportJobOptions, ImportKind, ParsedImport } from './import-job'

/**
 * The worker's script as source, which `npm run host`, the bench's child host and vitest run as
 * it is; the bundled desktop shell builds it to a .js of its own and names that instead.
 */
export const sourceImportWorker = new URL('./import-parse.worker.ts', import.meta.url)

/**
 * Uploads parsed at once. One: staff import one file at a time, and a large workbook takes a
 * core for seconds. Uploads beyond it are refused before their bodies are read, so memory does
 * not grow with the number of uploads.
 */
export const importParsesAtOnce = 1

/** A parse that takes longer is stopped: the place must come back even if a parser hangs. */
export const importParseTimeoutMs = 60_000

/**
 * The worker's V8 heap, a guard against a file too large or too complex: a 10,000-row roster
 * fits with room to spare, the largest workbook the zip guard lets through does not, and the
 * worker ends on it ("too large or too complex") without touching the host.
 */
export const importWorkerHeapMb = 256

/**
 * The environment variables that tell the worker process what it reads. Here, not in
 * import-job.ts: the host must not load the parsers (exceljs) to start a worker.
 */
export const importJobKind = 'PLENARY_IMPORT_KIND'
export const importJobFileName = 'PLENARY_IMPORT_FILE_NAME'
/** ImportJobOptions as JSON. */
export const importJobOptions = 'PLENARY_IMPORT_OPTIONS'

/**
 * Options from the upload's query (?budgetUnit=万元); null when one is not understood. Here, not
 * in import-job.ts, which loads the readers the host must not.
 */
export function importJobOptionsFrom(query: URLSearchParams): ImportJobOptions | null {
  const unit = query.get('budgetUnit')
  if (unit === null) return {}
  return (budgetUnits as readonly string[]).includes(unit)
    ? { budgetUnit: unit as BudgetUnit }
    : null
}

export type ImportFailure = 'out-of-memory' | 'timeout' | 'too-large' | 'interrupted' | 'failed'

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

/** An upload's bytes: whole (tests, tools), or the request itself as it arrives. */
export type UploadBody = Buffer | Readable

/** A claimed place for one upload: parse its bytes once, or give the place back unused. */
export interface ImportTicket {
  /**
   * Parses the body, which streams into the worker as it arrives; more than `limitBytes` of it
   * fails the parse as too large, a body that stops short of its end as interrupted.
   */
  parse(
    kind: ImportKind,
    body: UploadBody,
    fileName: string,
    limitBytes?: number,
    options?: ImportJobOptions,
  ): Promise<ParsedImport>
  /** Gives the place back unused. Harmless after parse. */
  release(): void
}

export interface ImportWorkerOptions {
  atOnce?: number
  heapMb?: number
  timeoutMs?: number
}

/**
 * Parses uploads in worker processes, one process per upload, at most `atOnce` at a time, each
 * at the lowest priority (low-priority.ts).
 *
 * A process, not a thread, because of what a parse costs the host beside its own processor
 * time. In a worker thread (measured at 3,000 tablets voting, 19 MB uploads) the bytes were a
 * buffer in the host's heap, whose growth started collections of the host's whole heap; the
 * thread's collector and compiler ran on V8's threads, shared with the host and at its priority;
 * and the host's collection work queued behind the thread's. A process has a heap and threads of
 * its own, all at the lowest priority: the body goes through the host in pieces, straight into
 * the process's stdin, and the host holds none of it. Its memory ends with it, and running out
 * ends it alone.
 */
export class ImportWorkers {
  readonly #script: string
  readonly #atOnce: number
  readonly #heapMb: number
  readonly #timeoutMs: number
  readonly #running = new Set<ChildProcess>()
  #claimed = 0

  constructor(script: URL | string = sourceImportWorker, options: ImportWorkerOptions = {}) {
    this.#script = script instanceof URL ? fileURLToPath(script) : script
    this.#atOnce = options.atOnce ?? importParsesAtOnce
    this.#heapMb = options.heapMb ?? importWorkerHeapMb
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
      parse: (kind, body, fileName, limitBytes = Number.POSITIVE_INFINITY, options = {}) => {
        if (!held) return Promise.reject(new Error('the import ticket was used or released'))
        return this.#parse(kind, body, fileName, limitBytes, options).finally(release)
      },
      release,
    }
  }

  /** Stops every parse under way (the host is closing); their uploads get an error. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.#running].map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve())
            child.kill('SIGKILL')
          }),
      ),
    )
  }

  #parse(
    kind: ImportKind,
    body: UploadBody,
    fileName: string,
    limitBytes: number,
    options: ImportJobOptions,
  ): Promise<ParsedImport> {
    return new Promise((resolve, reject) => {
      const { child } = spawnLowPriority(process.execPath, this.#arguments(), {
        stdio: ['pipe', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
        env: {
          ...process.env,
          // The desktop shell's host runs in Electron, whose binary is Node with this set.
          ELECTRON_RUN_AS_NODE: '1',
          [importJobKind]: kind,
          [importJobFileName]: fileName,
          [importJobOptions]: JSON.stringify(options),
        },
      })
      this.#running.add(child)
      let parsed: ParsedImport | null = null
      let failure: ImportWorkerError | null = null
      const fail = (reason: ImportFailure, message: string) => {
        failure ??= new ImportWorkerError(reason, message)
        child.kill('SIGKILL')
      }
      const timer = setTimeout(
        () => fail('timeout', `the import worker took over ${this.#timeoutMs} ms`),
        this.#timeoutMs,
      )
      let stderr = ''
      child.stderr?.setEncoding('utf8')
      child.stderr?.on('data', (text: string) => (stderr = (stderr + text).slice(-4096)))
      child.once('message', (preview) => (parsed = preview as ParsedImport))
      child.once('error', (error) => fail('failed', error.message))
      // The place is given back when the process has ended, so its memory is freed by then.
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        this.#running.delete(child)
        stopFeeding()
        if (parsed && !failure) resolve(parsed)
        else reject(failure ?? this.#explained(code, signal, stderr))
      })
      const stopFeeding = feed(child, body, limitBytes, fail)
    })
  }

  #arguments(): string[] {
    const heap = [`--max-old-space-size=${this.#heapMb}`, '--max-semi-space-size=8']
    if (!this.#script.endsWith('.ts')) return [...heap, this.#script]
    // From source the script is required through tsx's CommonJS hook, which compiles in the
    // process itself (the package is ESM, so node would not load a .ts entry).
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs')
    return [...heap, '--require', tsx, '--eval', `require(${JSON.stringify(this.#script)})`]
  }

  #explained(code: number | null, signal: NodeJS.Signals | null, stderr: string) {
    const end = signal ? `signal ${signal}` : `exit code ${code}`
    if (/heap out of memory|Reached heap limit/.test(stderr))
      return new ImportWorkerError(
        'out-of-memory',
        `the import worker ran out of memory (heap limit ${this.#heapMb} MB)`,
      )
    const last = stderr.trim().split('\n').slice(-1)[0] ?? ''
    return new ImportWorkerError('failed', `the import worker stopped (${end}) ${last}`.trim())
  }
}

/**
 * Writes the body into the worker's stdin as it arrives, pausing the upload while the pipe is
 * full. Answers a function that stops feeding (the worker has ended).
 */
function feed(
  child: ChildProcess,
  body: UploadBody,
  limitBytes: number,
  fail: (reason: ImportFailure, message: string) => void,
): () => void {
  const stdin = child.stdin
  if (!stdin) return () => {}
  // A worker that ended early (it failed) closes the pipe; its exit says why.
  stdin.on('error', () => {})
  if (Buffer.isBuffer(body)) {
    if (body.length > limitBytes) fail('too-large', 'the upload is over its size limit')
    else stdin.end(body)
    return () => {}
  }
  let size = 0
  const onData = (chunk: Buffer) => {
    size += chunk.length
    if (size > limitBytes) {
      // The rest is left unread for whoever answers the upload (discardBody).
      stop()
      body.pause()
      fail('too-large', 'the upload is over its size limit')
      return
    }
    if (!stdin.write(chunk)) {
      body.pause()
      stdin.once('drain', () => body.resume())
    }
  }
  const onEnd = () => stdin.end()
  const onClose = () => {
    if (!body.readableEnded) fail('interrupted', 'the upload was interrupted')
  }
  const stop = () => {
    body.off('data', onData)
    body.off('end', onEnd)
    body.off('close', onClose)
  }
  body.on('data', onData)
  body.once('end', onEnd)
  body.once('close', onClose)
  return stop
}
