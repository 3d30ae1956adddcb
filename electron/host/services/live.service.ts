import { randomBytes } from 'node:crypto'
import {
  paperBallotInputSchema,
  voteAnnulInputSchema,
  voteIdInputSchema,
} from '../../../shared/protocol/vote.schema'
import type { VoteCandidate, VoteDef } from '../../../shared/protocol/vote.schema'
import { buildRunoff, draftAgain, screenAfter, voteStates } from '../../../shared/rules'
import { ballotBoxDigest } from '../store/json-files/digest'
import type { Archiver } from './archive.service'
import { ballotBoxOf } from './ballot-box-of'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import { liveOf } from './views'
import { checkMarks } from './ballot-checks'
import { requireTransition } from './vote-transition'
import { newVoteId } from './new-ids'
import { paperRefused } from './paper-work'
import type { BallotId, DeputyId, VoteId } from '../../../shared/protocol/ids'

/** While a vote runs and after it closes: remind, paper entry, annul, run-off. */
export class LiveService {
  readonly #hall: Hall
  readonly #online: (deputyId: DeputyId) => boolean
  readonly #archiver: Archiver

  constructor(hall: Hall, online: (deputyId: DeputyId) => boolean, archiver: Archiver) {
    this.#hall = hall
    this.#online = online
    this.#archiver = archiver
  }
  get #session(): Session {
    return this.#hall.session
  }

  /** Prompts the tablets of eligible deputies who have not voted; answers how many are online. */
  async remind(raw: unknown): Promise<{ reminded: number }> {
    const { voteId } = parseInput(voteIdInputSchema, raw)
    const vote = this.#vote(voteId)
    requireTransition(vote, 'remind')
    // Counted from paper: the tablets cannot vote, and must not be told to.
    if (vote.paper) throw paperRefused({ reason: 'on', params: {} })
    const deputyIds = liveOf(this.#session)?.notVotedIds ?? []
    const reminded = deputyIds.filter((id) => this.#online(id)).length
    await this.#session.audit.append('vote.reminded', {
      voteId,
      notVoted: deputyIds.length,
      reminded,
    })
    this.#session.announce({ type: 'remind', voteId, deputyIds })
    return { reminded }
  }

  /**
   * A paper ballot for a deputy whose tablet failed. The deputy is marked voted; the marks go
   * into the same ballot box under a throwaway random id, so nothing ties them to the deputy.
   * Paper may be spoiled or over-voted: the tally counts it invalid. Marks naming an unknown
   * candidate or a mark the kind does not allow are a typing error, refused.
   */
  async paper(raw: unknown): Promise<null> {
    const input = parseInput(paperBallotInputSchema, raw)
    const vote = this.#vote(input.voteId)
    requireTransition(vote, 'paper')
    // In a paper count every paper goes through its double entry, named by no one.
    if (vote.paper) throw paperRefused({ reason: 'on', params: {} })
    const deputy = this.#session.meeting.deputy(input.deputyId)
    if (!deputy) throw new ServiceError('not-found', `deputyId: ${input.deputyId}`)
    if (!deputy.present) throw new ServiceError('not-eligible', deputy.name)
    checkMarks(vote, input.marks, 'bad-request')
    const box = await this.#session.box(vote.id)
    if (box.hasVoted(deputy.id)) throw new ServiceError('already-voted', deputy.name)
    const outcome = await box.add(
      deputy.id,
      // A paper ballot has no tablet to make its id: one is minted here, linked to no one.
      randomBytes(16).toString('base64url') as BallotId,
      input.marks,
      input.spoiled,
    )
    if (outcome !== 'stored') throw new ServiceError('already-voted', deputy.name)
    // Who handed in paper is logged; what the paper said is not, nor anything that links them.
    await this.#session.audit.append('vote.paper-entry', { voteId: vote.id, deputyId: deputy.id })
    this.#session.announce({ type: 'turnout', voteId: vote.id })
    this.#session.announce({ type: 'deputy', deputyId: deputy.id })
    return null
  }

  /**
   * Staff have seen that the vote's ballot box was found damaged at a start: what it holds now
   * is what the vote goes on with (or staff annul it), and closing is allowed again.
   */
  async acknowledgeBox(raw: unknown): Promise<null> {
    const { voteId } = parseInput(voteIdInputSchema, raw)
    const vote = this.#vote(voteId)
    if (!vote.boxDamage || vote.boxDamage.acknowledgedAt) return null
    requireTransition(vote, 'acknowledge-box')
    const box = await this.#session.box(voteId)
    await box.acknowledgeDamage()
    const acknowledgedAt = new Date().toISOString()
    await this.#session.meeting.updateVote(voteId, (v) => {
      if (v.boxDamage) v.boxDamage = { ...v.boxDamage, acknowledgedAt }
    })
    await this.#session.audit.append('ballot-box.acknowledged', {
      voteId,
      detail: vote.boxDamage.detail,
      cast: box.castCount,
    })
    this.#session.clearDamageAlert(vote.title)
    this.#session.announce({ type: 'meeting' })
    return null
  }

  /**
   * Voids a vote with a reason: kept with its ballots and logged, never shown as a result. The
   * log holds the digest of the box as annulled (a vote annulled while open has no close to hold
   * it), and the archive is written again with the reason.
   */
  async annul(raw: unknown): Promise<null> {
    const { voteId, reason } = parseInput(voteAnnulInputSchema, raw)
    const step = requireTransition(this.#vote(voteId), 'annul')
    if (step.already) return null
    await this.#session.meeting.updateVote(voteId, (v, data) => {
      v.status = step.to
      v.annulReason = reason
      v.annulledAt = new Date().toISOString()
      v.closedAt ??= v.annulledAt
      data.screen = screenAfter(data.screen, voteId, step)
    })
    // An open box is sealed as a closed one is: its key destroyed, nothing kept of who cast what.
    const box = await this.#session.box(voteId)
    if (step.sealsBox) await box.seal()
    const annulled = this.#vote(voteId)
    const { ballots, canonical } = box.ballotsWithCanonical()
    await this.#session.audit.append('vote.annulled', {
      voteId,
      from: step.from,
      reason,
      ballotBoxDigest: ballotBoxDigest(ballotBoxOf(annulled, ballots), canonical),
    })
    this.#session.announce({ type: 'meeting' })
    if (step.archive) this.#archiver.archive(annulled, step.archive)
    return null
  }

  /** The run-off of a closed vote with a tie or a shortfall to run off, as a new draft. */
  async runoff(raw: unknown): Promise<{ voteId: VoteId }> {
    const { voteId } = parseInput(voteIdInputSchema, raw)
    const vote = this.#vote(voteId)
    requireTransition(vote, 'runoff')
    // A second click answers with the run-off already made instead of making another.
    const existing = this.#session.meeting.data.votes.find(
      (v) => v.runoffOf === voteId && !voteStates[v.status].voided,
    )
    if (existing) return { voteId: existing.id }
    const next = vote.result
      ? buildRunoff({ ...vote.rules, title: vote.title, candidates: vote.candidates }, vote.result)
      : null
    if (!next) throw new ServiceError('no-runoff', vote.title)
    const { title, ...rules } = next
    // The tally's rules know ids as strings: a run-off's candidates are its source's own.
    const candidates = next.candidates as VoteCandidate[]
    const runoff: VoteDef = {
      id: newVoteId(),
      title,
      rules: { ...rules, release: vote.rules.release, secret: vote.rules.secret },
      candidates,
      status: 'draft',
      openedAt: null,
      closedAt: null,
      attendance: null,
      result: null,
      paper: null,
      runoffOf: voteId,
    }
    await this.#session.meeting.updateAgenda((data) => {
      data.votes.push(runoff)
    })
    await this.#session.audit.append('vote.runoff-created', {
      voteId: runoff.id,
      runoffOf: voteId,
      seats: runoff.rules.seats,
      candidates: candidates.map((c) => c.id),
    })
    this.#session.announce({ type: 'meeting' })
    return { voteId: runoff.id }
  }

  /**
   * 重新表决: a fresh draft of an annulled vote, with its title, rules and candidates (and the
   * run-off link, so a redone run-off still completes its item's final list). A second click
   * answers with the copy already made.
   */
  async revote(raw: unknown): Promise<{ voteId: VoteId }> {
    const { voteId } = parseInput(voteIdInputSchema, raw)
    const vote = this.#vote(voteId)
    requireTransition(vote, 'revote')
    const existing = this.#session.meeting.data.votes.find(
      (v) => v.revoteOf === voteId && !voteStates[v.status].voided,
    )
    if (existing) return { voteId: existing.id }
    const copy: VoteDef = { ...draftAgain(vote), id: newVoteId(), revoteOf: voteId }
    await this.#session.meeting.updateAgenda((data) => {
      data.votes.push(copy)
    })
    await this.#session.audit.append('vote.revote-created', {
      voteId: copy.id,
      revoteOf: voteId,
      title: copy.title,
    })
    this.#session.announce({ type: 'meeting' })
    return { voteId: copy.id }
  }

  #vote(voteId: VoteId): VoteDef {
    const vote = this.#session.meeting.data.votes.find((v) => v.id === voteId)
    if (!vote) throw new ServiceError('not-found', voteId)
    return vote
  }
}
