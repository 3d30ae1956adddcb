import type {
  PaperBallot,
  PaperCount,
  PaperEntryContent,
  PaperSummary,
} from '../../../shared/protocol/paper-count.schema'
import {
  paperBallotInputSchema,
  paperBeginInputSchema,
  paperEntryRefSchema,
  paperResolveInputSchema,
  paperStartInputSchema,
  paperTallyInputSchema,
} from '../../../shared/protocol/paper-count.schema'
import { membersOf } from '../../../shared/protocol/scrutineers.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type {
  FinishOutcome,
  PaperHall,
  PaperWork,
  Step,
  WorkBatch,
} from '../../../shared/rules/paper-count'
import {
  agreedBallots,
  batchState,
  beginEntry,
  entriesOf,
  closeRefusal,
  finishEntry,
  markMerged,
  mergedInfo,
  moveEntry,
  recordTallies,
  resolveBatch,
  typeBallot,
} from '../../../shared/rules/paper-count'
import { paperSummary } from '../../../shared/rules/paper-view'
import type { VoteId } from '../../../shared/protocol/ids'
import type { BallotBoxStore } from '../store/ballot-box/ballot-box.store'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import { checkMarks } from './ballot-checks'
import { paperRefused, paperToCount, readPaperWork, tabletCast } from './paper-work'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import { requireTransition } from './vote-transition'

/**
 * The paper count (故障改人工计票; README: The paper count): validate, decide by the pure
 * steps of shared/rules/paper-count.ts, persist (the work under the vote's key, beside its box:
 * acknowledged only once on disk), merge an agreed batch into the box, audit, announce. The log
 * names batches, places, counts and the scrutineers who entered; never what a paper says.
 */
export class PaperCountService {
  readonly #hall: Hall

