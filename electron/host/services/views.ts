import { defaultQuorum, hasQuorum, quorumNeeded } from '../../../shared/protocol/attendance.schema'
import type { Deputy } from '../../../shared/protocol/meeting.schema'
import type {
  AttendanceView,
  CandidateProgress,
  ConsoleDeputyView,
  ConsoleState,
  DelegationTurnoutView,
  DeputyEndedView,
  DeputyHallView,
  DeputyState,
  LiveVoteView,
  ScreenFinalEntry,
  ScreenProgressRow,
  ScreenSeatsView,
  ScreenState,
  TurnoutView,
} from '../../../shared/protocol/views'
import { briefResult, RUNOFF_TITLE_SUFFIX, voteStates } from '../../../shared/rules'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { PaperCountView } from '../../../shared/protocol/paper-count.schema'
import { emptyPaperWork } from '../../../shared/rules/paper-count'
import { paperCountView } from '../../../shared/rules/paper-view'
import { paperToCount, tabletCast } from './paper-work'
import type { AgendaData } from '../store/json-files/meeting.store'
import { attendanceStateOf } from './attendance.service'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import type { DeputyId, VoteId } from '../../../shared/protocol/ids'

/** Pure projections of the session into what each role may see. */

export function attendanceOf(data: Readonly<AgendaData>): AttendanceView {
  const roster = data.deputies.length
  // Counted, not filtered: while ballots come in the screen asks four times a second and the
  // console once, and two arrays of the roster per ask were garbage the ballots' GC paid for.
  // An indexed loop: code this rarely run is not optimized, and for-of then makes an object per
  // deputy (3,000 per ask).
  let present = 0
  let leave = 0
  for (let i = 0; i < data.deputies.length; i++) {
    const d = data.deputies[i]!
    if (d.present) present += 1
    else if (d.onLeave) leave += 1
  }
  const quorum = data.quorum ?? defaultQuorum
  return {
    roster,
    present,
    absent: roster - present - leave,
    leave,
    quorum: { ...quorum },
    quorumNeeded: quorumNeeded(roster, quorum),
    quorumMet: hasQuorum(present, roster, quorum),
  }
}

/** Turnout by delegation and who has not voted, for staff only: who, never marks. */
export function liveOf(session: Session): LiveVoteView | null {
  const vote = session.openVote()
  const box = vote ? session.loadedBox(vote.id) : undefined
  if (!vote || !box) return null
  const byDelegation = new Map<string, DelegationTurnoutView>()
  const notVotedIds: DeputyId[] = []
  const { deputies } = session.meeting.data
  // Indexed, as in attendanceOf: the console asks once a second while ballots come in.
  for (let i = 0; i < deputies.length; i++) {
    const d = deputies[i]!
    if (!d.present) continue
    const row = byDelegation.get(d.delegation) ?? { delegation: d.delegation, issued: 0, cast: 0 }
    byDelegation.set(d.delegation, row)
    row.issued += 1
    if (box.hasVoted(d.id)) row.cast += 1
    else notVotedIds.push(d.id)
  }
  return { voteId: vote.id, byDelegation: [...byDelegation.values()], notVotedIds }
}

export function turnoutOf(session: Session, vote: VoteDef): TurnoutView | null {
  if (!voteStates[vote.status].hasBox || !vote.attendance) return null
  return { cast: session.loadedBox(vote.id)?.castCount ?? 0, issued: vote.attendance.issued }
}

/** An open vote's paper count as staff see it (shared/rules/paper-view.ts); null otherwise. */
function paperCountOf(session: Session, vote: VoteDef): PaperCountView | null {
  const box = session.loadedBox(vote.id)
  if (!vote.paper || !voteStates[vote.status].takesBallots || !box) return null
  const work = session.paperWork.get(vote.id) ?? emptyPaperWork()
  return paperCountView(vote.paper, work, {
    toCount: paperToCount(vote, box),
    tablet: tabletCast(box),
  })
}

