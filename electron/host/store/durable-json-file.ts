import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

/** What was wrong with a data file at load, and what the host did about it. */
export interface Recovery {
  file: string
  problem: string
  setAsideAs: string
  /** The last good copy used instead, or null when there was none. */
  usedPrevious: boolean
}

/** A file's JSON text, or its UTF-8 in chunks to be written one after another. */
type Json = string | readonly Uint8Array[]

/** Returns the problems with a parsed file; empty when it is sound. */
export type Verifier = (data: unknown) => string[]

/**
 * A lowdb adapter whose write is durable when its promise resolves: the JSON goes to a temp
 * file that is fsynced, the current file is kept as `.prev` (a hard link, so the target never
 * goes missing), the temp is renamed over the target, and the folder is fsynced so the rename
 * survives a power cut. (lowdb's own JSONFile uses steno, which never fsyncs.)
 *
 * On read the file is parsed and verified; a file that fails is set aside under a
 * `.corrupt-…` name and the `.prev` copy is used, and the recovery is reported: never a silent
 * empty meeting. Writes to one file are serialised.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string
  readonly recoveries: Recovery[] = []
  readonly #verify: Verifier
  #queue: Promise<unknown> = Promise.resolve()
  /** The write queued behind the one in flight, not started yet: later writes join it. */
  #next: { json: () => Json; done: Promise<void> } | null = null

  constructor(file: string, verify: Verifier = () => []) {
    this.file = file
    this.#verify = verify
  }

  async read(): Promise<T | null> {
    const current = await this.#load(this.file)
    if (current.kind === 'ok') return current.data
    const previous = await this.#load(previousOf(this.file))
    if (current.kind === 'missing' && previous.kind === 'missing') return null
    const setAsideAs =
      current.kind === 'missing'
        ? ''
        : `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
    if (setAsideAs) await rename(this.file, setAsideAs)
    const problem = current.kind === 'missing' ? 'file missing' : current.problem
    if (previous.kind === 'ok') {
      this.recoveries.push({ file: this.file, problem, setAsideAs, usedPrevious: true })
      return previous.data
    }
    throw new DataFileError(
      this.file,
      `${problem}; no good previous copy (${previous.kind === 'missing' ? 'none' : previous.problem})` +
        (setAsideAs ? `; set aside as ${basename(setAsideAs)}` : ''),
    )
  }

  /**
   * Group commit: every write carries the full state, so the writes that queue up behind the
   * one in flight collapse into one, serialised when it starts; each caller resolves once a
   * write that began after its call is on disk. A burst of 3,000 tablet check-ins is then a
   * handful of writes instead of 3,000 copies of the meeting held in memory and fsynced.
   */
  write(data: T): Promise<void> {
    return this.#enqueue(() => JSON.stringify(data))
  }

  /**
   * The same durable group commit for JSON the caller has already serialised: a store that
   * keeps its file's JSON in parts writes them as they are instead of an object to stringify
   * whole. It must be what `read` accepts. Chunks must not change until the promise settles.
   */
  writeJson(json: Json): Promise<void> {
    return this.#enqueue(() => json)
  }

  #enqueue(json: () => Json): Promise<void> {
    if (this.#next) {
      this.#next.json = json
      return this.#next.done
    }
    const next: { json: () => Json; done: Promise<void> } = { json, done: Promise.resolve() }
    next.done = this.#queue.then(() => {
      if (this.#next === next) this.#next = null
      return writeDurably(this.file, next.json())
    })
    this.#next = next
    // A failed write must not wedge the queue: the next write carries the full state again.
    this.#queue = next.done.catch(() => undefined)
    return next.done
  }

  async #load(
    file: string,
  ): Promise<{ kind: 'ok'; data: T } | { kind: 'missing' } | { kind: 'bad'; problem: string }> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { kind: 'missing' }
      throw error
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      return {
        kind: 'bad',
        problem: text.length === 0 ? 'empty file' : 'not valid JSON (truncated or corrupted)',
      }
    }
    const problems = this.#verify(data)
    if (problems.length > 0) return { kind: 'bad', problem: problems.join('; ') }
    return { kind: 'ok', data: data as T }
  }
}

export class DataFileError extends Error {
  readonly file: string
  constructor(file: string, detail: string) {
    super(`数据文件无法读取 / data file unusable: ${file}: ${detail}`)
    this.name = 'DataFileError'
    this.file = file
  }
}

export function previousOf(file: string): string {
  return `${file}.prev`
}

async function writeDurably(file: string, json: Json): Promise<void> {
  const dir = dirname(file)
  await mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`)
  const handle = await open(tmp, 'w')
  try {
    if (typeof json === 'string') await handle.writeFile(json, 'utf8')
    else await writeChunks(handle, json)
    await handle.sync()
  } finally {
    await handle.close()
  }
  const prev = previousOf(file)
  await unlink(prev).catch((error: unknown) => {
    if (!isCode(error, 'ENOENT')) throw error
  })
  await link(file, prev).catch((error: unknown) => {
    if (!isCode(error, 'ENOENT')) throw error
  })
  await rename(tmp, file)
  await syncDir(dir)
}

/**
 * One gathered write. Not concatenated first: copying half a megabyte into a fresh buffer costs
 * the event loop about a millisecond in page faults, as much as the rest of a commit.
 */
async function writeChunks(handle: FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  const length = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  const { bytesWritten } = await handle.writev(chunks)
  // libuv keeps writing after a partial write; a short count means it stopped on an error.
  if (bytesWritten !== length) throw new Error(`short write: ${bytesWritten} of ${length} bytes`)
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code
}
