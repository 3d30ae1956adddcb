import type { Namespace, Socket } from 'socket.io'
import type { DeputyClientEvents, DeputyServerEvents } from '../../../shared/protocol/events'
import type { DeputyHallView } from '../../../shared/protocol/views'
import type { AttendanceService } from '../services/attendance.service'
import type { MeetingService } from '../services/meeting.service'
import { ServiceError } from '../services/service-error'
import type { Hall, HallChange } from '../state/hall'
import { deputyHall, deputyState } from '../services/views'
import type { VoteService } from '../services/vote.service'
import { collectYoungWhileQuiet } from '../quiet-gc'
import { registerHandlers } from './handle'
import { PacedBroadcast } from './paced-broadcast'
import { FailureLimiter, TokenBucket } from './rate-limit'
import type { DeputyId } from '../../../shared/protocol/ids'
import { readJoinCode } from '../../../shared/protocol/join-code'

/** Who the tablet is, and whether it logged in by typing the join code. */
interface DeputySocketData {
  deputyId: DeputyId
  byCode: boolean
}

type DeputySocket = Socket<
  DeputyClientEvents,
  DeputyServerEvents,
  Record<string, never>,
  DeputySocketData
>

export interface DeputyDeps {
  hall: Hall
  meetings: MeetingService
  attendance: AttendanceService
  votes: VoteService
  log: (line: string) => void
}

export interface DeputyNamespace {
  stop: () => void
  /** Tablets connected now, one per deputy. */
  online: () => number
  isOnline: (deputyId: DeputyId) => boolean
  /** `watcher` runs each time a tablet connects or leaves; the answer stops it. */
  watchOnline: (watcher: () => void) => () => void
}

/**
 * /deputy: a tablet bound to one deputy by the credential in its handshake. One active tablet
 * per deputy: a newer one takes over and the older one is told so.
 */
export function setupDeputyNamespace(
  nsp: Namespace<DeputyClientEvents, DeputyServerEvents, Record<string, never>, DeputySocketData>,
  deps: DeputyDeps,
): DeputyNamespace {
  const { hall, meetings, votes } = deps
  const active = new Map<DeputyId, DeputySocket>()
  /** Told whenever a tablet comes or goes (the console's count of tablets online). */
  const onlineWatchers = new Set<() => void>()
  const onlineChanged = () => {
    for (const watcher of onlineWatchers) watcher()
  }
  const guesses = new FailureLimiter({ maxFailures: 20, windowMs: 60_000, blockMs: 5 * 60_000 })

  nsp.use((socket, next) => {
    const address = socket.handshake.address
    if (guesses.blocked(address)) {
      next(new Error('rate-limited'))
      return
    }
    const deputy = deputyOf(socket.handshake.auth, meetings)
    if (!deputy) {
      guesses.fail(address)
      next(new Error('unauthorized'))
      return
    }
    socket.data.deputyId = deputy.id
    socket.data.byCode = !hasCredential(socket.handshake.auth)
    next()
  })

  const pushState = (socket: DeputySocket) => {
    const deputy = hall.session.meeting.deputy(socket.data.deputyId)
    if (deputy) socket.emit('deputy:state', deputyState(hall.session, deputy))
    else socket.disconnect(true)
  }

  /**
   * The meeting and the open vote (or the last one ended), to every tablet as one message,
   * paced (see PacedBroadcast), and only when what tablets see changed: most staff actions (a
   * draft vote, a project) change nothing on a tablet; a close, publication or annulment does.
   */
  let lastHall = ''
  const hallOut = new PacedBroadcast<'deputy:hall', DeputyHallView>(
    nsp,
    'deputy:hall',
    collectYoungWhileQuiet,
  )
  const broadcastHall = () => {
    const view = deputyHall(hall.session)
    // Time left is recomputed at every send; the deadline behind it does not change.
    const key = JSON.stringify({ ...view, vote: view.vote && { ...view.vote, remainingMs: null } })
    if (key === lastHall) return
    lastHall = key
    // A newer view replaces one still going out: every tablet gets the newest.
    hallOut.send(view)
  }

  const onChange = (change: HallChange) => {
    if (change.type === 'deputy-revoked') {
      const socket = active.get(change.deputyId)
      socket?.emit('deputy:revoked')
      socket?.disconnect(true)
    }
    // Another meeting: its credentials are not these; tablets must join it anew.
    if (change.type === 'meeting-switched') {
      lastHall = ''
      for (const socket of active.values()) socket.disconnect(true)
    }
    if (change.type === 'meeting') broadcastHall()
    if (change.type === 'deputy') {
      const socket = active.get(change.deputyId)
      if (socket) pushState(socket)
    }
    // Staff checked in (or marked leave) deputies: a tablet waiting on a leave goes on.
    if (change.type === 'attendance' && change.deputyIds) {
      for (const id of change.deputyIds) {
        const socket = active.get(id)
        if (socket) pushState(socket)
      }
    }
    if (change.type === 'remind') {
      for (const id of change.deputyIds)
        active.get(id)?.emit('deputy:remind', { voteId: change.voteId })
    }
  }
  hall.on('change', onChange)

  nsp.on('connection', (socket: DeputySocket) => {
    const { deputyId } = socket.data
    const previous = active.get(deputyId)
    if (previous && previous.id !== socket.id) {
      previous.emit('deputy:replaced')
      previous.disconnect(true)
    }
    active.set(deputyId, socket)
    onlineChanged()
    // Joined by the typed code: from now on the tablet logs in as if it had scanned the card.
    if (socket.data.byCode) {
      const credential = hall.session.meeting.deputy(deputyId)?.credential
      if (credential) socket.emit('deputy:credential', { credential })
    }
    socket.on('disconnect', () => {
      if (active.get(deputyId) !== socket) return
      active.delete(deputyId)
      onlineChanged()
    })
    registerHandlers(
      socket,
      {
        'ballot:submit': (input) => {
          if (active.get(deputyId) !== socket) return Promise.reject(new ServiceError('replaced'))
          return votes.submit(deputyId, input)
        },
        'vote:details': (input) => votes.candidateDetails(input),
      },
      deps.log,
      // A tablet sends a ballot and its resends: a few requests a minute. Far above that is abuse.
      new TokenBucket({ burst: 20, perSecond: 5 }),
    )
    deps.attendance.checkIn(deputyId).then(
      () => pushState(socket),
      (error: unknown) => deps.log(`check-in failed: ${String(error)}`),
    )
  })

  return {
    stop: () => {
      hallOut.stop()
      hall.off('change', onChange)
    },
    online: () => active.size,
    isOnline: (deputyId) => active.has(deputyId),
    watchOnline: (watcher) => {
      onlineWatchers.add(watcher)
      return () => onlineWatchers.delete(watcher)
    },
  }
}

/**
 * The deputy a handshake names: by the card's credential (its QR), or by the join code typed
 * from the card. Either way a wrong one is a failed login that the address's limit counts.
 */
function deputyOf(auth: unknown, meetings: MeetingService) {
  if (typeof auth !== 'object' || auth === null) return undefined
  if (hasCredential(auth)) return meetings.deputyByCredential(auth.credential)
  if ('code' in auth && typeof auth.code === 'string') {
    const read = readJoinCode(auth.code.slice(0, 64))
    return read.ok ? meetings.deputyByJoinCode(read.code) : undefined
  }
  return undefined
}

function hasCredential(auth: unknown): auth is { credential: string } {
  return (
    typeof auth === 'object' &&
    auth !== null &&
    'credential' in auth &&
    typeof auth.credential === 'string'
  )
}
