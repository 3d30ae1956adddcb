import type { AttendanceState, QuorumRule } from './attendance.schema'
import type { DeputyId, MeetingId, ProjectId, VoteId } from './ids'
import type { MeetingDetails } from './meeting-details.schema'
import type { Meeting, Project } from './meeting.schema'
import type { MotionText } from './motion.schema'
import type { PaperCountView } from './paper-count.schema'
import type { ProposalSources } from '../year/proposals'
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
  /** While it is open and counted from paper: the paper count as staff see it. */
  paperCount: PaperCountView | null
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
  id: MeetingId
  title: string
  createdAt: string
  active: boolean
  /** 演练: marked in the list; its archives are kept apart. */
  rehearsal: boolean
}

/** A deputy as staff see them: never the credential (that goes to print, not to screens). */
export interface ConsoleDeputyView {
  id: DeputyId
  /** 代表编号; '' when none. */
  number: string
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
  voteId: VoteId
  byDelegation: DelegationTurnoutView[]
  /**
   * Present deputies who have not voted yet, in roster order: who, never how anyone voted.
   * Ids only; the console has the roster. The state goes out up to 4 times a second while a
   * vote is open, and 3,000 names with delegations and seats each time cost the host ~10 ms.
   */
  notVotedIds: DeputyId[]
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
  leaveCardsOpened: DeputyId[]
  /** The open vote's turnout by delegation and who has not voted; null when none is open. */
  live: LiveVoteView | null
}

/**
 * What the projector shows, chosen by staff: blank (logo only), welcome (title + join QR),
 * checkin (报到 counts and quorum), seats (报到 on the seat map), rules (the next vote's rules),
 * voting (turnout and countdown), results (the published result), final (the elected projects
 * that close the item).
 */
export const screenStages = [
  'welcome',
  'voting',
  'results',
  'blank',
  'checkin',
  'rules',
  'final',
  'seats',
  'progress',
] as const
export type ScreenStage = (typeof screenStages)[number]

/** Stages that show one vote and so need its id. */
export const screenVoteStages: readonly ScreenStage[] = [
  'rules',
  'voting',
  'results',
  'final',
  'progress',
]

/**
 * A rated project's progress when its 满意度测评 was made from last year's projects: % done
 * and the last update's date ('' when none). Public: what the progress report says.
 */
export interface CandidateProgress {
  id: ProjectId
  percent: number
  lastDate: string
}

/** One line of the screen's progress stage, before a rating opens. */
export interface ScreenProgressRow extends CandidateProgress {
  title: string
  leadUnit: string
  /** Past its planned completion, or quiet too long, when the rating was made. */
  late: boolean
}

/** One line of the final list: an elected project. */
export interface ScreenFinalEntry {
  id: ProjectId
  title: string
  leadUnit: string
}

export interface ScreenVoteView {
  id: VoteId
  title: string
  kind: VoteKind
  seats: number | null
  candidates: VoteCandidate[]
  /** A motion's own text (its subject); null for other kinds. */
  motion: MotionText | null
  status: VoteStatus
  turnout: TurnoutView
  /** When the time limit runs out (ISO), for the countdown; null without one. */
  deadline: string | null
  /** Only once staff publish: the screen never sees an interim or unreviewed tally. */
  result: VoteResult | null
  /** The rules, for the rules summary; nothing in them is secret. */
  rules: VoteRules
  /** Why staff annulled it: the screen says so instead of a result. */
  annulReason: string | null
  /** Elected projects of this vote and its published run-offs, for the final list. */
  final: ScreenFinalEntry[]
  /** At the progress stage, a rating's projects and where they stood; else null. */
  progress: ScreenProgressRow[] | null
}

/**
 * The seat map at the screen's seats stage: where deputies sit and whether they are here, never
 * names (the screen namespace is public) and never who has voted.
 */
export interface ScreenSeatsView {
  /** Each deputy's seat as the roster has it, in roster order (seat-map.ts reads them). */
  labels: string[]
  /** One letter per deputy, in the same order: p present, a absent, l on leave (请假). */
  states: string
}

