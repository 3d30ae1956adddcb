import { constants } from 'node:fs'
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { GroupCommit } from './group-commit'

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

/** A parsed file brought up to the shape the host now writes (data-versions.ts). */
export type Upgrade = (data: unknown) => unknown

/**
 * A lowdb adapter whose write is durable when its promise resolves: the JSON goes to a temp
 * file that is fsynced, the current file is kept as `.prev` (a hard link, so the target never
 * goes missing), the temp is renamed over the target, and the folder is fsynced so the rename
 * survives a power cut. (lowdb's own JSONFile uses steno, which never fsyncs.)
 *
 * On read the file is parsed, upgraded from an older version and verified; a file that fails is
 * set aside under a `.corrupt-…` name and the `.prev` copy is used, and the recovery is
 * reported: never a silent empty meeting. Writes to one file are serialised.
 *
 * Each step of a write is a round trip through libuv's thread pool that waits for a turn of the
 * event loop, and a loop busy pushing state to thousands of tablets makes every turn long: so
 * the folder is made once and held open for its fsyncs, the temp file is written with O_SYNC
 * (the write returns once on disk, no separate fsync), and the last good copy is kept while the
 * temp file is written. `close` lets go of the folder.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string
  readonly recoveries: Recovery[] = []
  readonly #verify: Verifier
  readonly #upgrade: Upgrade
  /** What the next write serialises: the latest caller's. */
  #json: () => Json = () => ''
  readonly #commit = new GroupCommit(async () => {
    const json = this.#json()
    await writeDurably(this.file, json, await this.#openFolder())
  })
  /** The folder, made at the first write; its handle for the fsync, null where there is none. */
  #folder: Promise<FileHandle | null> | null = null

  constructor(file: string, verify: Verifier = () => [], upgrade: Upgrade = (data) => data) {
    this.file = file
    this.#verify = verify
    this.#upgrade = upgrade
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
   * What `read` gives, changing nothing: a file that fails is left where it is (and not
   * reported) and its last good copy read instead. For a look at another meeting's data; its
   * own open sets the broken file aside and reports it.
   */
  async peek(): Promise<T | null> {
    const current = await this.#load(this.file)
    if (current.kind === 'ok') return current.data
    const previous = await this.#load(previousOf(this.file))
    if (previous.kind === 'ok') return previous.data
    if (current.kind === 'missing' && previous.kind === 'missing') return null
    const problem = current.kind === 'missing' ? 'file missing' : current.problem
    throw new DataFileError(
      this.file,
      `${problem}; no good previous copy (${previous.kind === 'missing' ? 'none' : previous.problem})`,
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
   * The same durable group commit for JSON the caller serialises: a store that keeps its
   * file's JSON in parts writes them as they are instead of an object to stringify whole. It
   * must be what `read` accepts. Given a function, it is called when the write starts, so
   * writes that collapse into one serialise once. Chunks must not change until it settles.
   */
  writeJson(json: Json | (() => Json)): Promise<void> {
    return this.#enqueue(typeof json === 'function' ? json : () => json)
  }

  /**
   * Waits for the writes already asked for, then closes the folder's handle, so the host can
   * exit and a test can remove its folder. A write after it opens the folder again.
   */
  close(): Promise<void> {
    return this.#commit.after(async () => {
      const folder = this.#folder
      this.#folder = null
      await (await folder?.catch(() => null))?.close()
    })
  }

  /** A failed write does not wedge the ones after it: each carries the full state again. */
  #enqueue(json: () => Json): Promise<void> {
    this.#json = json
    return this.#commit.request()
  }

  #openFolder(): Promise<FileHandle | null> {
    if (!this.#folder) {
      const folder = openFolder(dirname(this.file))
      // A failure is not kept: the next write tries again.
      folder.catch(() => {
        if (this.#folder === folder) this.#folder = null
      })
      this.#folder = folder
    }
    return this.#folder
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
    data = this.#upgrade(data)
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

/**
 * Replaces a whole file so that after a crash it is the old one or the new one: the same durable
 * write as a DurableJsonFile's, without the `.prev` copy. For the archive's documents, from the
 * main thread and from the report worker alike. The folder must exist.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const folder = await openExistingFolder(dirname(file))
  try {
    await writeDurably(file, typeof data === 'string' ? data : [data], folder, false)
  } finally {
    await folder?.close()
  }
}

/** Makes the folder if need be and fsyncs it: a name just made in it then survives a power cut. */
export async function syncFolder(dir: string): Promise<void> {
  const folder = await openFolder(dir)
  try {
    await folder?.sync()
  } finally {
    await folder?.close()
  }
}

async function openFolder(dir: string): Promise<FileHandle | null> {
  await mkdir(dir, { recursive: true })
  return openExistingFolder(dir)
}

function openExistingFolder(dir: string): Promise<FileHandle | null> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  return process.platform === 'win32' ? Promise.resolve(null) : open(dir, 'r')
}

async function writeDurably(
  file: string,
  json: Json,
  folder: FileHandle | null,
  keep = true,
): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  // The last good copy is kept while the new one is written: neither waits for the other.
  const [written, kept] = await Promise.allSettled([
    writeSynced(tmp, json),
    keep ? keepPrevious(file) : undefined,
  ])
  if (written.status === 'rejected') throw written.reason
  // Renamed only once the previous copy is kept, and closed meanwhile (libuv opens files
  // shareable, so Windows renames an open file too).
  const renamed = kept.status === 'fulfilled' ? rename(tmp, file) : Promise.reject(kept.reason)
  await settled(renamed, written.value.close())
  await folder?.sync()
}

/** O_SYNC where the platform has it (not Windows): each write returns once it is on disk. */
const O_SYNC: number | undefined = constants.O_SYNC
const SYNCED_WRITE = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (O_SYNC ?? 0)

/** The temp file, written and on disk, still open: its close need not hold up the rename. */
async function writeSynced(tmp: string, json: Json): Promise<FileHandle> {
  const handle = await open(tmp, SYNCED_WRITE)
  try {
    await writeChunks(handle, typeof json === 'string' ? [Buffer.from(json, 'utf8')] : json)
    if (O_SYNC === undefined) await handle.sync()
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** The current file stays as `.prev`, a hard link: the target itself never goes missing. */
async function keepPrevious(file: string): Promise<void> {
  const prev = previousOf(file)
  await unlink(prev).catch((error: unknown) => {
    if (!isCode(error, 'ENOENT')) throw error
  })
  await link(file, prev).catch((error: unknown) => {
    if (!isCode(error, 'ENOENT')) throw error
  })
}

/** Every step done, then the first failure rethrown: none is left running into the next write. */
async function settled(...steps: Promise<unknown>[]): Promise<void> {
  for (const outcome of await Promise.allSettled(steps)) {
    if (outcome.status === 'rejected') throw outcome.reason
  }
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

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code
}
