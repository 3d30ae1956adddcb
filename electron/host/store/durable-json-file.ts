import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

/**
 * A lowdb adapter whose write is durable when its promise resolves: the JSON goes to a temp
 * file that is fsynced, renamed over the target, and the folder is fsynced so the rename itself
 * survives a power cut. (lowdb's own JSONFile uses steno, which never fsyncs.) Writes to one
 * file are serialised.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string
  #queue: Promise<unknown> = Promise.resolve()

  constructor(file: string) {
    this.file = file
  }

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
    try {
      return JSON.parse(text) as T
    } catch (error) {
      throw new CorruptDataFileError(this.file, error)
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data)
    const next = this.#queue.then(() => writeDurably(this.file, text))
    // A failed write must not wedge the queue: the next write carries the full state again.
    this.#queue = next.catch(() => undefined)
    return next
  }
}

export class CorruptDataFileError extends Error {
  readonly file: string
  constructor(file: string, cause: unknown) {
    super(`data file ${file} is not valid JSON`, { cause })
    this.name = 'CorruptDataFileError'
    this.file = file
  }
}

async function writeDurably(file: string, text: string): Promise<void> {
  const dir = dirname(file)
  await mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`)
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, file)
  await syncDir(dir)
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

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}