export interface ScreenState {
  meetingTitle: string | null
  /** 届次/会次, date, venue, presiding officer; null without a meeting. */
  meetingDetails: MeetingDetails | null
  /** 演练: every stage says so. */
  rehearsal: boolean
  /** Only at the seats stage. */
  seats: ScreenSeatsView | null
  /** Where tablets join, shown on the welcome stage. */
  joinUrl: string | null
  stage: ScreenStage
  attendance: AttendanceView
  vote: ScreenVoteView | null
  /** The host's clock when the state was sent, so the countdown ignores the screen's clock. */
  now: string
}

/** What a deputy may read of a candidate on the ballot, asked for when opened. */
export interface CandidateDetail {
  id: string
  summary: string
  leadUnit: string
  /** 投资额, 万元; null when not given. */
  budget: number | null
  category: string
  /** 计划完成时间, 'YYYY-MM' or 'YYYY-MM-DD'; '' when not given. */
  completion: string
  /** 群众点单: the citizens' proposals grouped under it, counted by 来源渠道. */
  proposals: ProposalSources
}

export interface DeputyBallotView {
  id: VoteId
  title: string
  kind: VoteKind
  seats: number | null
  maxFor: number | null
  /** A deputy may change the ballot until the vote closes. */
  allowChange: boolean
  /**
   * Counted from paper (故障改人工计票): the tablet shows no ballot, only that paper is used
   * (a ballot already recorded stays so).
   */
  paper: boolean
  candidates: VoteCandidate[]
  /** A motion's own text (its subject); null for other kinds. */
  motion: MotionText | null
  /** A rating made from last year's projects: each one's progress; null for any other vote. */
  progress: CandidateProgress[] | null
  /**
   * Time left when this state was sent, in ms (null without a limit): tablet clocks are often
   * wrong, so the tablet counts down from its own receipt time, not from a wall-clock deadline.
   */
  remainingMs: number | null
}

/**
 * How one item came out, in the words of its kind: 当选/未当选 (差额), 通过/未通过 (逐项, 决议),
 * 并列 at a tie's cut line, or a rating's grade.
 */
export type BriefOutcome =
  | 'elected'
  | 'not-elected'
  | 'passed'
  | 'not-passed'
  | 'tied'
  | 'satisfied'
  | 'basic'
  | 'unsatisfied'

export interface BriefItem {
  title: string
  outcome: BriefOutcome
  /** 赞成 (差额, 逐项, 决议); null for a rating. */
  for: number | null
  /** 反对 and 弃权: a motion's only. */
  against: number | null
  abstain: number | null
  /** 满意率, (满意 + 基本满意) / 有效票: a rating's only; null also when nothing was valid. */
  rate: number | null
}

/** A published result as a tablet shows it, in brief: what the screen shows, never a ballot. */
export interface BriefResult {
  counts: { issued: number; cast: number; valid: number }
  /** The whole vote is void (more ballots cast than issued): nothing passed. */
  void: boolean
  /** In the result's order (rank, or the list for a rating). */
  items: BriefItem[]
  tie: { titles: string[]; seatsLeft: number } | null
  /** Seats left unfilled (差额, 逐项). */
  shortfall: number | null
  /** 总体满意率 of a rating, pooled over its items. */
  overallRate: number | null
}

/**
 * The vote that ended last (closed, published or annulled), as every tablet is told: ended, its
 * result in brief once published, or annulled with the reason. Null while a vote is open.
 */
export interface DeputyEndedView {
  id: string
  title: string
  kind: VoteKind
  status: 'closed' | 'published' | 'annulled'
  annulReason: string | null
  brief: BriefResult | null
}

export interface DeputyState {
  meetingTitle: string
  /** 演练: the tablet says so on every page. */
  rehearsal: boolean
  me: { name: string; delegation: string; seat: string }
  vote: DeputyBallotView | null
  ended: DeputyEndedView | null
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
export type DeputyHallView = Pick<DeputyState, 'meetingTitle' | 'rehearsal' | 'vote' | 'ended'>

/** A tablet's state after a hall message: `voted` holds only while the same vote stays open. */
export function withHall(state: DeputyState, hall: DeputyHallView): DeputyState {
  const sameVote = hall.vote !== null && hall.vote.id === state.vote?.id
  return { ...state, ...hall, voted: sameVote && state.voted }
}
