import type { ErrorCode } from '../protocol/envelope'
import type { ScreenStage } from '../protocol/views'
import type { VoteDef, VoteStatus } from '../protocol/vote.schema'
import { voteStatuses } from '../protocol/vote.schema'
import type { VoteId } from '../protocol/ids'

/**
 * A vote's lifecycle as data: draft → open → closed → published, and annulled from any state
 * after the opening. Services ask this table whether an action may happen and what it causes;
 * none tests a status by hand, so the year's lifecycle can be added the same way.
 */

/** What holds while a vote is in a state. */
export interface VoteState {
  /** Rules and candidates are the ballot's: neither staff nor project edits reach them. */
  rulesLocked: boolean
  /** Its ballot box was laid out at the opening: it is loaded at start and counted in turnout. */
  hasBox: boolean
  /** The box takes ballots and the tablets show the vote. At most one vote is in this state. */
  takesBallots: boolean
  /**
   * The archive this state is complete with, written once on entering it: closing writes it
   * (with a backup of the data folder), publishing writes it again since the audit log it
   * copies now records the publication. Annulling writes it again with the reason (a vote
   * annulled while open gets its first), as the annul dialog promises: kept and logged.
   */
  archive: 'close' | 'publish' | 'annul' | null
  /** The result may reach the hall (screen, final list). */
  resultPublic: boolean
  /** Voided with a reason: kept with its ballots, never a result; a run-off of it is made anew. */
  voided: boolean
}

export const voteStates: Readonly<Record<VoteStatus, Readonly<VoteState>>> = {
  draft: {
    rulesLocked: false,
    hasBox: false,
    takesBallots: false,
    archive: null,
    resultPublic: false,
    voided: false,
  },
  open: {
    rulesLocked: true,
    hasBox: true,
    takesBallots: true,
    archive: null,
    resultPublic: false,
    voided: false,
  },
  closed: {
    rulesLocked: true,
    hasBox: true,
    takesBallots: false,
    archive: 'close',
    resultPublic: false,
    voided: false,
  },
  published: {
    rulesLocked: true,
    hasBox: true,
    takesBallots: false,
    archive: 'publish',
    resultPublic: true,
    voided: false,
  },
  annulled: {
    rulesLocked: true,
    hasBox: true,
    takesBallots: false,
    archive: 'annul',
    resultPublic: false,
    voided: true,
  },
}

/** Everything staff, tablets and the host do to a vote. */
export const voteActions = [
  'edit',
  'remove',
  'open',
  'ballot',
  'paper',
  'remind',
  'close',
  'publish',
  'annul',
  'runoff',
  'revote',
  'acknowledge-box',
] as const
export type VoteAction = (typeof voteActions)[number]

/** What the projector does when a transition happens. */
export type ScreenEffect = 'voting' | 'results' | 'leave'

export interface VoteTransition {
  /** The states it may happen in. */
  from: readonly VoteStatus[]
  /** The state it leads to; absent when the vote stays where it is. */
  to?: VoteStatus
  /** States in which it has already happened: answered as done, and nothing changes. */
  already?: readonly VoteStatus[]
  /** The code it is refused with in any other state. */
  refused: ErrorCode
  /** Refused (box-damaged) while a damage found in its ballot box awaits staff. */
  needsSoundBox?: boolean
  /** The projector shows the vote voting or its results, or leaves it if it shows it. */
  screen?: ScreenEffect
}

