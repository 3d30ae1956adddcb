import type { AttendanceConfirmInput, AttendanceSetInput, QuorumRule } from './attendance.schema'
import type { Ack, Result } from './envelope'
import type {
  DeputyInput,
  DeputyUpdateInput,
  ProjectInput,
  ProjectUpdateInput,
} from './preparation.schema'
import type {
  BallotReceipt,
  BallotSubmitInput,
  PaperBallotInput,
  VoteAnnulInput,
  VoteCreateInput,
  VoteIdInput,
  VoteOpenInput,
  VoteUpdateInput,
} from './vote.schema'
import type {
  AuditEntryView,
  ConsoleDeputyView,
  ConsoleState,
  DeputyHallView,
  DeputyState,
  ScreenState,
} from './views'
import type { ScreenShowInput } from './screen.schema'

/** The Socket.IO contract of the three namespaces, shared by host and pages. */

export const namespaces = { console: '/console', screen: '/screen', deputy: '/deputy' } as const

export interface ConsoleClientEvents {
  'meeting:load-demo': (input: Record<string, never>, ack: Ack<null>) => void
  'meeting:create': (input: { title: string }, ack: Ack<{ meetingId: string }>) => void
  'meeting:open': (input: { meetingId: string }, ack: Ack<null>) => void
  'meeting:rename': (input: { meetingId: string; title: string }, ack: Ack<null>) => void
  'meeting:duplicate': (
    input: { meetingId: string; title: string },
    ack: Ack<{ meetingId: string }>,
  ) => void
  'meeting:delete': (input: { meetingId: string }, ack: Ack<null>) => void
  'vote:create': (input: VoteCreateInput, ack: Ack<{ voteId: string }>) => void
  /** Refused with no-quorum unless `override` gives the reason (logged). */
  'vote:open': (input: VoteOpenInput, ack: Ack<null>) => void
  'vote:close': (input: VoteIdInput, ack: Ack<null>) => void
  'vote:publish': (input: VoteIdInput, ack: Ack<null>) => void
  'vote:update': (input: VoteUpdateInput, ack: Ack<null>) => void
  'vote:remove': (input: VoteIdInput, ack: Ack<null>) => void
  'roster:confirm': (input: { previewId: string }, ack: Ack<{ deputies: number }>) => void
  'projects:confirm': (input: { previewId: string }, ack: Ack<{ projects: number }>) => void
  'deputy:add': (input: DeputyInput, ack: Ack<{ deputyId: string }>) => void
  'deputy:update': (input: DeputyUpdateInput, ack: Ack<null>) => void
  'deputy:remove': (input: { deputyId: string }, ack: Ack<null>) => void
  /** A new card for one deputy; the old credential stops working at once. */
  'deputy:reissue': (input: { deputyId: string }, ack: Ack<{ credential: string }>) => void
  'project:add': (input: ProjectInput, ack: Ack<null>) => void
  'project:update': (input: ProjectUpdateInput, ack: Ack<null>) => void
  'project:remove': (input: { projectId: string }, ack: Ack<null>) => void
  'projects:reorder': (input: { ids: string[] }, ack: Ack<null>) => void
  /** 报到 by staff: check in, undo, or mark leave; one deputy, several, or a delegation. */
  'attendance:set': (input: AttendanceSetInput, ack: Ack<{ changed: number }>) => void
  /** Checks in a deputy on leave whose card was opened on a tablet (see leaveCardsOpened). */
  'attendance:confirm': (input: AttendanceConfirmInput, ack: Ack<null>) => void
  'meeting:set-quorum': (input: QuorumRule, ack: Ack<null>) => void
  /** Prompts the tablets of eligible deputies who have not voted; answers how many were reached. */
  'vote:remind': (input: VoteIdInput, ack: Ack<{ reminded: number }>) => void
  /** A paper ballot for a deputy whose tablet failed: marks the deputy voted, stores it unlinked. */
  'vote:paper': (input: PaperBallotInput, ack: Ack<null>) => void
  'vote:annul': (input: VoteAnnulInput, ack: Ack<null>) => void
  /** Staff have seen that the vote's ballot box was found damaged (audited). */
  'vote:acknowledge-box': (input: VoteIdInput, ack: Ack<null>) => void
  /** Creates the run-off (另行票决) of a closed vote as a new draft. */
  'vote:runoff': (input: VoteIdInput, ack: Ack<{ voteId: string }>) => void
  /** The newest audit entries, newest first. */
  'audit:list': (input: { limit?: number }, ack: Ack<AuditEntryView[]>) => void
  /** What the projector shows (staff choose the stage; a vote stage names its vote). */
  'screen:show': (input: ScreenShowInput, ack: Ack<null>) => void
}

export interface ConsoleServerEvents {
  'console:state': (state: ConsoleState) => void
  /** The roster, sent apart from the state: it is large and changes rarely. */
  'console:roster': (deputies: ConsoleDeputyView[]) => void
}

export type ScreenClientEvents = Record<string, never>

export interface ScreenServerEvents {
  'screen:state': (state: ScreenState) => void
}

export interface DeputyClientEvents {
  'ballot:submit': (input: BallotSubmitInput, ack: Ack<BallotReceipt>) => void
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
  'deputy:remind': (input: { voteId: string }) => void
}

export interface ConsoleAuth {
  token: string
}

export interface DeputyAuth {
  credential: string
}

export type ConsoleEventName = keyof ConsoleClientEvents

/** What a request's caller sends: the event's first argument. */
export type EventInput<E> = E extends (input: infer I, ack: never) => void ? I : never
/** What a request is answered with when it succeeds: the data of the event's acknowledgement. */
export type AckData<E> = E extends (input: never, ack: Ack<infer T>) => void ? T : never
export type AckResult<E> = Result<AckData<E>>
