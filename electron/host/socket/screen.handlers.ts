import type { Namespace } from 'socket.io'
import type { ScreenClientEvents, ScreenServerEvents } from '../../../shared/protocol/events'
import type { Hall, HallChange } from '../state/hall'
import { screenState } from '../services/views'
import { registerHandlers, throttle } from './handle'

/** /screen: read-only. Anyone on the LAN may watch; every request is refused. */
export function setupScreenNamespace(
  nsp: Namespace<ScreenClientEvents, ScreenServerEvents>,
  hall: Hall,
  joinUrl: () => string | null,
  log: (line: string) => void,
): () => void {
  const emit = () => nsp.emit('screen:state', screenState(hall.session, joinUrl()))
  // Turnout and attendance move with every ballot and check-in: at most 4 updates a second.
  const push = throttle(emit, 250)
  // A staff action (open, close, publish, stage) goes out at once: it is rare, and a timer
  // could wait behind the archive rendered right after a publish.
  const onChange = (change: HallChange) => {
    if (
      change.type === 'meeting' ||
      change.type === 'screen' ||
      change.type === 'meeting-switched'
    ) {
      push.cancel()
      emit()
    } else push()
  }
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
