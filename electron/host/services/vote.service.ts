import { noProposals, proposalSources } from '../../../shared/year/proposals'
import type { BallotBox } from '../../../shared/protocol/ballot-box.schema'
import type { BallotReceipt, VoteDef } from '../../../shared/protocol/vote.schema'
import type { CandidateDetail } from '../../../shared/protocol/views'
import {
  voteCreateInputSchema,
  voteIdInputSchema,
  voteOpenInputSchema,
  voteUpdateInputSchema,
} from '../../../shared/protocol/vote.schema'
import { checkCandidates } from '../../../shared/protocol/vote-rules.schema'
import { motionCandidate } from '../../../shared/protocol/motion.schema'
import type { MotionText } from '../../../shared/protocol/motion.schema'
import { screenAfter, tally, voteStep } from '../../../shared/rules'
import { ballotBoxDigest, digestOf } from '../store/json-files/digest'
import type { Archiver } from './archive.service'
import { ballotBoxOf } from './ballot-box-of'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import { attendanceOf } from './views'
import { checkCandidateIds, checkTabletBallot } from './ballot-checks'
import { parseBallotSubmit } from './ballot-input'
import { collectWhileQuiet } from '../quiet-gc'
import { requireTransition } from './vote-transition'
import type { DeputyId, ProjectId, VoteId } from '../../../shared/protocol/ids'
import { newVoteId } from './new-ids'
import type { PaperCountService } from './paper-count.service'
import { paperRefused } from './paper-work'
import { startAudit, startRecord } from './paper-count.service'

/** The agenda: create, open, close, publish; and ballots from tablets. */
export class VoteService {
  readonly #hall: Hall
  readonly #archiver: Archiver
  readonly #paper: PaperCountService

