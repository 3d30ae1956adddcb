import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import type { BallotEntry } from '../../../../shared/protocol/ballot-box.schema'
import type { PaperBallot } from '../../../../shared/protocol/paper-count.schema'
import type { Mark } from '../../../../shared/protocol/vote-rules.schema'
import { BallotBoxSlots } from './ballot-box-slots'
import type { SizeHint } from './box-regions'
import { BallotCounts } from './ballot-counts'
import { contentRef } from './ballot-key'
import type { BoxCipher } from './box-cipher'
import { damageOf } from './box-damage'
import { BoxRegions, layoutFor } from './box-regions'
import { BoxWatermark } from './box-watermark'
import { sha256Hex } from '../json-files/digest'
import type { Recovery } from '../json-files/durable-json-file'
import { GroupCommit } from '../json-files/group-commit'
import type { OpenBoxData } from './box-data'
import { PaperFile, removePaperFile } from './paper-file'
import { PaperBatches, paperVoterId } from './paper-voters'
import type { BallotBoxFile, SealedFile } from './sealed-box'
import { readSealed, rewriteSealed, sealedFile } from './sealed-box'
import { SLOTS } from './slot-reader'
import type { VoteKeyVault } from './vote-keys'
import { WatermarkFile } from './watermark-file'
import type { BallotId, DeputyId, VoteId } from '../../../../shared/protocol/ids'

export { ballotKey } from './ballot-key'

export type AddBallotOutcome = 'stored' | 'resent' | 'already-voted'
export type ChangeBallotOutcome = 'stored' | 'resent' | 'not-voted'

/** An open box's deputy who voted: their ballot's id hashed, its content's key, when. */
interface Voter {
  ballotHash: string
  key: string
  generation: number
}

/** What an open box writes to: its slots, its regions in memory, its key, its paper count's work. */
interface OpenParts {
  slots: BallotBoxSlots
  regions: BoxRegions
  cipher: BoxCipher
  paper: PaperFile
}

/**
 * A vote's ballot box (README.md beside it maps the folder). While the vote is open, each
 * ballot is counted in memory, put into its region (box-regions.ts) and acknowledged once a slot
 * holding it is on disk (ballot-box-slots.ts; ../json-files/group-commit.ts); at the close it is
 * sealed into one file (sealed-box.ts) and its key destroyed.
 */
export class BallotBoxStore {
  readonly voteId: VoteId
  readonly recoveries: readonly Recovery[]
  /**
   * Why this box, found at a start, holds less than it should (slots missing or unreadable, or
   * older than the watermark), in staff's words; null when it is whole.
   */
  readonly damage: string | null
  /** The sealed file: written once, when the vote closes. */
  readonly #sealedFile: SealedFile
  readonly #vault: VoteKeyVault
  /** Null once sealed: the slots are gone and the key destroyed. */
  #open: OpenParts | null
  readonly #counts = new BallotCounts()
  /** While open: who voted and what; kept only in memory and in the encrypted regions. */
  readonly #voters = new Map<DeputyId, Voter>()
  /** Once sealed: who voted, and the hashes of the ballots' ids, apart. */
  #sealedVoted: ReadonlySet<DeputyId> = new Set()
  #received: ReadonlySet<string> = new Set()
  /** Commits in flight at once: one fewer than the slots, so the newest on disk stays whole. */
  readonly #commit = new GroupCommit(() => this.#write(), SLOTS - 1)
  #generation = 0
  #durableGeneration = 0
  /** Voters in the box as of #durableGeneration. */
  #durableCast = 0
  readonly #watermark: BoxWatermark
  /** Paper ballots of the paper count in the box, per batch (paper-voters.ts). */
  readonly paperBatches = new PaperBatches()
  /**
   * The paper count's work as it was on disk when the box was opened (paper-file.ts), for the
   * service to take up; null when there was none.
   */
  paperWorkAtStart: string | null = null

