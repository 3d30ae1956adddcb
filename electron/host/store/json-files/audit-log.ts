import { constants } from 'node:fs'
import { mkdir, open, readFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { canonicalJson, sha256Hex } from './digest'
import { GroupCommit } from './group-commit'

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
  /** Entries asked for and not yet in a write: the next write takes them all. */
  #pending: PendingEntry[] = []
  readonly #commit = new GroupCommit(() => this.#writePending())
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
   * has O_DSYNC, a write and an fsync elsewhere (each a turn of a busy event loop). Entries
   * asked for while a write is on its way go together in the next one, chained in the order
   * asked: at 报到 every check-in is logged, and one synced write each (8 ms on the test
   * machine's disk) queued thousands of tablets behind the log (the check-in burst, issue 31).
   */
  append(type: string, data: Record<string, unknown> = {}): Promise<AuditEntry> {
    const pending: PendingEntry = { type, data, at: new Date().toISOString(), entry: null }
    this.#pending.push(pending)
    return this.#commit.request().then(() => pending.entry as AuditEntry)
  }

  /** Writes every pending entry in one synced append; the chain moves on once it is on disk. */
  async #writePending(): Promise<void> {
    const batch = this.#pending.splice(0)
    if (batch.length === 0) return
    let seq = this.#seq
    let prev = this.#prev
    const lines = batch.map((pending) => {
      seq += 1
      const base = { seq, at: pending.at, type: pending.type, data: pending.data, prev }
      const entry: AuditEntry = { ...base, hash: entryHash(base) }
      prev = entry.hash
      pending.entry = entry
      return JSON.stringify(entry) + '\n'
    })
    this.#handle ??= await open(this.file, APPEND_SYNCED)
    await this.#handle.appendFile(lines.join(''), 'utf8')
    // With O_DSYNC the write returned once the lines (and the file's new size) were on disk.
    if (constants.O_DSYNC === undefined) await this.#handle.sync()
    this.#seq = seq
    this.#prev = prev
  }

  /** Waits for the appends asked for, then lets go of the file (a later append reopens it). */
  async close(): Promise<void> {
    await this.settled()
    const handle = this.#handle
    this.#handle = null
    await handle?.close()
  }

  /** Resolves once every append asked for so far is on disk (or has failed). */
  async settled(): Promise<void> {
    await this.#commit.after(() => Promise.resolve())
  }

  async entries(): Promise<AuditEntry[]> {
    await this.settled()
    return (await verifyAuditLog(this.file)).entries
  }
}

/** An entry asked for, waiting for the write that takes it; `entry` once it is made. */
interface PendingEntry {
  type: string
  data: Record<string, unknown>
  at: string
  entry: AuditEntry | null
}

const APPEND_SYNCED =
  constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_DSYNC ?? 0)
