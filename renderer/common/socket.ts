import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { Result } from '../../shared/protocol/envelope'
import type { AckData, EventInput } from '../../shared/protocol/events'
import { linkClientOptions } from '../../shared/protocol/tablet-link'

/**
 * Connects to one namespace of the host that served this page. Only WebSocket: hall Wi-Fi
 * access points handle one long connection better than long-polling, and the CSP allows ws:.
 * The connect timeout and the waits between attempts are the hall's (shared/protocol/
 * tablet-link.ts), the same the virtual tablets of the rehearsals use.
 */
export function connectNamespace<S extends Socket>(
  namespace: string,
  auth: Record<string, string> | (() => Promise<Record<string, string>>),
): S {
  return io(namespace, {
    // A function is asked again at every reconnect (the token may come from the shell).
    auth:
      typeof auth === 'function'
        ? (cb: (data: object) => void) => {
            void auth().then(cb)
          }
        : auth,
    ...linkClientOptions(),
  }) as unknown as S
}

/**
 * Sends a request and resolves with its result envelope; a silent host is a timeout error. The
 * input and the answer's data are the event's own, from the namespace's event map.
 */
export function request<Events extends object, E extends keyof Events & string>(
  socket: Socket<never, Events>,
  event: E,
  input: EventInput<Events[E]>,
  timeoutMs = 10_000,
): Promise<Result<AckData<Events[E]>>> {
  type Answer = Result<AckData<Events[E]>>
  // Socket.IO's own typing of a timed emit does not follow a generic event name: send untyped.
  const untyped = socket as unknown as Socket
  return new Promise((resolve) => {
    untyped.timeout(timeoutMs).emit(event, input, (err: Error | null, result: Answer) => {
      if (err) resolve({ ok: false, error: { code: 'timeout' } })
      else resolve(result)
    })
  })
}