  private constructor(
    voteId: VoteId,
    files: { sealed: SealedFile; keys: VoteKeyVault; watermark: WatermarkFile },
    open: OpenParts | null,
    recoveries: Recovery[],
    damage: string | null = null,
  ) {
    this.voteId = voteId
    this.recoveries = recoveries
    this.damage = damage
    this.#sealedFile = files.sealed
    this.#vault = files.keys
    this.#watermark = new BoxWatermark(files.watermark, () =>
      this.#open
        ? { generation: this.#open.slots.durableGeneration, cast: this.#durableCast }
        : null,
    )
    this.#open = open
  }

  /**
   * A sealed box (its vote closed) from its file; an open vote's from its newest sound slot,
   * opened with the key its header names; else an empty box under a new key. Not through
   * lowdb's Low: the store writes its own bytes.
   */
  static async open(
    dataDir: string,
    voteId: VoteId,
    keys: VoteKeyVault,
    /** The vote has been opened (so its box was on disk): a box missing is damage. */
    opened = false,
  ): Promise<BallotBoxStore> {
    const dir = join(dataDir, 'ballots')
    const sealed = sealedFile(dir, voteId)
    const watermark = new WatermarkFile(join(dir, `${voteId}.watermark.json`))
    const files = { sealed, keys, watermark }
    const found = await readSealed(sealed)
    if (found) {
      await BallotBoxSlots.removeLeftovers(dir, voteId, keys)
      await removePaperFile(dir, voteId)
      await watermark.remove()
      const box = new BallotBoxStore(voteId, files, null, [...sealed.recoveries])
      box.#loadSealed(found.box)
      // A version 1 file kept who cast which ballot's id: rewritten as version 2 at once.
      if (found.upgraded) await rewriteSealed(sealed, box.#snapshot())
      return box
    }
    const slots = await BallotBoxSlots.open(dir, voteId, (keyId) => keys.load(keyId))
    const last = opened ? await watermark.read() : null
    const damage = opened ? damageOf(slots, last) : null
    const cipher = slots.cipher ?? (await keys.create())
    const regions = new BoxRegions(voteId, cipher, slots.layout ?? layoutFor(0))
    const paper = new PaperFile(dir, voteId, cipher)
    const paperWork = await paper.read()
    const box = new BallotBoxStore(
      voteId,
      files,
      { slots: slots.slots, regions, cipher, paper },
      [...sealed.recoveries, ...slots.recoveries, ...paper.recoveries],
      damage,
    )
    box.paperWorkAtStart = paperWork
    if (slots.data) box.#loadOpen(slots.data)
    if (slots.regions) regions.adopt(slots.regions)
    slots.slots.recognise(regions)
    box.#durableGeneration = slots.generation
    box.#durableCast = box.#voters.size
    // Every slot file there again before the next stop: a slot missing then would be damage.
    if (opened && (slots.missing > 0 || slots.recoveries.length > 0))
      await slots.slots.fill(regions.snapshot())
    return box
  }

  get castCount(): number {
    return this.#open ? this.#voters.size : this.#sealedVoted.size
  }

  hasVoted(deputyId: DeputyId): boolean {
    return this.#open ? this.#voters.has(deputyId) : this.#sealedVoted.has(deputyId)
  }

  votedIds(): DeputyId[] {
    return this.#open ? [...this.#voters.keys()].sort() : [...this.#sealedVoted]
  }

  /**
   * This deputy voted, and a ballot with this id (made by the tablet) is the one counted: a
   * resend, also after the close, when who cast which ballot is no longer known.
   */
  recognises(deputyId: DeputyId, ballotId: BallotId): boolean {
    const ballotHash = sha256Hex(ballotId)
    if (this.#open) return this.#voters.get(deputyId)?.ballotHash === ballotHash
    return this.#sealedVoted.has(deputyId) && this.#received.has(ballotHash)
  }

  /** The entries in order of their keys. */
  ballots(): BallotEntry[] {
    return this.#counts.entries()
  }

  /** ballots() and, as `canonical`, `canonicalJson(ballots)` (../json-files/digest.ts), made from kept texts. */
  ballotsWithCanonical(): { ballots: BallotEntry[]; canonical: string } {
    return this.#counts.withCanonical()
  }

  /**
   * Records a ballot and resolves once the write holding it is on disk. Ballots that arrive
   * while a write is in flight are persisted together in the next one (group commit).
   */
  async add(
    deputyId: DeputyId,
    ballotId: BallotId,
    marks: Record<string, Mark>,
    spoiled = false,
  ): Promise<AddBallotOutcome> {
    const open = this.#writable()
    const ballotHash = sha256Hex(ballotId)
    const known = this.#voters.get(deputyId)
    if (known) {
      if (known.ballotHash !== ballotHash) return 'already-voted'
      if (known.generation > this.#durableGeneration) await this.#flush()
      return 'resent'
    }
    const key = this.#put(open, marks, spoiled)
    this.#generation += 1
    this.#setVoter(open, deputyId, { ballotHash, key, generation: this.#generation })
    await this.#flush()
    return 'stored'
  }

  /**
   * Replaces a deputy's ballot while the vote allows changes: the box knows which content was
   * theirs, so the tablet keeps nothing of it; a resend of the change is recognised by its id.
   */
  async change(
    deputyId: DeputyId,
    ballotId: BallotId,
    marks: Record<string, Mark>,
  ): Promise<ChangeBallotOutcome> {
    const open = this.#writable()
    const known = this.#voters.get(deputyId)
    if (!known) return 'not-voted'
    const ballotHash = sha256Hex(ballotId)
    if (known.ballotHash === ballotHash) {
      if (known.generation > this.#durableGeneration) await this.#flush()
      return 'resent'
    }
    open.regions.setBallot(known.key, this.#counts.remove(known.key))
    const key = this.#put(open, marks, false)
    this.#generation += 1
    this.#setVoter(open, deputyId, { ballotHash, key, generation: this.#generation })
    await this.#flush()
    return 'stored'
  }

  /**
   * A batch of the paper count, as its two entries agreed (or a 监票人 resolved): every paper
   * under a place-holder voter of its own (paper-voters.ts), all in one write, so after a crash
   * the batch is in the box whole or not at all. A batch already in it is not added again.
   */
  async addPaperBatch(
    batch: number,
    ballots: readonly PaperBallot[],
  ): Promise<'stored' | 'already'> {
    const open = this.#writable()
    if (this.paperBatches.has(batch)) return 'already'
    this.#generation += 1
    ballots.forEach((ballot, index) => {
      const key = this.#put(open, ballot.marks, ballot.spoiled === true)
      // Nothing resends a paper: its id is a throwaway, as a single paper entry's is.
      const ballotHash = sha256Hex(randomBytes(16).toString('base64url'))
      this.#setVoter(open, paperVoterId(batch, index), {
        ballotHash,
        key,
        generation: this.#generation,
      })
    })
    this.paperBatches.set(batch, ballots.length)
    await this.#flush()
    return 'stored'
  }

  /** The paper count's work, durably and under the vote's key, before it is acknowledged. */
  writePaperWork(json: string): Promise<void> {
    return this.#writable().paper.write(json)
  }

  /**
   * Writes the box as it stands. At a vote's opening (empty) it lays the box out for the hall
   * it expects and writes every slot whole, so the first ballots' writes are ordinary ones.
   */
  async save(expected?: SizeHint): Promise<void> {
    const open = this.#open
    if (!open) return
    await this.#commit.after(() =>
      this.#durably(() => open.slots.writeEvery(open.regions.snapshot(expected))),
    )
    await this.#watermark.write()
  }

  /**
   * Staff have seen the damage: what the box holds now is what it should hold from here on
   * (the watermark follows it, so the next start does not report the same damage again).
   */
  async acknowledgeDamage(): Promise<void> {
    await this.#commit.after(async () => undefined)
    await this.#watermark.write()
  }

  /**
   * The vote closed: the box goes into one file of canonical JSON, then the slots go, then the
   * key: from here on nothing, in memory or on disk, says who cast which ballot.
   */
  seal(): Promise<void> {
    return this.#commit.after(async () => {
      const open = this.#open
      if (!open) return
      const snapshot = this.#snapshot()
      await this.#sealedFile.write(snapshot)
      await open.slots.remove()
      await open.paper.close()
      await removePaperFile(dirname(this.#sealedFile.file), this.voteId)
      await this.#vault.destroy(open.cipher.keyId)
      await this.#watermark.remove()
      this.#open = null
      this.#voters.clear()
      this.#sealedVoted = new Set(snapshot.voted)
      this.#received = new Set(snapshot.received)
    })
  }

  /** Once the writes asked for are on disk, lets go of the files. */
  async close(): Promise<void> {
    await this.#commit.after(async () => {
      await this.#open?.slots.close()
      await this.#open?.paper.close()
    })
    await this.#watermark.flush()
    await this.#sealedFile.close()
  }

