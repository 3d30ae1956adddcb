import { join } from 'node:path'
import type { YearData } from '../../../../shared/year/year.schema'
import { emptyYear } from '../../../../shared/year/year.schema'
import { upgradeYear, yearVersions } from './data-versions'
import { DurableJsonFile } from './durable-json-file'
import type { Recovery } from './durable-json-file'

/** year.json's name in a meeting's folder. */
export const yearFileName = 'year.json'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What a year.json must hold to be read: its version, and lists of projects and ratings. */
export function verifyYear(data: unknown): string[] {
  if (!isRecord(data)) return ['not an object']
  const problems: string[] = []
  if (data.version !== yearVersions.current)
    problems.push(`version ${String(data.version)} is not ${yearVersions.current}`)
  if (!Array.isArray(data.projects)) problems.push('projects is not a list')
  else
    data.projects.forEach((p: unknown, i) => {
      if (!isRecord(p) || typeof p.id !== 'string' || !Array.isArray(p.updates))
        problems.push(`projects[${i}] is not a project`)
    })
  if (!Array.isArray(data.ratings)) problems.push('ratings is not a list')
  if (!Array.isArray(data.imported)) problems.push('imported is not a list')
  return problems
}

/**
 * A meeting's year (查单, 验单) in its own file beside meeting.json: written whole, durably
 * (temp file, fsync, rename, `.prev` kept), upgraded and verified on read as meeting.json is.
 * Deleting the meeting moves its folder, and the year with it, to the trash.
 */
export class YearStore {
  readonly #file: DurableJsonFile<YearData>
  readonly #data: YearData
  readonly recoveries: readonly Recovery[]

  private constructor(file: DurableJsonFile<YearData>, data: YearData) {
    this.#file = file
    this.#data = data
    this.recoveries = file.recoveries
  }

  static async open(meetingDir: string): Promise<YearStore> {
    const file = yearFile(meetingDir)
    return new YearStore(file, (await file.read()) ?? emptyYear())
  }

  /**
   * Another meeting's year, only to read (a rating made from last year's): its file or its last
   * good copy, nothing written, nothing left open.
   */
  static async readOnly(meetingDir: string): Promise<Readonly<YearData>> {
    return (await yearFile(meetingDir).peek()) ?? emptyYear()
  }

  get data(): Readonly<YearData> {
    return this.#data
  }

  /** Applies a change and resolves once it is on disk. */
  async update(change: (data: YearData) => void): Promise<void> {
    change(this.#data)
    await this.#file.write(this.#data)
  }

  close(): Promise<void> {
    return this.#file.close()
  }
}

function yearFile(meetingDir: string): DurableJsonFile<YearData> {
  return new DurableJsonFile<YearData>(join(meetingDir, yearFileName), verifyYear, upgradeYear)
}