  constructor(hall: Hall) {
    this.#hall = hall
  }
  get #session(): Session {
    return this.#hall.session
  }

  /**
   * At a start: the open vote's paper count taken up from its box, and a merge a crash cut
   * short (agreed, or resolved, and not in the box) made.
   */
  async resume(): Promise<void> {
    const vote = this.#session.openVote()
    if (!vote?.paper) return
    const box = await this.#session.box(vote.id)
    let work = readPaperWork(box)
    for (const batch of work.batches) {
      const ballots = agreedBallots(batch)
      if (box.paperBatches.has(batch.no) && ballots)
        work = markMerged(work, batch.no, mergedInfo(batch, ballots))
    }
    this.#session.paperWork.set(vote.id, work)
    for (const batch of work.batches) {
      const ballots = agreedBallots(batch)
      if (!batch.merged && ballots) await this.#merge(vote, batch.no, ballots, true)
    }
  }

  /**
   * The open vote goes to paper: tablets no longer take its ballots (a tablet's resend of one
   * already counted still gets its receipt), and its time limit stops (paper takes its time).
   */
  async start(raw: unknown): Promise<null> {
    const { voteId } = parseInput(paperStartInputSchema, raw)
    const vote = this.#vote(voteId)
    requireTransition(vote, 'paper')
    if (vote.paper) return null
    const box = await this.#session.box(voteId)
    const record = startRecord(box)
    await this.#session.meeting.updateVote(voteId, (v) => {
      v.paper = record
      v.deadline = null
    })
    await this.#session.audit.append('paper.started', startAudit(vote, box, record))
    this.#session.announce({ type: 'meeting' })
    return null
  }

  /** 发出 and 收回 as the scrutineers counted them: a change names what it replaced. */
  async tallies(raw: unknown): Promise<null> {
    const input = parseInput(paperTallyInputSchema, raw)
    const { vote, work, hall } = await this.#context(input.voteId)
    const next = accept(recordTallies(work, input, hall))
    if (next.work.issued === work.issued && next.work.returned === work.returned) return null
    await this.#save(vote, next.work)
    await this.#session.audit.append('paper.tallies', {
      voteId: vote.id,
      issued: input.issued,
      returned: input.returned,
      was: { issued: work.issued, returned: work.returned },
    })
    this.#session.announce({ type: 'meeting' })
    return null
  }

  /** A 计票人 begins an entry of a batch on this device, or resumes theirs: what it holds so far. */
  async begin(raw: unknown): Promise<PaperEntryContent> {
    const input = parseInput(paperBeginInputSchema, raw)
    const { vote, work, hall } = await this.#context(input.voteId)
    const step = accept(beginEntry(work, input, hall))
    if (!step.value.resumed) {
      await this.#save(vote, step.work)
      await this.#session.audit.append('paper.entry-begun', {
        voteId: vote.id,
        batch: input.batch,
        slot: step.value.slot,
        size: input.size,
        teller: input.teller,
      })
      this.#session.announce({ type: 'paper', voteId: vote.id })
    }
    return this.#content(vote.id, input.batch, step.value.slot)
  }

  /** An entry as its own device reads it back (after a reload or a restart). */
  async entry(raw: unknown): Promise<PaperEntryContent> {
    const ref = parseInput(paperEntryRefSchema, raw)
    const { vote, work } = await this.#context(ref.voteId)
    const entry = work.batches
      .find((b) => b.no === ref.batch)
      ?.entries.find((e) => e.slot === ref.slot)
    if (!entry)
      throw paperRefused({ reason: 'no-entry', params: { batch: ref.batch, slot: ref.slot } })
    if (entry.device !== ref.device)
      throw paperRefused({
        reason: 'slot-held',
        params: { batch: ref.batch, slot: ref.slot, teller: entry.teller },
      })
    return this.#content(vote.id, ref.batch, ref.slot)
  }

  /** One paper typed at its place: acknowledged once the work holding it is on disk. */
  async type(raw: unknown): Promise<{ entered: number }> {
    const input = parseInput(paperBallotInputSchema, raw)
    const { vote, work } = await this.#context(input.voteId)
    checkMarks(vote, input.ballot.marks, 'bad-request')
    const step = accept(typeBallot(work, input))
    await this.#save(vote, step.work)
    this.#session.announce({ type: 'paper', voteId: vote.id })
    return step.value
  }

  /** The entry holds the whole stack: compared with the other once both are finished. */
  async finish(raw: unknown): Promise<{ outcome: FinishOutcome['outcome'] }> {
    const ref = parseInput(paperEntryRefSchema, raw)
    const { vote, work } = await this.#context(ref.voteId)
    const batch = work.batches.find((b) => b.no === ref.batch)
    const was = batch?.entries.find((e) => e.slot === ref.slot)
    // A finish sent again (the answer lost on the way) is answered as the batch stands.
    if (batch && was?.finished && was.device === ref.device)
      return { outcome: batch.merged ? 'agreed' : finishedOutcome(batch) }
    const step = accept(finishEntry(work, ref))
    const { outcome } = step.value
    await this.#save(vote, step.work)
    await this.#session.audit.append('paper.entry-finished', {
      voteId: vote.id,
      batch: ref.batch,
      slot: ref.slot,
      teller: was?.teller ?? '',
      ballots: was?.ballots.length ?? 0,
    })
    if (step.value.outcome === 'agreed') await this.#merge(vote, ref.batch, step.value.ballots)
    else if (step.value.outcome === 'mismatch')
      await this.#session.audit.append('paper.batch-mismatch', {
        voteId: vote.id,
        batch: ref.batch,
        places: step.value.places.map((p) => p + 1),
      })
    this.#session.announce({ type: 'meeting' })
    return { outcome }
  }

  /** A 监票人's entry of the differing papers, from the stack: kept, then the batch merged. */
  async resolve(raw: unknown): Promise<{ merged: number }> {
    const input = parseInput(paperResolveInputSchema, raw)
    const { vote, work, hall } = await this.#context(input.voteId)
    for (const { ballot } of input.ballots) checkMarks(vote, ballot.marks, 'bad-request')
    const step = accept(resolveBatch(work, input, hall))
    await this.#save(vote, step.work)
    await this.#session.audit.append('paper.batch-resolved', {
      voteId: vote.id,
      batch: input.batch,
      scrutineer: input.scrutineer,
      places: step.value.places.map((p) => p + 1),
    })
    await this.#merge(vote, input.batch, step.value.ballots)
    this.#session.announce({ type: 'meeting' })
    return { merged: step.value.ballots.length }
  }

  /** An entry taken over by this device (the one it was begun on failed): audited. */
  async move(raw: unknown): Promise<PaperEntryContent> {
    const ref = parseInput(paperEntryRefSchema, raw)
    const { vote, work } = await this.#context(ref.voteId)
    const step = accept(moveEntry(work, ref))
    if (step.value.from !== ref.device) {
      await this.#save(vote, step.work)
      await this.#session.audit.append('paper.entry-moved', {
        voteId: vote.id,
        batch: ref.batch,
        slot: ref.slot,
        teller: step.value.teller,
      })
      this.#session.announce({ type: 'paper', voteId: vote.id })
    }
    return this.#content(vote.id, ref.batch, ref.slot)
  }

  /**
   * What the close records of a vote counted from paper, or a refusal while the count is not
   * complete (发出/收回 not recorded, a batch not merged, 收回 not all merged). Null for a vote
   * counted from tablets alone.
   */
  async summaryAtClose(vote: VoteDef): Promise<PaperSummary | null> {
    if (!vote.paper) return null
    const { work } = await this.#context(vote.id)
    const refusal = closeRefusal(work)
    if (refusal) throw paperRefused(refusal)
    const box = await this.#session.box(vote.id)
    return paperSummary(work, tabletCast(box))
  }

  /** The box takes the batch (once), the work says so, the log too. */
  async #merge(vote: VoteDef, no: number, ballots: PaperBallot[], resumed = false): Promise<void> {
    const box = await this.#session.box(vote.id)
    const stored = await box.addPaperBatch(no, ballots)
    const work = this.#session.paperWork.get(vote.id)
    const batch = work?.batches.find((b) => b.no === no)
    if (work && batch)
      this.#session.paperWork.set(vote.id, markMerged(work, no, mergedInfo(batch, ballots)))
    if (stored === 'stored')
      await this.#session.audit.append('paper.batch-merged', {
        voteId: vote.id,
        batch: no,
        ballots: ballots.length,
        ...(resumed ? { resumed } : {}),
      })
    this.#session.announce({ type: 'turnout', voteId: vote.id })
  }

  /** The open vote counted from paper, its work and what the steps check against. */
  async #context(voteId: VoteId): Promise<{ vote: VoteDef; work: PaperWork; hall: PaperHall }> {
    const vote = this.#vote(voteId)
    requireTransition(vote, 'paper')
    if (!vote.paper) throw paperRefused({ reason: 'off', params: {} })
    const box = await this.#session.box(voteId)
    let work = this.#session.paperWork.get(voteId)
    if (!work) {
      work = readPaperWork(box)
      this.#session.paperWork.set(voteId, work)
    }
    const scrutineers = this.#session.meeting.data.meeting?.scrutineers
    const names = (role: 'chief' | 'scrutineer' | 'teller') =>
      membersOf(scrutineers, role).map((m) => m.name)
    return {
      vote,
      work,
      hall: {
        toCount: paperToCount(vote, box),
        tellers: names('teller'),
        scrutineers: [...names('chief'), ...names('scrutineer')],
      },
    }
  }

  /** Memory first (the consoles' next view), then disk: the caller's answer waits for disk. */
  async #save(vote: VoteDef, work: PaperWork): Promise<void> {
    this.#session.paperWork.set(vote.id, work)
    const box = await this.#session.box(vote.id)
    await box.writePaperWork(JSON.stringify(work))
  }

  #content(voteId: VoteId, no: number, slot: 1 | 2): PaperEntryContent {
    const batch = this.#session.paperWork.get(voteId)?.batches.find((b) => b.no === no)
    const entry = batch?.entries.find((e) => e.slot === slot)
    if (!batch || !entry) throw paperRefused({ reason: 'no-entry', params: { batch: no, slot } })
    return {
      batch: no,
      slot,
      size: batch.size,
      teller: entry.teller,
      ballots: entry.ballots,
      finished: entry.finished,
    }
  }

  #vote(voteId: VoteId): VoteDef {
    const vote = this.#session.meeting.data.votes.find((v) => v.id === voteId)
    if (!vote) throw new ServiceError('not-found', voteId)
    return vote
  }
}

function finishedOutcome(batch: WorkBatch): FinishOutcome['outcome'] {
  const pair = entriesOf(batch)
  if (!pair?.[0].finished || !pair[1].finished) return 'waiting'
  return batchState(batch) === 'mismatch' ? 'mismatch' : 'agreed'
}

/** A step's work and value, or its refusal thrown for the console to word. */
function accept<T>(step: Step<T>): { work: PaperWork; value: T } {
  if (!step.ok) throw paperRefused(step.refusal)
  return step
}

/** The record of a paper count begun now: the whole vote when no ballot is in the box yet. */
export function startRecord(box: BallotBoxStore): PaperCount {
  return {
    scope: box.castCount === 0 ? 'whole' : 'rest',
    startedAt: new Date().toISOString(),
    summary: null,
  }
}

/** What the log says of a paper count begun: how many from tablets, how many to count. */
export function startAudit(vote: VoteDef, box: BallotBoxStore, record: PaperCount) {
  return {
    voteId: vote.id,
    scope: record.scope,
    tablet: box.castCount,
    toCount: paperToCount(vote, box),
  }
}
