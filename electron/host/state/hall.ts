import { EventEmitter } from 'node:events'
import type { MeetingEntry } from '../store/json-files/library.store'
import { MeetingLibrary } from '../store/json-files/library.store'
import type { VoteKeyVault } from '../store/ballot-box/vote-keys'
import { ServiceError } from '../services/service-error'
import type { Change } from './session'
import { Session } from './session'
import { newMeetingId } from '../services/new-ids'
import type { DeputyId, MeetingId } from '../../../shared/protocol/ids'

export type HallChange =
  | Change
  | { type: 'meeting-switched' }
  /** A credential stopped working (reissued, or the deputy removed). */
  | { type: 'deputy-revoked'; deputyId: DeputyId }

/**
 * The hall: the library of meetings and the one open now. Services and namespaces reach the
 * current meeting through here, so switching meetings rewires nothing else.
 */
export class Hall extends EventEmitter<{ change: [HallChange] }> {
  readonly library: MeetingLibrary
  /** Where open ballot boxes' keys are kept, for every meeting's session. */
  readonly keys: VoteKeyVault
  #session: Session
  readonly #forward = (change: Change) => this.emit('change', change)

  private constructor(library: MeetingLibrary, keys: VoteKeyVault, session: Session) {
    super()
    this.library = library
    this.keys = keys
    this.#session = session
    session.on('change', this.#forward)
  }

  /** Opens the data folder at its active meeting, creating a first empty one if there is none. */
  static async open(dataDir: string, keys: VoteKeyVault): Promise<Hall> {
    const library = await MeetingLibrary.open(dataDir)
    let id =
      library.active && library.find(library.active)
        ? library.active
        : (library.meetings.at(-1)?.id ?? null)
    if (!id) id = (await createEntry(library, '未命名会议')).id
    await library.setActive(id)
    return new Hall(library, keys, await Session.open(library.dirOf(id), keys, library.find(id)))
  }

  get session(): Session {
    return this.#session
  }

  /** Creates a meeting folder; does not switch to it. */
  async create(title: string, rehearsal = false): Promise<MeetingEntry> {
    return createEntry(this.library, title, rehearsal)
  }

  async switchTo(id: MeetingId): Promise<void> {
    const entry = this.library.find(id)
    if (!entry) throw new ServiceError('not-found', id)
    if (this.#session.openVote()) throw new ServiceError('another-vote-open')
    if (id === this.#session.meetingId) return
    const next = await Session.open(this.library.dirOf(id), this.keys, entry)
    const previous = this.#session
    previous.off('change', this.#forward)
    this.#session = next
    next.on('change', this.#forward)
    await this.library.setActive(id)
    this.emit('change', { type: 'meeting-switched' })
    await previous.close()
  }

  async close(): Promise<void> {
    await Promise.all([this.#session.close(), this.library.close()])
  }
}

async function createEntry(
  library: MeetingLibrary,
  title: string,
  rehearsal = false,
): Promise<MeetingEntry> {
  const entry: MeetingEntry = {
    id: newMeetingId(),
    title,
    createdAt: new Date().toISOString(),
    rehearsal,
  }
  await library.add(entry)
  return entry
}
