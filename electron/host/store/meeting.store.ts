import { join } from 'node:path'
import { Low } from 'lowdb'
import type { Deputy, Meeting, Project } from '../../../shared/protocol/meeting.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { ScreenStage } from '../../../shared/protocol/views'
import { DurableJsonFile } from './durable-json-file'

export interface MeetingData {
  version: 1
  meeting: Meeting | null
  deputies: Deputy[]
  projects: Project[]
  votes: VoteDef[]
  screen: { stage: ScreenStage; voteId: string | null }
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

  private constructor(db: Low<MeetingData>) {
    this.#db = db
  }

  static async open(dataDir: string): Promise<MeetingStore> {
    const db = new Low(
      new DurableJsonFile<MeetingData>(join(dataDir, 'meeting.json')),
      emptyMeetingData(),
    )
    await db.read()
    if (db.data.version !== 1)
      throw new Error(`meeting.json has unknown version ${String(db.data.version)}`)
    return new MeetingStore(db)
  }

  get data(): Readonly<MeetingData> {
    return this.#db.data
  }

  /** Applies a change and resolves once it is on disk. */
  async update(change: (data: MeetingData) => void): Promise<void> {
    change(this.#db.data)
    await this.#db.write()
  }
}
