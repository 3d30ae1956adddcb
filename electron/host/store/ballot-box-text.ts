import type { BallotEntry } from '../../../shared/protocol/ballot-box.schema'
import { SortedFragments } from './sorted-fragments'

/**
 * The ballot box file's JSON kept in parts, so that a group commit writes cached bytes instead of
 * sorting every key and stringifying the whole box (at 3,000 deputies that was most of the
 * host's CPU during a vote). A part is serialised when it changes: a ballot's entry when its
 * count does, a voter's receipt and commitment when they vote or change their ballot.
 *
 * The parts stay in canonical order (ballots by content key, voters by id), never in the order
 * they arrived, so the bytes are the JSON of the file exactly as sorting it whole would give.
 */
export class BallotBoxText {
  readonly #head: Buffer
  readonly #ballots = new SortedFragments()
  readonly #voted = new SortedFragments()
  readonly #receipts = new SortedFragments()
  readonly #commitments = new SortedFragments()

  constructor(voteId: string) {
    this.#head = Buffer.from(`{"version":1,"voteId":${JSON.stringify(voteId)},"ballots":[`)
  }

  /** The entry under its content key, after its count changed; at count 0 it is gone. */
  setBallot(key: string, entry: BallotEntry): void {
    if (entry.count === 0) this.#ballots.delete(key)
    else this.#ballots.set(key, JSON.stringify(entry))
  }

  setVoter(deputyId: string, receipt: string, commitment: string): void {
    const id = JSON.stringify(deputyId)
    this.#voted.set(deputyId, id)
    this.#receipts.set(deputyId, `${id}:${JSON.stringify(receipt)}`)
    this.#commitments.set(deputyId, `${id}:${JSON.stringify(commitment)}`)
  }

  /** The whole file as chunks of UTF-8, in order; a chunk never changes once made. */
  chunks(): Buffer[] {
    return [
      this.#head,
      ...this.#ballots.chunks(),
      VOTED,
      ...this.#voted.chunks(),
      RECEIPTS,
      ...this.#receipts.chunks(),
      COMMITMENTS,
      ...this.#commitments.chunks(),
      END,
    ]
  }
}

const VOTED = Buffer.from('],"voted":[')
const RECEIPTS = Buffer.from('],"receipts":{')
const COMMITMENTS = Buffer.from('},"commitments":{')
const END = Buffer.from('}}')