  #writable(): OpenParts {
    if (!this.#open) throw new Error(`ballot box ${this.voteId} is sealed`)
    return this.#open
  }

  /** The newest slot's ballots and voters, as the box was when the host stopped. */
  #loadOpen(data: OpenBoxData): void {
    const { regions } = this.#writable()
    const keyOf = new Map<string, string>()
    for (const entry of data.ballots) {
      const key = this.#counts.load(entry)
      regions.setBallot(key, this.#counts.text(key))
      keyOf.set(contentRef(key), key)
    }
    for (const [deputyId, ballotHash, ref] of data.voters) {
      this.#voters.set(deputyId, { ballotHash, key: keyOf.get(ref)!, generation: 0 })
      regions.setVoter(deputyId, ballotHash, ref)
    }
    this.paperBatches.countVoters(data.voters.map(([id]) => id))
  }

  /** A sealed box's file (as version 2, sealed-box.ts). */
  #loadSealed(data: BallotBoxFile): void {
    for (const entry of data.ballots) this.#counts.load(entry)
    this.#sealedVoted = new Set(data.voted)
    this.#received = new Set(data.received)
    this.paperBatches.countVoters(data.voted)
  }

  /** Counts a ballot (ballot-counts.ts) and puts its entry into its region; answers its key. */
  #put(open: OpenParts, marks: Record<string, Mark>, spoiled: boolean): string {
    const key = this.#counts.put(marks, spoiled)
    open.regions.setBallot(key, this.#counts.text(key))
    return key
  }

  #setVoter(open: OpenParts, deputyId: DeputyId, voter: Voter): void {
    this.#voters.set(deputyId, voter)
    open.regions.setVoter(deputyId, voter.ballotHash, contentRef(voter.key))
  }

  /** Group commit: calls made while a write is in flight share the next one. */
  #flush(): Promise<void> {
    return this.#commit.request()
  }

  /** A group commit's run: the box as it is when the run starts. */
  #write(): Promise<void> {
    const open = this.#writable()
    return this.#durably(() => open.slots.write(open.regions.snapshot()))
  }

  /** `write` takes the box as it is now; the generation it holds is durable once it resolves. */
  async #durably(write: () => Promise<void>): Promise<void> {
    const generation = this.#generation
    const cast = this.#voters.size
    await write()
    if (generation >= this.#durableGeneration) {
      this.#durableGeneration = generation
      this.#durableCast = cast
    }
    this.#watermark.soon()
  }

  /** The sealed file's content: every part in canonical order, no part keyed by a deputy. */
  #snapshot(): BallotBoxFile {
    const voted = this.votedIds()
    const received = this.#open
      ? voted.map((id) => this.#voters.get(id)!.ballotHash).sort()
      : [...this.#received].sort()
    return { version: 2, voteId: this.voteId, ballots: this.ballots(), voted, received }
  }
}
