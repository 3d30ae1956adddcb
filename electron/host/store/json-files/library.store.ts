import { cp, mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { libraryVersions, upgradeLibrary } from './data-versions'
import { DurableJsonFile } from './durable-json-file'
import type { MeetingId } from '../../../../shared/protocol/ids'

export interface MeetingEntry {
  id: MeetingId
  title: string
  createdAt: string
  /** 演练: kept here too, so the list marks it without opening the meeting. */
  rehearsal: boolean
}

interface LibraryData {
  version: typeof libraryVersions.current
  active: MeetingId | null
  meetings: MeetingEntry[]
}

function verifyLibrary(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return ['not an object']
  const d = data as Partial<LibraryData>
  const problems: string[] = []
  if (d.version !== libraryVersions.current)
    problems.push(`version ${String(d.version)} is not ${libraryVersions.current}`)
  if (!Array.isArray(d.meetings)) problems.push('meetings is not a list')
  return problems
}

/**
 * The meetings in a data folder, one folder each under meetings/<id>/ (its meeting.json,
 * ballots/, archive/, backups/, audit.jsonl). A deleted meeting is moved to trash/, never erased.
 */
export class MeetingLibrary {
  readonly dataDir: string
  readonly #db: Low<LibraryData>
  readonly #file: DurableJsonFile<LibraryData>

  private constructor(dataDir: string, file: DurableJsonFile<LibraryData>, db: Low<LibraryData>) {
    this.dataDir = dataDir
    this.#file = file
    this.#db = db
  }

  static async open(dataDir: string): Promise<MeetingLibrary> {
    await mkdir(join(dataDir, 'meetings'), { recursive: true })
    const file = new DurableJsonFile<LibraryData>(
      join(dataDir, 'library.json'),
      verifyLibrary,
      upgradeLibrary,
    )
    const db = new Low(file, { version: libraryVersions.current, active: null, meetings: [] })
    await db.read()
    return new MeetingLibrary(dataDir, file, db)
  }

  close(): Promise<void> {
    return this.#file.close()
  }

  get meetings(): readonly MeetingEntry[] {
    return this.#db.data.meetings
  }

  get active(): MeetingId | null {
    return this.#db.data.active
  }

  dirOf(id: MeetingId): string {
    return join(this.dataDir, 'meetings', id)
  }

  find(id: MeetingId): MeetingEntry | undefined {
    return this.#db.data.meetings.find((m) => m.id === id)
  }

  async add(entry: MeetingEntry): Promise<void> {
    await mkdir(this.dirOf(entry.id), { recursive: true })
    this.#db.data.meetings.push(entry)
    await this.#db.write()
  }

  async setActive(id: MeetingId): Promise<void> {
    this.#db.data.active = id
    await this.#db.write()
  }

  async rename(id: MeetingId, title: string): Promise<void> {
    await this.update(id, { title })
  }

  async update(id: MeetingId, change: Partial<Pick<MeetingEntry, 'title' | 'rehearsal'>>) {
    const entry = this.find(id)
    if (entry) Object.assign(entry, change)
    await this.#db.write()
  }

  /** Copies a meeting's folder as the start of a new one (the caller then resets it). */
  async copyFolder(fromId: MeetingId, toId: MeetingId): Promise<void> {
    await cp(join(this.dirOf(fromId), 'meeting.json'), join(this.dirOf(toId), 'meeting.json'))
  }

  async remove(id: MeetingId): Promise<string> {
    const trash = join(
      this.dataDir,
      'trash',
      `${id}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    )
    await mkdir(join(this.dataDir, 'trash'), { recursive: true })
    await rename(this.dirOf(id), trash)
    this.#db.data.meetings = this.#db.data.meetings.filter((m) => m.id !== id)
    if (this.#db.data.active === id) this.#db.data.active = null
    await this.#db.write()
    return trash
  }
}
