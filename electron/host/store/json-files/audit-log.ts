import { constants } from 'node:fs'
import { mkdir, open, readFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { canonicalJson, sha256Hex } from './digest'

/**
 * The audit log: append-only JSON lines, each carrying the hash of the one before, so a line
 * changed, removed or reordered breaks the chain at a point `verifyAuditLog` names. Every
 * append is fsynced before the action it records is acknowledged.
 *
 * It records staff actions and vote events, never a ballot: nothing here may link a deputy to
 * how they voted, by content, order or time.
 */
export interface AuditEntry {
  seq: number
  at: string
  type: string
  data: Record<string, unknown>
  prev: string
  hash: string
}

export const genesisHash = '0'.repeat(64)

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      type: entry.type,
      data: entry.data,
      prev: entry.prev,
    }),
  )
}

export interface AuditVerification {
  ok: boolean
  entries: AuditEntry[]
  /** Plain statements of what is wrong, each naming the line. */
  problems: string[]
}

/** Checks every line and the chain. A torn last line (a crash mid-append) is reported too. */
export function verifyAuditText(text: string): AuditVerification {
  const entries: AuditEntry[] = []
  const problems: string[] = []
  let prev = genesisHash
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  lines.forEach((line, i) => {
    const n = i + 1
    let entry: AuditEntry
    try {
      entry = JSON.parse(line) as AuditEntry
    } catch {
      problems.push(`line ${n}: not valid JSON${i === lines.length - 1 ? ' (torn last line)' : ''}`)
      return
    }
    if (entry.seq !== entries.length + 1)
      problems.push(`line ${n}: seq ${entry.seq}, expected ${entries.length + 1}`)
    if (entry.prev !== prev)
      problems.push(`line ${n}: prev does not match the hash of line ${n - 1}`)
    if (entryHash(entry) !== entry.hash) problems.push(`line ${n}: hash does not match its content`)
    entries.push(entry)
    prev = entry.hash
  })
  return { ok: problems.length === 0, entries, problems }
}

export async function verifyAuditLog(file: string): Promise<AuditVerification> {
  let text = ''
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error
  }
  return verifyAuditText(text)
}

export class AuditLog {
  readonly file: string
  #seq: number
  #prev: string
  #queue: Promise<unknown> = Promise.resolve()
  /**
   * Kept open between appends: opening and closing around each one cost two more turns of a
   * busy event loop per staff action, on the path from close to the result on the projector.
   */
  #handle: FileHandle | null = null

  private constructor(file: string, seq: number, prev: string) {
    this.file = file
    this.#seq = seq
    this.#prev = prev
  }

  /** Opens the log and verifies it; a broken chain is returned for the staff to see, and
   * new entries chain on from the last line that parsed. */
  static async open(file: string): Promise<{ log: AuditLog; verification: AuditVerification }> {
    await mkdir(dirname(file), { recursive: true })
    const verification = await verifyAuditLog(file)
    const last = verification.entries.at(-1)
    return { log: new AuditLog(file, last?.seq ?? 0, last?.hash ?? genesisHash), verification }
  }

  /**
   * Appends an entry and resolves once it is on disk: one synced write where the platform
   * has O_DSYNC, a write and an fsync elsewhere (each a turn of a busy event loop).
   */
  append(type: string, data: Record<string, unknown> = {}): Promise<AuditEntry> {
    const run = this.#queue.then(async () => {
      const base = {
        seq: this.#seq + 1,
        at: new Date().toISOString(),
        type,
        data,
        prev: this.#prev,
      }
      const entry: AuditEntry = { ...base, hash: entryHash(base) }
      this.#handle ??= await open(this.file, APPEND_SYNCED)
      await this.#handle.appendFile(JSON.stringify(entry) + '\n', 'utf8')
      // With O_DSYNC the write returned once the line (and the file's new size) was on disk.
      if (constants.O_DSYNC === undefined) await this.#handle.sync()
      this.#seq = entry.seq
      this.#prev = entry.hash
      return entry
    })
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** Waits for the appends asked for, then lets go of the file (a later append reopens it). */
  async close(): Promise<void> {
    await this.#queue
    const handle = this.#handle
    this.#handle = null
    await handle?.close()
  }

  /** Resolves once every append asked for so far is on disk (or has failed). */
  async settled(): Promise<void> {
    await this.#queue
  }

  async entries(): Promise<AuditEntry[]> {
    await this.#queue
    return (await verifyAuditLog(this.file)).entries
  }
}

const APPEND_SYNCED =
  constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_DSYNC ?? 0)
