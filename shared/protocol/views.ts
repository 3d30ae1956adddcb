import type { AttendanceState, QuorumRule } from './attendance.schema'
import type { Meeting, Project } from './meeting.schema'
import type { VoteResult } from './result.schema'
import type { VoteKind, VoteRules } from './vote-rules.schema'
import type { VoteCandidate, VoteDef, VoteStatus } from './vote.schema'

/** What each role is shown. Each namespace gets its own view, never more than it may see. */

export interface AttendanceView {
  roster: number
  present: number
  /** Not checked in and not on leave (缺席). */
  absent: number
  /** 请假. */
  leave: number
  /** The meeting's quorum rule, the fewest present that meet it, and whether it is met now. */
  quorum: QuorumRule
  quorumNeeded: number
  quorumMet: boolean
}

export interface TurnoutView {
  cast: number
  issued: number
}

export interface ConsoleVoteView extends VoteDef {
  turnout: TurnoutView | null
}

/** Something the staff must know about the host itself. */
export interface StaffAlert {
  level: 'warning' | 'error'
  code: 'data-recovered' | 'audit-chain-broken' | 'archive-failed' | 'ballot-box-damaged'
  detail: string
}

export interface AuditEntryView {
  seq: number
  at: string
  type: string
  data: Record<string, unknown>
  hash: string
  /** The entry as a sentence in the language asked for (shared/i18n/audit-sentence.ts). */
  text: string
}

export interface MeetingListEntry {
  id: string
  title: string
  createdAt: string
  active: boolean
}

/** A deputy as staff see them: never the credential (that goes to print, not to screens). */
export interface ConsoleDeputyView {
  id: string
  name: string
  delegation: string
  seat: string
  idLast4: string | null
  note: string
  present: boolean
  attendance: AttendanceState
}

export interface DelegationTurnoutView {
  delegation: string
  issued: number
  cast: number
}

/** What staff watch while a vote is open. */
export interface LiveVoteView {
  voteId: string
  byDelegation: DelegationTurnoutView[]
  /**
   * Present deputies who have not voted yet, in roster order: who, never how anyone voted.
   * Ids only; the console has the roster. The state goes out up to 4 times a second while a
   * vote is open, and 3,000 names with delegations and seats each time cost the host ~10 ms.
   */
  notVotedIds: string[]
}

export interface ConsoleState {
  alerts: StaffAlert[]
  meetings: MeetingListEntry[]
  meeting: Meeting | null
  attendance: AttendanceView
  projects: Project[]
  votes: ConsoleVoteView[]
  tabletsOnline: number
  /**
   * Deputies marked 请假 whose card was opened on a tablet since, in the order it happened:
   * each waits for staff to confirm the check-in (attendance:confirm) or to leave it be.
   */
  leaveCardsOpened: string[]
  /** The open vote's turnout by delegation and who has not voted; null when none is open. */
  live: LiveVoteView | null
}

/**
 * What the projector shows, chosen by staff: blank (logo only), welcome (title + join QR),
 * checkin (报到 counts and quorum), rules (the next vote's rules), voting (turnout and countdown),
 * results (the published result), final (the elected projects that close the item).
 */
export const screenStages = [
  'welcome',
  'voting',
  'results',
  'blank',
  'checkin',
  'rules',
  'final',
] as const
export type ScreenStage = (typeof screenStages)[number]

/** Stages that show one vote and so need its id. */
export const screenVoteStages: readonly ScreenStage[] = ['rules', 'voting', 'results', 'final']

/** One line of the final list: an elected project. */
export interface ScreenFinalEntry {
  id: string
  title: string
  leadUnit: string
}

export interface ScreenVoteView {
  id: string
  title: string
  kind: VoteKind
  seats: number | null
  candidates: VoteCandidate[]
  status: VoteStatus
  turnout: TurnoutView
  /** When the time limit runs out (ISO), for the countdown; null without one. */
  deadline: string | null
  /** Only once staff publish: the screen never sees an interim or unreviewed tally. */
  result: VoteResult | null
  /** The rules, for the rules summary; nothing in them is secret. */
  rules: VoteRules
  /** Elected projects of this vote and its published run-offs, for the final list. */
  final: ScreenFinalEntry[]
}

export interface ScreenState {
  meetingTitle: string | null
  /** Where tablets join, shown on the welcome stage. */
  joinUrl: string | null
  stage: ScreenStage
  attendance: AttendanceView
  vote: ScreenVoteView | null
  /** The host's clock when the state was sent, so the countdown ignores the screen's clock. */
  now: string
}

export interface DeputyBallotView {
  id: string
  title: string
  kind: VoteKind
  seats: number | null
  maxFor: number | null
  /** A deputy may change the ballot until the vote closes. */
  allowChange: boolean
  candidates: VoteCandidate[]
  /**
   * Time left when this state was sent, in ms (null without a limit): tablet clocks are often
   * wrong, so the tablet counts down from its own receipt time, not from a wall-clock deadline.
   */
  remainingMs: number | null
}

export interface DeputyState {
  meetingTitle: string
  me: { name: string; delegation: string; seat: string }
  vote: DeputyBallotView | null
  /** Whether this deputy's ballot for the open vote is stored. */
  voted: boolean
  /**
   * Staff marked this deputy 请假: the tablet says so and waits until staff confirm the
   * check-in; until then the deputy is not present and gets no ballot.
   */
  onLeave: boolean
}

/**
 * What every tablet is shown alike (the meeting and the open vote). The host sends it to all
 * tablets as one message when it changes, encoded once; each tablet merges it into its state.
 */
export type DeputyHallView = Pick<DeputyState, 'meetingTitle' | 'vote'>

/** A tablet's state after a hall message: `voted` holds only while the same vote stays open. */
export function withHall(state: DeputyState, hall: DeputyHallView): DeputyState {
  const sameVote = hall.vote !== null && hall.vote.id === state.vote?.id
  return { ...state, ...hall, voted: sameVote && state.voted }
}
