import { join } from 'node:path'
import type { BallotEntry } from '../../../shared/protocol/ballot-box.schema'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'
import { BallotBoxText } from './ballot-box-text'
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
  readonly #file: DurableJsonFile<BallotBoxFile>
  readonly #counts = new Map<string, BallotEntry>()
  readonly #receipts = new Map<
    string,
    { ballotHash: string; commitment: string; generation: number }
  >()
  /** What each write puts on disk, kept up to date part by part (not rebuilt per write). */
  readonly #text: BallotBoxText
  #generation = 0
  #durableGeneration = 0

  private constructor(voteId: string, file: DurableJsonFile<BallotBoxFile>, data: BallotBoxFile) {
    this.voteId = voteId
    this.recoveries = file.recoveries
    this.#file = file
    this.#text = new BallotBoxText(voteId)
    for (const entry of data.ballots) {
      const key = ballotKey(entry)
      const copy = { ...entry }
      this.#counts.set(key, copy)
      this.#text.setBallot(key, copy)
    }
    for (const [deputyId, ballotHash] of Object.entries(data.receipts)) {
      this.#setReceipt(deputyId, {
        ballotHash,
        commitment: data.commitments[deputyId] ?? '',
        generation: 0,
      })
    }
  }

  /** Not through lowdb's Low: the store writes its own text, Low would stringify an object. */
  static async open(dataDir: string, voteId: string): Promise<BallotBoxStore> {
    const path = join(dataDir, 'ballots', `${voteId}.json`)
    const file = new DurableJsonFile<BallotBoxFile>(path, verifyBallotBoxFile(voteId))
    const data = (await file.read()) ?? {
      version: 1,
      voteId,
      ballots: [],
      voted: [],
      receipts: {},
      commitments: {},
    }
    return new BallotBoxStore(voteId, file, data)
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
    this.#setReceipt(deputyId, {
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
    this.#text.setBallot(oldKey, old)
    const key = this.#put(marks, false)
    this.#generation += 1
    this.#setReceipt(deputyId, {
      ballotHash: sha256Hex(ballotId),
      commitment: commitment(ballotId, key),
      generation: this.#generation,
    })
    await this.#flush()
    return 'stored'
  }

  /**
   * Writes the box as it stands. At a vote's opening (empty) it makes the folder and the file,
   * so the first ballot's write is an ordinary one and not also the slowest.
   */
  save(): Promise<void> {
    return this.#flush()
  }

  /** Once the writes asked for are on disk, lets go of the file's folder. */
  close(): Promise<void> {
    return this.#file.close()
  }

  #put(marks: Record<string, Mark>, spoiled: boolean): string {
    const entry: BallotEntry = spoiled ? { count: 1, marks, spoiled: true } : { count: 1, marks }
    const key = ballotKey(entry)
    const existing = this.#counts.get(key)
    if (existing) existing.count += 1
    else this.#counts.set(key, entry)
    this.#text.setBallot(key, existing ?? entry)
    return key
  }

  #setReceipt(
    deputyId: string,
    receipt: { ballotHash: string; commitment: string; generation: number },
  ): void {
    this.#receipts.set(deputyId, receipt)
    this.#text.setVoter(deputyId, receipt.ballotHash, receipt.commitment)
  }

  /**
   * The file's own group commit does the grouping: calls made while a write is in flight share
   * the next one, which takes the text as it is when it starts. The generation it read is
   * durable once it resolves (only the last caller's function is called; the others stay 0).
   */
  async #flush(): Promise<void> {
    const write = { generation: 0 }
    await this.#file.writeJson(() => {
      write.generation = this.#generation
      return this.#text.chunks()
    })
    this.#durableGeneration = Math.max(this.#durableGeneration, write.generation)
  }
}

/** Canonical content key: the same marks in any order are the same ballot. */
export function ballotKey(entry: Pick<BallotEntry, 'marks' | 'spoiled'>): string {
  const marks = Object.entries(entry.marks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify([entry.spoiled === true, marks])
}