  constructor(hall: Hall, archiver: Archiver, paper: PaperCountService) {
    this.#hall = hall
    this.#archiver = archiver
    this.#paper = paper
  }
  get #session(): Session {
    return this.#hall.session
  }

  async create(raw: unknown): Promise<{ voteId: VoteId }> {
    const input = parseInput(voteCreateInputSchema, raw)
    if (!this.#session.meeting.data.meeting) throw new ServiceError('no-meeting')
    const vote: VoteDef = {
      id: newVoteId(),
      title: input.title,
      rules: input.rules,
      candidates: this.#candidates(input),
      motion: input.motion,
      status: 'draft',
      openedAt: null,
      closedAt: null,
      attendance: null,
      result: null,
      paper: null,
    }
    await this.#session.meeting.updateAgenda((data) => {
      data.votes.push(vote)
    })
    await this.#session.audit.append('vote.created', {
      voteId: vote.id,
      title: vote.title,
      rules: vote.rules,
      ...(vote.motion ? { motion: vote.motion } : {}),
    })
    this.#session.announce({ type: 'meeting' })
    return { voteId: vote.id }
  }

  /** Edits a vote that has not opened: once open, its rules and candidates are locked. */
  async update(raw: unknown): Promise<null> {
    const { voteId, ...input } = parseInput(voteUpdateInputSchema, raw)
    requireTransition(this.#vote(voteId), 'edit')
    const candidates = this.#candidates(input)
    await this.#session.meeting.updateVote(voteId, (v) => {
      v.title = input.title
      v.rules = input.rules
      v.candidates = candidates
      v.motion = input.motion
    })
    await this.#session.audit.append('vote.updated', {
      voteId,
      title: input.title,
      rules: input.rules,
      ...(input.motion ? { motion: input.motion } : {}),
    })
    this.#session.announce({ type: 'meeting' })
    return null
  }

  async remove(raw: unknown): Promise<null> {
    const { voteId } = parseInput(voteIdInputSchema, raw)
    const vote = this.#vote(voteId)
    requireTransition(vote, 'remove')
    await this.#session.meeting.updateAgenda((data) => {
      data.votes = data.votes.filter((v) => v.id !== voteId)
    })
    await this.#session.audit.append('vote.removed', { voteId, title: vote.title })
    this.#session.announce({ type: 'meeting' })
    return null
  }

  /**
   * The ballot's candidates from project ids, checked against the rules; a motion's one
   * candidate is the motion itself, from its own text, and takes no project.
   */
  #candidates(input: {
    candidateIds: ProjectId[]
    rules: VoteDef['rules']
    motion: MotionText | null
  }) {
    if (input.rules.kind === 'motion') {
      if (!input.motion)
        throw new ServiceError(
          'bad-request',
          'motion.title: 决议表决须填写决议标题 / a motion needs its text',
        )
      if (input.candidateIds.length > 0)
        throw new ServiceError(
          'bad-request',
          'candidateIds: 决议表决的表决事项是决议本身，不选候选项目 / a motion takes no projects',
        )
      return [motionCandidate(input.motion)]
    }
    if (input.motion)
      throw new ServiceError(
        'bad-request',
        'motion: 只有决议表决才有决议文本 / only a motion has one',
      )
    if (input.candidateIds.length === 0)
      throw new ServiceError(
        'bad-request',
        'candidateIds: 请至少选择一个候选项目 / choose at least one project',
      )
    const { projects } = this.#session.meeting.data
    const candidates = input.candidateIds.map((id, i) => {
      const project = projects.find((p) => p.id === id)
      if (!project)
        throw new ServiceError('bad-request', `candidateIds[${i}]: unknown project ${id}`)
      return { id: project.id, title: project.title }
    })
    checkCandidateIds(candidates, 'candidateIds')
    if (new Set(input.candidateIds).size !== candidates.length) {
      throw new ServiceError('bad-request', 'candidateIds: duplicate project')
    }
    const problems = checkCandidates(input.rules, candidates)
    if (problems[0])
      throw new ServiceError('bad-request', `${problems[0].path.join('.')}: ${problems[0].message}`)
    return candidates
  }

  /**
   * Opens a vote: rules and candidates lock; ballots issued = deputies present now. Without a
   * quorum it is refused unless staff give a reason, which is kept on the vote and logged. A
   * time limit becomes a deadline stored with the vote, so a restarted host keeps the clock.
   * Opened on paper, the whole vote is counted from paper: no tablet shows it, and no clock runs.
   */
  async open(raw: unknown): Promise<void> {
    const { voteId, override, paper } = parseInput(voteOpenInputSchema, raw)
    const vote = this.#vote(voteId)
    const step = requireTransition(vote, 'open')
    checkCandidateIds(vote.candidates, 'candidates')
    if (this.#session.openVote()) throw new ServiceError('another-vote-open')
    const attendance = attendanceOf(this.#session.meeting.data)
    if (!attendance.quorumMet && override === undefined) {
      throw new ServiceError('no-quorum', `${attendance.present}/${attendance.quorumNeeded}`)
    }
    // Laid out for every deputy present voting, and on disk before the opening is recorded.
    const expected = { voters: attendance.present, marks: vote.candidates.length }
    const box = await this.#session.box(voteId)
    await box.save(expected)
    const onPaper = paper ? startRecord(box) : null
    const now = new Date()
    await this.#session.meeting.updateVote(voteId, (v, data) => {
      const roster = data.deputies.length
      const present = data.deputies.filter((d) => d.present).length
      v.status = step.to
      v.openedAt = now.toISOString()
      v.attendance = { roster, present, issued: present }
      v.deadline =
        v.rules.timeLimit && !onPaper
          ? new Date(now.getTime() + v.rules.timeLimit.seconds * 1000).toISOString()
          : null
      v.paper = onPaper
      v.timeUp = false
      v.quorumOverride = attendance.quorumMet ? null : (override ?? null)
      data.screen = screenAfter(data.screen, voteId, step)
    })
    const opened = this.#vote(voteId)
    await this.#session.audit.append('vote.opened', {
      voteId,
      rulesDigest: digestOf({ rules: opened.rules, candidates: opened.candidates }),
      attendance: opened.attendance,
      deadline: opened.deadline ?? null,
    })
    if (onPaper) await this.#session.audit.append('paper.started', startAudit(opened, box, onPaper))
    if (opened.quorumOverride) {
      await this.#session.audit.append('vote.quorum-overridden', {
        voteId,
        present: attendance.present,
        needed: attendance.quorumNeeded,
        reason: opened.quorumOverride,
      })
    }
    warmBallotChecks(opened)
    collectWhileQuiet()
    this.#session.announce({ type: 'meeting' })
  }

  /** Closes a vote and tallies it through the rules engine; the result awaits staff review. */
  async close(voteId: VoteId, by: 'staff' | 'timer' = 'staff'): Promise<void> {
    const vote = this.#vote(voteId)
    const step = requireTransition(vote, 'close')
    // Counted from paper: only once 收回 is all merged, and the figures go on record.
    const paperSummary = await this.#paper.summaryAtClose(vote)
    const { ballots, canonical } = (await this.#session.box(voteId)).ballotsWithCanonical()
    const box = ballotBoxOf(vote, ballots)
    const result = tally(box)
    await this.#session.meeting.updateVote(voteId, (v) => {
      v.status = step.to
      v.closedAt = new Date().toISOString()
      v.result = result
      if (v.paper && paperSummary) v.paper = { ...v.paper, summary: paperSummary }
    })
    await this.#session.audit.append('vote.closed', {
      voteId,
      by,
      counts: result.counts,
      ballotBoxDigest: ballotBoxDigest(box, canonical),
    })
    this.#session.announce({ type: 'meeting' })
    // The box is sealed by the archive, after the acknowledgement.
    if (step.archive) this.#archiver.archive(this.#vote(voteId), step.archive)
    // The 票决办法 may release results at close, without a separate review.
    if (vote.rules.release === 'immediate') await this.publish(voteId)
  }

  async publish(voteId: VoteId): Promise<void> {
    const vote = this.#vote(voteId)
    const step = requireTransition(vote, 'publish')
    await this.#session.meeting.updateVote(voteId, (v, data) => {
      v.status = step.to
      v.publishedAt = new Date().toISOString()
      data.screen = screenAfter(data.screen, voteId, step)
    })
    await this.#session.audit.append('vote.published', {
      voteId,
      resultDigest: digestOf(vote.result),
    })
    this.#session.announce({ type: 'meeting' })
    if (step.archive) this.#archiver.archive(vote, step.archive)
  }

  /** A tablet's ballot: validate, store durably, then acknowledge. Resends are harmless. */
  async submit(deputyId: DeputyId, raw: unknown): Promise<BallotReceipt> {
    const input = parseBallotSubmit(raw)
    const vote = this.#session.meeting.data.votes.find((v) => v.id === input.voteId)
    if (!vote) throw new ServiceError('not-found', input.voteId)
    const box = this.#session.loadedBox(vote.id)
    // A resend after close still gets its receipt if the ballot was counted.
    const step = voteStep(vote, 'ballot')
    if (!step.ok) {
      if (box?.recognises(deputyId, input.ballotId))
        return { voteId: vote.id, ballotId: input.ballotId }
      throw new ServiceError(step.code, step.detail)
    }
    const deputy = this.#session.meeting.deputy(deputyId)
    if (!deputy?.present) throw new ServiceError('not-eligible')
    checkTabletBallot(vote, input.marks)
    if (!box) throw new ServiceError('internal', 'ballot box not loaded')
    // Counted from paper now: a tablet's ballot from before still gets its receipt, no new one.
    if (vote.paper) {
      if (box.recognises(deputyId, input.ballotId))
        return { voteId: vote.id, ballotId: input.ballotId }
      throw paperRefused({ reason: 'on', params: {} })
    }
    if (input.change) {
      if (!vote.rules.allowChange)
        throw new ServiceError('already-voted', 'changes are not allowed in this vote')
      const changed = await box.change(deputyId, input.ballotId, input.marks)
      if (changed === 'not-voted')
        throw new ServiceError('bad-request', 'change: no ballot to replace')
      return { voteId: vote.id, ballotId: input.ballotId }
    }
    const outcome = await box.add(deputyId, input.ballotId, input.marks)
    if (outcome === 'already-voted') throw new ServiceError('already-voted')
    if (outcome === 'stored') this.#session.announce({ type: 'turnout', voteId: vote.id })
    return { voteId: vote.id, ballotId: input.ballotId }
  }

  /**
   * The open vote's candidates' details from the projects (a candidate that is no project, none):
   * each tablet asks once, when its deputy first opens one, so they do not ride on the message
   * that opens the vote on every tablet at once.
   */
  // async: a refusal must reach the handler as a rejection, never as a throw.
  async candidateDetails(raw: unknown): Promise<CandidateDetail[]> {
    const { voteId } = parseInput(voteIdInputSchema, raw)
    const vote = this.#vote(voteId)
    requireTransition(vote, 'ballot')
    const { projects: list, proposals } = this.#session.meeting.data
    const projects = new Map(list.map((p) => [p.id, p]))
    const sources = proposalSources(proposals)
    return vote.candidates.map((c) => {
      const p = projects.get(c.id)
      return {
        id: c.id,
        summary: p?.summary ?? '',
        leadUnit: p?.leadUnit ?? '',
        budget: p?.budget ?? null,
        category: p?.category ?? '',
        completion: p?.completion ?? '',
        // A motion's one candidate is the motion, whatever project shares its id.
        proposals: (!vote.motion && sources.get(c.id)) || noProposals,
      }
    })
  }

  /** A vote's ballots as `recount` reads them (ballot-box-of.ts). */
  ballotBox(vote: VoteDef, ballots: BallotBox['ballots']): BallotBox {
    return ballotBoxOf(vote, ballots)
  }

  #vote(voteId: unknown): VoteDef {
    const vote = this.#session.meeting.data.votes.find((v) => v.id === voteId)
    if (!vote) throw new ServiceError('not-found', String(voteId))
    return vote
  }
}

/**
 * Runs a ballot for this vote through the checks a submit runs, before the tablets are told the
 * vote is open: a first ballot (read without zod) and a change (read by zod, which compiles a
 * schema's parser at its first use, ~5 ms), which the first deputy to vote or change would
 * otherwise wait for, when the host is busiest.
 */
function warmBallotChecks(vote: VoteDef): void {
  const marks = Object.fromEntries(vote.candidates.map((c) => [c.id, 'abstain' as const]))
  const ballot = { voteId: vote.id, ballotId: 'warm-up-0', marks }
  parseBallotSubmit(ballot)
  parseBallotSubmit({ ...ballot, change: true })
  try {
    checkTabletBallot(vote, marks)
  } catch {
    // Whether this sample passes does not matter, only that the code has run.
  }
}