export function consoleState(hall: Hall, tabletsOnline: number): ConsoleState {
  const session = hall.session
  const data = session.meeting.data
  return {
    alerts: session.alerts,
    meetings: hall.library.meetings.map((m) => ({ ...m, active: m.id === session.meetingId })),
    meeting: data.meeting,
    attendance: attendanceOf(data),
    projects: data.projects,
    votes: data.votes.map((v) => ({
      ...v,
      turnout: turnoutOf(session, v),
      paperCount: paperCountOf(session, v),
    })),
    tabletsOnline,
    leaveCardsOpened: [...session.leaveCardsOpened],
    live: liveOf(session),
  }
}

export function consoleRoster(session: Session): ConsoleDeputyView[] {
  return session.meeting.data.deputies.map((d) => ({
    id: d.id,
    number: d.number ?? '',
    name: d.name,
    delegation: d.delegation,
    seat: d.seat,
    idLast4: d.idLast4 ?? null,
    note: d.note ?? '',
    present: d.present,
    attendance: attendanceStateOf(d),
  }))
}

export function screenState(session: Session, joinUrl: string | null): ScreenState {
  const data = session.meeting.data
  const vote = data.votes.find((v) => v.id === data.screen.voteId)
  const published = vote ? voteStates[vote.status].resultPublic : false
  return {
    now: new Date().toISOString(),
    meetingTitle: data.meeting?.title ?? null,
    meetingDetails: data.meeting?.details ?? null,
    rehearsal: data.meeting?.rehearsal ?? false,
    seats: data.screen.stage === 'seats' ? screenSeats(session) : null,
    joinUrl,
    stage: data.screen.stage,
    attendance: attendanceOf(data),
    vote: vote
      ? {
          id: vote.id,
          title: vote.title,
          kind: vote.rules.kind,
          seats: vote.rules.seats,
          candidates: vote.candidates,
          motion: vote.motion ?? null,
          status: vote.status,
          turnout: turnoutOf(session, vote) ?? { cast: 0, issued: 0 },
          result: published ? vote.result : null,
          rules: vote.rules,
          annulReason: voteStates[vote.status].voided ? (vote.annulReason ?? '') : null,
          // The deadline stored at open: the host's timer closes (or warns) at exactly this time.
          deadline: voteStates[vote.status].takesBallots ? (vote.deadline ?? null) : null,
          final: published ? finalList(data, vote) : [],
          progress: data.screen.stage === 'progress' ? progressRows(session, vote) : null,
        }
      : null,
  }
}

/** Seats and attendance for the projector's seat map: no names, no votes. */
function screenSeats(session: Session): ScreenSeatsView {
  const { deputies } = session.meeting.data
  const labels: string[] = []
  let states = ''
  // Indexed, as in attendanceOf: the screen is sent this up to 4 times a second at check-in.
  for (let i = 0; i < deputies.length; i++) {
    const d = deputies[i]!
    labels.push(d.seat)
    states += d.present ? 'p' : d.onLeave ? 'l' : 'a'
  }
  return { labels, states }
}

/**
 * The elected projects that close an item: this vote's in rank order, then those of its
 * published run-offs, which fill the seats a tie or shortfall left open. A run-off is found by
 * the link stored when it was made (runoffOf), or by its title for one typed in by hand.
 */
function finalList(data: Readonly<AgendaData>, vote: VoteDef): ScreenFinalEntry[] {
  const projects = new Map(data.projects.map((p) => [p.id, p]))
  const entries: ScreenFinalEntry[] = []
  let current: VoteDef | undefined = vote
  for (let hops = 0; current && hops < 10; hops++) {
    if (!voteStates[current.status].resultPublic) break
    for (const id of current.result?.elected ?? []) {
      const title = current.candidates.find((c) => c.id === id)?.title ?? projects.get(id)?.title
      entries.push({ id, title: title ?? id, leadUnit: projects.get(id)?.leadUnit ?? '' })
    }
    const from: VoteDef = current
    const runoffTitle = from.title + RUNOFF_TITLE_SUFFIX
    current =
      data.votes.find((v) => v.runoffOf === from.id && voteStates[v.status].resultPublic) ??
      data.votes.find((v) => !v.runoffOf && v.title === runoffTitle)
  }
  return entries
}

