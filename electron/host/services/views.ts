import type { Deputy } from '../../../shared/protocol/meeting.schema'
import type {
  AttendanceView,
  ConsoleDeputyView,
  ConsoleState,
  DeputyState,
  ScreenFinalEntry,
  ScreenState,
  TurnoutView,
} from '../../../shared/protocol/views'
import { RUNOFF_TITLE_SUFFIX } from '../../../shared/rules'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { MeetingData } from '../store/meeting.store'
import type { Hall } from './hall'
import type { Session } from './session'

/** Pure projections of the session into what each role may see. */

export function attendanceOf(data: Readonly<MeetingData>): AttendanceView {
  const present = data.deputies.filter((d) => d.present).length
  return { roster: data.deputies.length, present, absent: data.deputies.length - present }
}

export function turnoutOf(session: Session, vote: VoteDef): TurnoutView | null {
  if (vote.status === 'draft' || !vote.attendance) return null
  return { cast: session.loadedBox(vote.id)?.castCount ?? 0, issued: vote.attendance.issued }
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
    votes: data.votes.map((v) => ({ ...v, turnout: turnoutOf(session, v) })),
    tabletsOnline,
  }
}

export function consoleRoster(session: Session): ConsoleDeputyView[] {
  return session.meeting.data.deputies.map((d) => ({
    id: d.id,
    name: d.name,
    delegation: d.delegation,
    seat: d.seat,
    idLast4: d.idLast4 ?? null,
    note: d.note ?? '',
    present: d.present,
  }))
}

export function screenState(session: Session, joinUrl: string | null): ScreenState {
  const data = session.meeting.data
  const vote = data.votes.find((v) => v.id === data.screen.voteId)
  const published = vote?.status === 'published'
  return {
    now: new Date().toISOString(),
    meetingTitle: data.meeting?.title ?? null,
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
          status: vote.status,
          turnout: turnoutOf(session, vote) ?? { cast: 0, issued: 0 },
          result: published ? vote.result : null,
          rules: vote.rules,
          deadline: deadlineOf(vote),
          final: published ? finalList(data, vote) : [],
        }
      : null,
  }
}

function deadlineOf(vote: VoteDef): string | null {
  if (!vote.openedAt || !vote.rules.timeLimit) return null
  return new Date(Date.parse(vote.openedAt) + vote.rules.timeLimit.seconds * 1000).toISOString()
}

/**
 * The elected projects that close an item: this vote's in rank order, then those of its
 * published run-offs (titled with the run-off suffix), which fill the seats a tie left open.
 */
function finalList(data: Readonly<MeetingData>, vote: VoteDef): ScreenFinalEntry[] {
  const projects = new Map(data.projects.map((p) => [p.id, p]))
  const entries: ScreenFinalEntry[] = []
  let current: VoteDef | undefined = vote
  for (let hops = 0; current && hops < 10; hops++) {
    if (current.status !== 'published') break
    for (const id of current.result?.elected ?? []) {
      const title = current.candidates.find((c) => c.id === id)?.title ?? projects.get(id)?.title
      entries.push({ id, title: title ?? id, leadUnit: projects.get(id)?.leadUnit ?? '' })
    }
    const runoffTitle: string = current.title + RUNOFF_TITLE_SUFFIX
    current = data.votes.find((v) => v.title === runoffTitle)
  }
  return entries
}

export function deputyState(session: Session, deputy: Deputy): DeputyState {
  const data = session.meeting.data
  const open = data.votes.find((v) => v.status === 'open')
  return {
    meetingTitle: data.meeting?.title ?? '',
    me: { name: deputy.name, delegation: deputy.delegation, seat: deputy.seat },
    vote: open
      ? {
          id: open.id,
          title: open.title,
          kind: open.rules.kind,
          seats: open.rules.seats,
          maxFor: open.rules.maxFor,
          allowChange: open.rules.allowChange,
          candidates: open.candidates,
        }
      : null,
    voted: open ? (session.loadedBox(open.id)?.hasVoted(deputy.id) ?? false) : false,
  }
}
