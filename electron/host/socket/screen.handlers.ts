import type { Namespace } from 'socket.io'
import type { ScreenClientEvents, ScreenServerEvents } from '../../../shared/protocol/events'
import type { Hall } from '../services/hall'
import { screenState } from '../services/views'
import { registerHandlers, throttle } from './handle'

/** /screen: read-only. Anyone on the LAN may watch; every request is refused. */
export function setupScreenNamespace(
  nsp: Namespace<ScreenClientEvents, ScreenServerEvents>,
  hall: Hall,
  joinUrl: () => string | null,
  log: (line: string) => void,
): () => void {
  // Updates are throttled to at most 4 a second: turnout moves with every ballot.
  const push = throttle(() => nsp.emit('screen:state', screenState(hall.session, joinUrl())), 250)
  const onChange = () => push()
  hall.on('change', onChange)
  nsp.on('connection', (socket) => {
    socket.emit('screen:state', screenState(hall.session, joinUrl()))
    registerHandlers(socket, {}, log)
  })
  return () => {
    push.cancel()
    hall.off('change', onChange)
  }
}
