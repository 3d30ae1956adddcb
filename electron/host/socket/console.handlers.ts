import { timingSafeEqual } from 'node:crypto'
import type { Namespace } from 'socket.io'
import type { ConsoleClientEvents, ConsoleServerEvents } from '../../../shared/protocol/events'
import { z } from 'zod'
import { voteIdInputSchema } from '../../../shared/protocol/vote.schema'
import type { AttendanceService } from '../services/attendance.service'
import type { LibraryService } from '../services/library.service'
import type { LiveService } from '../services/live.service'
import type { MeetingService } from '../services/meeting.service'
import { parseInput } from '../services/parse-input'
import type { Hall, HallChange } from '../services/hall'
import type { PreparationService } from '../services/preparation.service'
import { ScreenService } from '../services/screen.service'
import { consoleRoster, consoleState } from '../services/views'
import type { VoteService } from '../services/vote.service'
import { registerHandlers, throttle } from './handle'
import { TokenBucket } from './rate-limit'

const auditListInputSchema = z.object({ limit: z.number().int().min(1).max(1000).default(200) })
const emptyInputSchema = z.object({}).strict()

export interface ConsoleDeps {
  hall: Hall
  library: LibraryService
  preparation: PreparationService
  meetings: MeetingService
  attendance: AttendanceService
  live: LiveService
  votes: VoteService
  staffToken: string
  /** Whether a peer address may be staff at all (this machine, or the LAN when admitted). */
  admitStaff: (address: string | undefined) => boolean
  tabletsOnline: () => number
  log: (line: string) => void
}

/** /console: staff only, by the token handed to the console at start. */
export function setupConsoleNamespace(
  nsp: Namespace<ConsoleClientEvents, ConsoleServerEvents>,
  deps: ConsoleDeps,
): () => void {
  const { hall, meetings, votes, preparation: prep } = deps
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
  const onChange = (change: HallChange) => {
    if (change.type === 'turnout') pushTurnout()
    else push()
    if (hall.session.meeting.rosterVersion !== rosterSent) pushRoster()
  }
  hall.on('change', onChange)

  nsp.on('connection', (socket) => {
    socket.emit('console:state', state())
    socket.emit('console:roster', roster())
    registerHandlers(
      socket,
      {
        'meeting:load-demo': async (input) => {
          parseInput(emptyInputSchema, input)
          await meetings.loadDemo()
          return null
        },
        'meeting:create': (input) => deps.library.create(input),
        'meeting:open': (input) => deps.library.open(input),
        'meeting:rename': (input) => deps.library.rename(input),
        'meeting:duplicate': (input) => deps.library.duplicate(input),
        'meeting:delete': (input) => deps.library.remove(input),
        'vote:create': (input) => votes.create(input),
        'vote:update': (input) => votes.update(input),
        'vote:remove': (input) => votes.remove(input),
        'roster:confirm': (input) => prep.confirmRoster(input),
        'projects:confirm': (input) => prep.confirmProjects(input),
        'deputy:add': (input) => prep.addDeputy(input),
        'deputy:update': (input) => prep.updateDeputy(input),
        'deputy:remove': (input) => prep.removeDeputy(input),
        'deputy:reissue': (input) => prep.reissue(input),
        'project:add': (input) => prep.addProject(input),
        'project:update': (input) => prep.updateProject(input),
        'project:remove': (input) => prep.removeProject(input),
        'projects:reorder': (input) => prep.reorderProjects(input),
        'vote:open': async (input) => {
          await votes.open(input)
          return null
        },
        'vote:close': async (input) => {
          await votes.close(parseInput(voteIdInputSchema, input).voteId)
          return null
        },
        'attendance:set': (input) => deps.attendance.set(input),
        'attendance:confirm': (input) => deps.attendance.confirm(input),
        'meeting:set-quorum': (input) => deps.attendance.setQuorum(input),
        'vote:remind': (input) => deps.live.remind(input),
        'vote:paper': (input) => deps.live.paper(input),
        'vote:annul': (input) => deps.live.annul(input),
        'vote:acknowledge-box': (input) => deps.live.acknowledgeBox(input),
        'vote:runoff': (input) => deps.live.runoff(input),
        'audit:list': async (input) => {
          const { limit } = parseInput(auditListInputSchema, input ?? {})
          const entries = await hall.session.audit.entries()
          return entries
            .slice(-limit)
            .reverse()
            .map(({ seq, at, type, data, hash }) => ({ seq, at, type, data, hash }))
        },
        'vote:publish': async (input) => {
          await votes.publish(parseInput(voteIdInputSchema, input).voteId)
          return null
        },
        'screen:show': (input) => new ScreenService(hall).show(input),
      },
      deps.log,
      // Staff click fast and bulk actions are one request each: generous, but bounded.
      new TokenBucket({ burst: 100, perSecond: 50 }),
    )
  })

  return () => {
    push.cancel()
    pushTurnout.cancel()
    pushRoster.cancel()
    hall.off('change', onChange)
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
