import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { Result } from '../../shared/protocol/envelope'

/**
 * Connects to one namespace of the host that served this page. Only WebSocket: hall Wi-Fi
 * access points handle one long connection better than long-polling, and the CSP allows ws:.
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
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
  }) as unknown as S
}

/** Sends a request and resolves with its result envelope; a silent host is a timeout error. */
export function request<T>(
  socket: Socket,
  event: string,
  input: unknown,
  timeoutMs = 10_000,
): Promise<Result<T>> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, input, (err: Error | null, result: Result<T>) => {
      if (err) resolve({ ok: false, error: { code: 'timeout' } })
      else resolve(result)
    })
  })
}
