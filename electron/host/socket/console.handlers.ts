import { timingSafeEqual } from 'node:crypto'
import type { Namespace } from 'socket.io'
import type { ConsoleClientEvents, ConsoleServerEvents } from '../../../shared/protocol/events'
import type { AttendanceService } from '../services/attendance.service'
import type { LibraryService } from '../services/library.service'
import type { LiveService } from '../services/live.service'
import type { MeetingService } from '../services/meeting.service'
import type { Hall, HallChange } from '../state/hall'
import type { PreparationService } from '../services/preparation.service'
import type { ProposalsService } from '../year/proposals.service'
import { proposalsHandlers } from '../year/proposals.handlers'
import { dutyHandlers } from '../duty/duty.handlers'
import type { DutyService } from '../duty/duty.service'
import { consoleRoster, consoleState } from '../services/views'
import type { VoteService } from '../services/vote.service'
import { attendanceHandlers } from './console/attendance.handlers'
import { auditHandlers } from './console/audit.handlers'
import { liveHandlers } from './console/live.handlers'
import { meetingHandlers } from './console/meeting.handlers'
import { preparationHandlers } from './console/preparation.handlers'
import { screenHandlers } from './console/screen.handlers'
import { scrutineerHandlers } from './console/scrutineers.handlers'
import { paperHandlers } from './console/paper.handlers'
import type { PaperCountService } from '../services/paper-count.service'
import type { ScrutineersService } from '../services/scrutineers.service'
import { voteHandlers } from './console/vote.handlers'
import { yearHandlers } from './console/year.handlers'
import type { RatingService } from '../year/rating.service'
import type { ProgressImportService } from '../year/progress-import.service'
import type { YearService } from '../year/year.service'
import type { Handlers } from './handle'
import { registerHandlers, throttle } from './handle'
import { TokenBucket } from './rate-limit'

export interface ConsoleDeps {
  hall: Hall
  library: LibraryService
  scrutineers: ScrutineersService
  preparation: PreparationService
  proposals: ProposalsService
  meetings: MeetingService
  attendance: AttendanceService
  live: LiveService
  paper: PaperCountService
  votes: VoteService
  year: YearService
  rating: RatingService
  progressImports: ProgressImportService
  duty: DutyService
  staffToken: string
  /** Whether a peer address may be staff at all (this machine, or the LAN when admitted). */
  admitStaff: (address: string | undefined) => boolean
  tabletsOnline: () => number
  /** Runs its argument whenever a tablet connects or leaves; answers how to stop. */
  watchTablets: (watcher: () => void) => () => void
  log: (line: string) => void
}

/** How often at most the console is told the count of tablets online (issue 31: true in 2 s). */
export const TABLETS_EVERY_MS = 1000

/** /console: staff only, by the token handed to the console at start. */
export function setupConsoleNamespace(
  nsp: Namespace<ConsoleClientEvents, ConsoleServerEvents>,
  deps: ConsoleDeps,
): () => void {
  const { hall } = deps
  nsp.use((socket, next) => {
    if (!deps.admitStaff(socket.handshake.address)) {
      next(new Error('forbidden'))
      return
    }
    const auth: unknown = socket.handshake.auth
    const token = typeof auth === 'object' && auth && 'token' in auth ? auth.token : undefined
    if (typeof token === 'string' && sameSecret(token, deps.staffToken)) next()
    else next(new Error('unauthorized'))
  })

  const state = () => consoleState(hall, deps.tabletsOnline())
  const roster = () => consoleRoster(hall.session)
  const push = throttle(() => nsp.emit('console:state', state()), 250)
  // A ballot changes only the turnout, hundreds of times a second at a full hall; for that the
  // state (with every deputy who has not voted yet: thousands of ids) goes out once a second,
  // not four times: ~5 of the host's ~90 MB allocated in 10 s of 3,000 ballots.
  const pushTurnout = throttle(push, 1000)
  // The roster is most of what the console is sent (5,000 deputies: ~10 ms to make and send),
  // so it goes out only when it changed, not on every vote opened, closed or published.
  let rosterSent = hall.session.meeting.rosterVersion
  const pushRoster = throttle(() => {
    rosterSent = hall.session.meeting.rosterVersion
    nsp.emit('console:roster', roster())
  }, 250)
  // The proposals likewise: a new list (meeting.store.ts: replaced whole at every change).
  let proposalsSent = hall.session.meeting.data.proposals
  const pushProposals = throttle(() => {
    proposalsSent = hall.session.meeting.data.proposals
    nsp.emit('console:proposals', proposalsSent)
  }, 250)
  // Tablets come and go without anything else changing (a dead access point, a hall leaving):
  // the count alone, to the console room, at most once a second.
  const pushTablets = throttle(
    () => nsp.emit('console:tablets', { online: deps.tabletsOnline() }),
    TABLETS_EVERY_MS,
  )
  const stopWatching = deps.watchTablets(pushTablets)
  const onChange = (change: HallChange) => {
    if (change.type === 'turnout') pushTurnout()
    else push()
    if (hall.session.meeting.rosterVersion !== rosterSent) pushRoster()
    if (hall.session.meeting.data.proposals !== proposalsSent) pushProposals()
  }
  hall.on('change', onChange)

  // The console's contract by domain (shared/protocol/console/), one handler map each.
  const handlers: Handlers<ConsoleClientEvents> = {
    ...meetingHandlers(deps),
    ...preparationHandlers(deps.preparation),
    ...proposalsHandlers(deps.proposals),
    ...attendanceHandlers(deps.attendance),
    ...voteHandlers(deps.votes),
    ...liveHandlers(deps.live),
    ...auditHandlers(hall),
    ...screenHandlers(hall),
    ...yearHandlers(deps.year, deps.rating, deps.progressImports),
    ...scrutineerHandlers(deps.scrutineers),
    ...paperHandlers(deps.paper),
    ...dutyHandlers(deps.duty),
  }

  nsp.on('connection', (socket) => {
    socket.emit('console:state', state())
    socket.emit('console:roster', roster())
    socket.emit('console:proposals', hall.session.meeting.data.proposals)
    registerHandlers(
      socket,
      handlers,
      deps.log,
      // Staff click fast and bulk actions are one request each: generous, but bounded.
      new TokenBucket({ burst: 100, perSecond: 50 }),
    )
  })

  return () => {
    push.cancel()
    pushTurnout.cancel()
    pushRoster.cancel()
    pushProposals.cancel()
    pushTablets.cancel()
    stopWatching()
    hall.off('change', onChange)
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
