import { join } from 'node:path'
import { Low } from 'lowdb'
import type { QuorumRule } from '../../../shared/protocol/attendance.schema'
import type { Deputy, Meeting, Project } from '../../../shared/protocol/meeting.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { ScreenStage } from '../../../shared/protocol/views'
import { DurableJsonFile } from './durable-json-file'
import type { Recovery } from './durable-json-file'
import { verifyMeetingData } from './verify'

export interface MeetingData {
  version: 1
  meeting: Meeting | null
  deputies: Deputy[]
  projects: Project[]
  votes: VoteDef[]
  screen: { stage: ScreenStage; voteId: string | null }
  /** Absent in files written before quorums were configurable: then the default applies. */
  quorum?: QuorumRule
}

export function emptyMeetingData(): MeetingData {
  return {
    version: 1,
    meeting: null,
    deputies: [],
    projects: [],
    votes: [],
    screen: { stage: 'welcome', voteId: null },
  }
}

/**
 * The meeting: roster, projects, agenda and screen stage. Small and changed by staff actions,
 * so it is rewritten whole; ballots live apart (ballot-box.store) so voting never rewrites it.
 */
export class MeetingStore {
  readonly #db: Low<MeetingData>
  readonly #file: DurableJsonFile<MeetingData>
  /** Files found broken at load, set aside and replaced by their last good copy. */
  readonly recoveries: readonly Recovery[]
  /** Lookups by id and credential, rebuilt after a change: a tablet's handshake, check-in and
   * every ballot look a deputy up, and a linear search of 5,000 per call adds up. */
  #index: { byId: Map<string, Deputy>; byCredential: Map<string, Deputy> } | null = null

  private constructor(file: DurableJsonFile<MeetingData>, db: Low<MeetingData>) {
    this.#file = file
    this.#db = db
    this.recoveries = file.recoveries
  }

  static async open(dataDir: string): Promise<MeetingStore> {
    const adapter = new DurableJsonFile<MeetingData>(
      join(dataDir, 'meeting.json'),
      verifyMeetingData,
    )
    const db = new Low(adapter, emptyMeetingData())
    await db.read()
    return new MeetingStore(adapter, db)
  }

  get data(): Readonly<MeetingData> {
    return this.#db.data
  }

  deputy(id: string): Deputy | undefined {
    return this.#deputies().byId.get(id)
  }

  deputyByCredential(credential: string): Deputy | undefined {
    return this.#deputies().byCredential.get(credential)
  }

  /** Applies a change and resolves once it is on disk. */
  async update(change: (data: MeetingData) => void): Promise<void> {
    this.#index = null
    try {
      change(this.#db.data)
    } finally {
      this.#index = null
    }
    await this.#db.write()
  }

  /** Once the writes asked for are on disk, lets go of the file's folder. */
  close(): Promise<void> {
    return this.#file.close()
  }

  #deputies() {
    if (!this.#index) {
      const { deputies } = this.#db.data
      this.#index = {
        byId: new Map(deputies.map((d) => [d.id, d])),
        byCredential: new Map(deputies.map((d) => [d.credential, d])),
      }
    }
    return this.#index
  }
}
