import { EventEmitter } from 'node:events'
import { BallotBoxStore } from '../store/ballot-box.store'
import { MeetingStore } from '../store/meeting.store'

/** What changed, so each namespace pushes only what its viewers need. */
export type Change =
  | { type: 'meeting' }
  | { type: 'attendance' }
  | { type: 'turnout'; voteId: string }
  | { type: 'deputy'; deputyId: string }

interface SessionEvents {
  change: [Change]
}

/**
 * The host's state: the meeting store and one ballot box per vote. Services change it and
 * announce the change; namespaces listen and push views.
 */
export class Session extends EventEmitter<SessionEvents> {
  readonly dataDir: string
  readonly meeting: MeetingStore
  readonly #boxes = new Map<string, BallotBoxStore>()

  private constructor(dataDir: string, meeting: MeetingStore) {
    super()
    this.dataDir = dataDir
    this.meeting = meeting
  }

  static async open(dataDir: string): Promise<Session> {
    const session = new Session(dataDir, await MeetingStore.open(dataDir))
    // Resume: the ballot box of an open vote is loaded before any tablet can send.
    for (const vote of session.meeting.data.votes) {
      if (vote.status !== 'draft') await session.box(vote.id)
    }
    return session
  }

  async box(voteId: string): Promise<BallotBoxStore> {
    let box = this.#boxes.get(voteId)
    if (!box) {
      box = await BallotBoxStore.open(this.dataDir, voteId)
      this.#boxes.set(voteId, box)
    }
    return box
  }

  /** The ballot box of a vote that has been opened (loaded at start or at open). */
  loadedBox(voteId: string): BallotBoxStore | undefined {
    return this.#boxes.get(voteId)
  }

  openVote() {
    return this.meeting.data.votes.find((v) => v.status === 'open') ?? null
  }

  announce(change: Change): void {
    this.emit('change', change)
  }
}
