import type { Namespace } from 'socket.io'
import type { ScreenClientEvents, ScreenServerEvents } from '../../../shared/protocol/events'
import type { Session } from '../services/session'
import { screenState } from '../services/views'
import { registerHandlers, throttle } from './handle'

/** /screen: read-only. Anyone on the LAN may watch; every request is refused. */
export function setupScreenNamespace(
  nsp: Namespace<ScreenClientEvents, ScreenServerEvents>,
  session: Session,
  joinUrl: () => string | null,
  log: (line: string) => void,
): () => void {
  // Updates are throttled to at most 4 a second: turnout moves with every ballot.
  const push = throttle(() => nsp.emit('screen:state', screenState(session, joinUrl())), 250)
  const onChange = () => push()
  session.on('change', onChange)
  nsp.on('connection', (socket) => {
    socket.emit('screen:state', screenState(session, joinUrl()))
    registerHandlers(socket, {}, log)
  })
  return () => {
    push.cancel()
    session.off('change', onChange)
  }
}
