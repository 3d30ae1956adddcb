import { join } from 'node:path'
import { Low } from 'lowdb'
import type { BallotEntry } from '../../../shared/protocol/ballot-box.schema'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'
import { DurableJsonFile } from './durable-json-file'
import type { Recovery } from './durable-json-file'
import { sha256Hex } from './digest'
import { verifyBallotBoxFile } from './verify'

/**
 * One file per vote. Secret by construction: the ballots are a multiset (content → count) kept
 * in canonical order, and who voted is a separate sorted set. Nothing on disk ties a deputy to a
 * ballot's content by id, position or time. `receipts` maps a deputy to the SHA-256 of the random
 * id the tablet made for its ballot, so a resend is recognised; no id is stored with content.
 */
export interface BallotBoxFile {
  version: 1
  voteId: string
  ballots: BallotEntry[]
  voted: string[]
  receipts: Record<string, string>
  /**
   * Per deputy, SHA-256 of (ballot id, content): lets the tablet that holds the id prove what
   * it cast, to change it while changes are allowed. Without the id it reveals nothing.
   */
  commitments: Record<string, string>
}

export type AddBallotOutcome = 'stored' | 'resent' | 'already-voted'
export type ChangeBallotOutcome = 'stored' | 'resent' | 'not-voted' | 'mismatch'

function commitment(ballotId: string, key: string): string {
  return sha256Hex(`${ballotId}\n${key}`)
}

export class BallotBoxStore {
  readonly voteId: string
  readonly recoveries: readonly Recovery[]
  readonly #db: Low<BallotBoxFile>
  readonly #counts = new Map<string, BallotEntry>()
  readonly #receipts = new Map<
    string,
    { ballotHash: string; commitment: string; generation: number }
  >()
  #generation = 0
  #durableGeneration = 0
  #pending: Promise<void> | null = null
  #writing: Promise<void> = Promise.resolve()

  private constructor(voteId: string, db: Low<BallotBoxFile>, recoveries: readonly Recovery[]) {
    this.voteId = voteId
    this.recoveries = recoveries
    this.#db = db
    for (const entry of db.data.ballots) this.#counts.set(ballotKey(entry), { ...entry })
    for (const [deputyId, ballotHash] of Object.entries(db.data.receipts)) {
      this.#receipts.set(deputyId, {
        ballotHash,
        commitment: db.data.commitments[deputyId] ?? '',
        generation: 0,
      })
    }
  }

  static async open(dataDir: string, voteId: string): Promise<BallotBoxStore> {
    const file = join(dataDir, 'ballots', `${voteId}.json`)
    const adapter = new DurableJsonFile<BallotBoxFile>(file, verifyBallotBoxFile(voteId))
    const db = new Low(adapter, {
      version: 1,
      voteId,
      ballots: [],
      voted: [],
      receipts: {},
      commitments: {},
    })
    await db.read()
    return new BallotBoxStore(voteId, db, adapter.recoveries)
  }

  get castCount(): number {
    return this.#receipts.size
  }

  hasVoted(deputyId: string): boolean {
    return this.#receipts.has(deputyId)
  }

  votedIds(): string[] {
    return [...this.#receipts.keys()].sort()
  }

  ballots(): BallotEntry[] {
    return [...this.#counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e)
  }

  /**
   * Records a ballot and resolves once the write holding it is on disk. Ballots that arrive
   * while a write is in flight are persisted together in the next one (group commit).
   */
  async add(
    deputyId: string,
    ballotId: string,
    marks: Record<string, Mark>,
    spoiled = false,
  ): Promise<AddBallotOutcome> {
    const ballotHash = sha256Hex(ballotId)
    const known = this.#receipts.get(deputyId)
    if (known) {
      if (known.ballotHash !== ballotHash) return 'already-voted'
      if (known.generation > this.#durableGeneration) await this.#flush()
      return 'resent'
    }
    const key = this.#put(marks, spoiled)
    this.#generation += 1
    this.#receipts.set(deputyId, {
      ballotHash,
      commitment: commitment(ballotId, key),
      generation: this.#generation,
    })
    await this.#flush()
    return 'stored'
  }

  /**
   * Replaces a deputy's ballot while the vote allows changes. The tablet proves what it cast
   * with the old ballot's id and content; a resend of the change is recognised by the new id.
   */
  async change(
    deputyId: string,
    previous: { ballotId: string; marks: Record<string, Mark> },
    ballotId: string,
    marks: Record<string, Mark>,
  ): Promise<ChangeBallotOutcome> {
    const known = this.#receipts.get(deputyId)
    if (!known) return 'not-voted'
    if (known.ballotHash === sha256Hex(ballotId)) {
      if (known.generation > this.#durableGeneration) await this.#flush()
      return 'resent'
    }
    const oldKey = ballotKey({ marks: previous.marks })
    if (
      known.ballotHash !== sha256Hex(previous.ballotId) ||
      known.commitment !== commitment(previous.ballotId, oldKey)
    ) {
      return 'mismatch'
    }
    const old = this.#counts.get(oldKey)
    if (!old) return 'mismatch'
    old.count -= 1
    if (old.count === 0) this.#counts.delete(oldKey)
    const key = this.#put(marks, false)
    this.#generation += 1
    this.#receipts.set(deputyId, {
      ballotHash: sha256Hex(ballotId),
      commitment: commitment(ballotId, key),
      generation: this.#generation,
    })
    await this.#flush()
    return 'stored'
  }

  #put(marks: Record<string, Mark>, spoiled: boolean): string {
    const entry: BallotEntry = spoiled ? { count: 1, marks, spoiled: true } : { count: 1, marks }
    const key = ballotKey(entry)
    const existing = this.#counts.get(key)
    if (existing) existing.count += 1
    else this.#counts.set(key, entry)
    return key
  }

  #flush(): Promise<void> {
    if (this.#pending) return this.#pending
    const pending = this.#writing.then(async () => {
      this.#pending = null
      const generation = this.#generation
      this.#db.data = this.#snapshot()
      await this.#db.write()
      this.#durableGeneration = Math.max(this.#durableGeneration, generation)
    })
    this.#pending = pending
    this.#writing = pending.catch(() => undefined)
    return pending
  }

  #snapshot(): BallotBoxFile {
    const receipts: Record<string, string> = {}
    const commitments: Record<string, string> = {}
    // Sorted once per write (it runs at every group commit, 3,000 ids at a full hall).
    const voted = this.votedIds()
    for (const id of voted) {
      receipts[id] = this.#receipts.get(id)?.ballotHash ?? ''
      commitments[id] = this.#receipts.get(id)?.commitment ?? ''
    }
    return {
      version: 1,
      voteId: this.voteId,
      ballots: this.ballots(),
      voted,
      receipts,
      commitments,
    }
  }
}

/** Canonical content key: the same marks in any order are the same ballot. */
export function ballotKey(entry: Pick<BallotEntry, 'marks' | 'spoiled'>): string {
  const marks = Object.entries(entry.marks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify([entry.spoiled === true, marks])
}