export const voteTransitions: Readonly<Record<VoteAction, Readonly<VoteTransition>>> = {
  edit: { from: ['draft'], refused: 'vote-not-draft' },
  remove: { from: ['draft'], refused: 'vote-not-draft' },
  open: { from: ['draft'], to: 'open', refused: 'vote-not-draft', screen: 'voting' },
  /** A resend of a ballot already counted still gets its receipt after the close (the service). */
  ballot: { from: ['open'], refused: 'vote-not-open' },
  paper: { from: ['open'], refused: 'vote-not-open' },
  remind: { from: ['open'], refused: 'vote-not-open' },
  close: { from: ['open'], to: 'closed', refused: 'vote-not-open', needsSoundBox: true },
  publish: {
    from: ['closed'],
    to: 'published',
    refused: 'vote-not-closed',
    needsSoundBox: true,
    screen: 'results',
  },
  /** The projector says it is annulled, and why (never a result): the hall must hear it. */
  annul: {
    from: ['open', 'closed', 'published'],
    to: 'annulled',
    already: ['annulled'],
    refused: 'vote-not-open',
    screen: 'results',
  },
  runoff: { from: ['closed', 'published'], refused: 'vote-not-closed' },
  /** 重新表决: a fresh draft copy of an annulled vote (the service makes it). */
  revote: { from: ['annulled'], refused: 'vote-not-annulled' },
  /** A damage on record is acknowledged wherever the vote stands (an annulled one too). */
  'acknowledge-box': { from: voteStatuses, refused: 'vote-not-open' },
}

/** A transition allowed: where it leads and what it causes. */
export interface VoteStep {
  ok: true
  from: VoteStatus
  to: VoteStatus
  /** It had already happened: nothing is to change. */
  already: boolean
  /** Rules and candidates lock now. */
  locksRules: boolean
  /** The box stops taking ballots: sealed, its key destroyed (at a close, by its archive). */
  sealsBox: boolean
  /** The archive to write, complete as of the state entered. */
  archive: VoteState['archive']
  screen: ScreenEffect | null
}

export interface VoteRefusal {
  ok: false
  code: ErrorCode
  detail: string
}

/** The vote as the lifecycle reads it. */
export type VoteLifecycleInput = Pick<VoteDef, 'status' | 'title' | 'boxDamage'>

/** Whether `action` may happen to this vote now, and if so what it causes. */
export function voteStep(vote: VoteLifecycleInput, action: VoteAction): VoteStep | VoteRefusal {
  const rule = voteTransitions[action]
  const from = vote.status
  const already = rule.already?.includes(from) ?? false
  if (!already && !rule.from.includes(from))
    return { ok: false, code: rule.refused, detail: vote.title }
  if (!already && rule.needsSoundBox && vote.boxDamage && !vote.boxDamage.acknowledgedAt)
    return { ok: false, code: 'box-damaged', detail: vote.title }
  const to = already ? from : (rule.to ?? from)
  const was = voteStates[from]
  const now = voteStates[to]
  return {
    ok: true,
    from,
    to,
    already,
    locksRules: !was.rulesLocked && now.rulesLocked,
    sealsBox: was.takesBallots && !now.takesBallots,
    archive: to !== from ? now.archive : null,
    screen: already ? null : (rule.screen ?? null),
  }
}

/** The projector's stage after a step of vote `voteId`. */
export function screenAfter(
  screen: { stage: ScreenStage; voteId: VoteId | null },
  voteId: VoteId,
  step: Pick<VoteStep, 'screen'>,
): { stage: ScreenStage; voteId: VoteId | null } {
  switch (step.screen) {
    case 'voting':
      return { stage: 'voting', voteId }
    case 'results':
      return { stage: 'results', voteId }
    case 'leave':
      return screen.voteId === voteId ? { stage: 'welcome', voteId: null } : screen
    case null:
      return screen
  }
}

/**
 * A vote made a draft again (a meeting duplicated): its title, rules, candidates and run-off
 * link, nothing of its run, so last year's damage, override, annulment or paper count holds
 * nothing up.
 */
export function draftAgain(vote: VoteDef): VoteDef {
  const {
    deadline: _deadline,
    timeUp: _timeUp,
    quorumOverride: _quorumOverride,
    annulReason: _annulReason,
    boxDamage: _boxDamage,
    publishedAt: _publishedAt,
    annulledAt: _annulledAt,
    ...plan
  } = vote
  return {
    ...plan,
    status: 'draft',
    openedAt: null,
    closedAt: null,
    attendance: null,
    result: null,
    paper: null,
  }
}