/** A rating's projects and their progress, in the ballot's order; null when not from a year. */
function ratingProgress(session: Session, voteId: VoteId): CandidateProgress[] | null {
  const link = session.ratings.find((r) => r.voteId === voteId)
  if (!link) return null
  return link.items.map((i) => ({ id: i.candidateId, percent: i.percent, lastDate: i.lastDate }))
}

/** The progress stage's rows: a rating's projects with their 牵头单位, and whether late. */
function progressRows(session: Session, vote: VoteDef): ScreenProgressRow[] | null {
  const link = session.ratings.find((r) => r.voteId === vote.id)
  if (!link) return null
  const { projects } = session.meeting.data
  return vote.candidates.flatMap((c) => {
    const item = link.items.find((i) => i.candidateId === c.id)
    if (!item) return []
    const project = projects.find((p) => p.id === c.id)
    return [
      {
        id: c.id,
        title: c.title,
        leadUnit: project?.leadUnit ?? '',
        percent: item.percent,
        lastDate: item.lastDate,
        late: item.late.length > 0,
      },
    ]
  })
}

/**
 * What every tablet is shown alike: the meeting, the open vote, or else the vote that ended
 * last (its result in brief once published); never anyone's ballot.
 */
export function deputyHall(session: Session): DeputyHallView {
  const data = session.meeting.data
  const open = data.votes.find((v) => voteStates[v.status].takesBallots)
  return {
    meetingTitle: data.meeting?.title ?? '',
    ended: open ? null : endedView(data.votes),
    rehearsal: data.meeting?.rehearsal ?? false,
    vote: open
      ? {
          id: open.id,
          title: open.title,
          kind: open.rules.kind,
          seats: open.rules.seats,
          maxFor: open.rules.maxFor,
          allowChange: open.rules.allowChange,
          paper: open.paper !== null,
          candidates: open.candidates,
          motion: open.motion ?? null,
          progress: open.rules.kind === 'rating' ? ratingProgress(session, open.id) : null,
          remainingMs: open.deadline ? Math.max(0, Date.parse(open.deadline) - Date.now()) : null,
        }
      : null,
  }
}

/**
 * The vote whose end (close, publication or annulment) the hall heard last. Votes published
 * before publishedAt was kept count from their close.
 */
function endedView(votes: readonly VoteDef[]): DeputyEndedView | null {
  let last: VoteDef | null = null
  let lastAt = ''
  for (const v of votes) {
    if (v.status !== 'closed' && v.status !== 'published' && v.status !== 'annulled') continue
    const at = [v.closedAt, v.publishedAt, v.annulledAt].reduce<string>(
      (max, t) => (t && t > max ? t : max),
      '',
    )
    if (!last || at >= lastAt) [last, lastAt] = [v, at]
  }
  if (!last) return null
  const result = voteStates[last.status].resultPublic ? last.result : null
  return {
    id: last.id,
    title: last.title,
    kind: last.rules.kind,
    status: last.status as DeputyEndedView['status'],
    annulReason: voteStates[last.status].voided ? (last.annulReason ?? '') : null,
    brief: result ? briefResult(result, last.candidates) : null,
  }
}

export function deputyState(session: Session, deputy: Deputy): DeputyState {
  const hall = deputyHall(session)
  return {
    ...hall,
    me: { name: deputy.name, delegation: deputy.delegation, seat: deputy.seat },
    voted: hall.vote ? (session.loadedBox(hall.vote.id)?.hasVoted(deputy.id) ?? false) : false,
    onLeave: !deputy.present && deputy.onLeave === true,
  }
}
