import type { Ack, Result } from './envelope'
import type { ConsoleAttendanceEvents } from './console/attendance.events'
import type { ConsoleAuditEvents } from './console/audit.events'
import type { ConsoleLiveEvents } from './console/live.events'
import type { ConsoleMeetingEvents } from './console/meeting.events'
import type { ConsolePreparationEvents } from './console/preparation.events'
import type { ConsoleScreenEvents } from './console/screen.events'
import type { ConsoleVoteEvents } from './console/vote.events'
import type { ConsoleYearEvents } from './console/year.events'
import type { ConsoleScrutineerEvents } from './console/scrutineers.events'
import type { ConsolePaperEvents } from './console/paper.events'
import type { VoteId } from './ids'
import type { Proposal } from '../year/proposals'
import type { ConsoleProposalsEvents } from '../year/proposals.events'
import type { ConsoleDutyEvents } from '../duty/duty.events'
import type { BallotReceipt, BallotSubmitInput, VoteIdInput } from './vote.schema'
import type {
  CandidateDetail,
  ConsoleDeputyView,
  ConsoleState,
  DeputyHallView,
  DeputyState,
  ScreenState,
} from './views'

/** The Socket.IO contract of the three namespaces, shared by host and pages. */

export const namespaces = { console: '/console', screen: '/screen', deputy: '/deputy' } as const

/**
 * What staff may ask of the host, one file per domain under `console/`: a new domain of the
 * console gets its own file and is added here, and the host's handler map must follow (its type
 * is this map; see electron/host/socket/console.handlers.ts).
 */
export interface ConsoleClientEvents
  extends
    ConsoleMeetingEvents,
    ConsolePreparationEvents,
    ConsoleAttendanceEvents,
    ConsoleVoteEvents,
    ConsoleLiveEvents,
    ConsoleAuditEvents,
    ConsoleScreenEvents,
    ConsoleYearEvents,
    ConsoleProposalsEvents,
    ConsoleScrutineerEvents,
    ConsolePaperEvents,
    ConsoleDutyEvents {}

export interface ConsoleServerEvents {
  'console:state': (state: ConsoleState) => void
  /** The roster, sent apart from the state: it is large and changes rarely. */
  'console:roster': (deputies: ConsoleDeputyView[]) => void
  /** Citizens' proposals and their grouping, sent apart: large, and changed only by staff. */
  'console:proposals': (proposals: Proposal[]) => void
  /** Tablets online now, whenever it changes (at most once a second): ConsoleState's count. */
  'console:tablets': (tablets: { online: number }) => void
}

export type ScreenClientEvents = Record<string, never>

export interface ScreenServerEvents {
  'screen:state': (state: ScreenState) => void
}

export interface DeputyClientEvents {
  'ballot:submit': (input: BallotSubmitInput, ack: Ack<BallotReceipt>) => void
  /** The open vote's candidates' 简介, 牵头单位 and 投资额, asked for when a deputy opens one. */
  'vote:details': (input: VoteIdInput, ack: Ack<CandidateDetail[]>) => void
}

export interface DeputyServerEvents {
  /** This tablet's whole state: on connecting, and when something of this deputy's changes. */
  'deputy:state': (state: DeputyState) => void
  /** To every tablet at once, when the meeting or the open vote changes: merge with withHall. */
  'deputy:hall': (hall: DeputyHallView) => void
  /** Another tablet opened this deputy's credential; this one stops. */
  'deputy:replaced': () => void
  /** This credential no longer works (a new card was issued); the tablet stops. */
  'deputy:revoked': () => void
  /** Staff remind deputies who have not voted yet. */
  'deputy:remind': (input: { voteId: VoteId }) => void
  /**
   * To a tablet that joined by typing the card's join code: the card's credential, which it
   * keeps and logs in with from then on, as if it had scanned the QR code.
   */
  'deputy:credential': (input: { credential: string }) => void
}

export interface ConsoleAuth {
  token: string
}

/** A tablet logs in with its card's credential (the QR), or with the join code typed from it. */
export type DeputyAuth = { credential: string } | { code: string }

export type ConsoleEventName = keyof ConsoleClientEvents

/** What a request's caller sends: the event's first argument. */
export type EventInput<E> = E extends (input: infer I, ack: never) => void ? I : never
/** What a request is answered with when it succeeds: the data of the event's acknowledgement. */
export type AckData<E> = E extends (input: never, ack: Ack<infer T>) => void ? T : never
export type AckResult<E> = Result<AckData<E>>
