import { join } from 'node:path'
import type { DutyData } from '../../../../shared/duty/duty.schema'
import { emptyDuty } from '../../../../shared/duty/duty.schema'
import { dutyVersions, upgradeDuty } from './data-versions'
import { DurableJsonFile } from './durable-json-file'

/** duty.json's name in the data folder, beside library.json. */
export const dutyFileName = 'duty.json'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What a duty.json must hold to be read: its version, its decisions, its rule or null. */
export function verifyDuty(data: unknown): string[] {
  if (!isRecord(data)) return ['not an object']
  const problems: string[] = []
  if (data.version !== dutyVersions.current)
    problems.push(`version ${String(data.version)} is not ${dutyVersions.current}`)
  if (!Array.isArray(data.decisions)) problems.push('decisions is not a list')
  else
    data.decisions.forEach((d: unknown, i) => {
      if (!isRecord(d) || typeof d.type !== 'string' || typeof d.at !== 'string')
        problems.push(`decisions[${i}] is not a decision`)
    })
  if (data.pointsRule !== null && !isRecord(data.pointsRule))
    problems.push('pointsRule is neither a rule nor null')
  return problems
}

/**
 * The data folder's 代表履职 (duty.json): who is who across its meetings, as staff decided, and
 * the points rule. Written whole, durably (temp file, fsync, rename, `.prev` kept); nothing is
 * written until staff decide something, so reading the record changes no file. The meetings
 * themselves are only ever read for it.
 */
export class DutyStore {
  readonly #file: DurableJsonFile<DutyData>
  readonly #data: DutyData

  private constructor(file: DurableJsonFile<DutyData>, data: DutyData) {
    this.#file = file
    this.#data = data
  }

  static async open(dataDir: string): Promise<DutyStore> {
    const file = new DurableJsonFile<DutyData>(join(dataDir, dutyFileName), verifyDuty, upgradeDuty)
    // A broken file is set aside and its last good copy used (durable-json-file.ts); a missing
    // one is not made until staff decide something.
    return new DutyStore(file, (await file.read()) ?? emptyDuty())
  }

  get data(): Readonly<DutyData> {
    return this.#data
  }

  /** Applies a change and resolves once it is on disk. */
  async update(change: (data: DutyData) => void): Promise<void> {
    change(this.#data)
    await this.#file.write(this.#data)
  }

  close(): Promise<void> {
    return this.#file.close()
  }
}
