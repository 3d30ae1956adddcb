import type { Socket } from 'socket.io'
import type { Result } from '../../../shared/protocol/envelope'
import { fail, ok } from '../../../shared/protocol/envelope'
import type { AckData } from '../../../shared/protocol/events'
import { ServiceError } from '../services/service-error'
import type { TokenBucket } from './rate-limit'

type AnySocket = Socket<never, never>
type Handler = (input: unknown) => Promise<unknown>

/**
 * One handler per event of a namespace, each resolving with exactly what the event's caller
 * expects (the data of its acknowledgement), so a handler cannot answer a shape its page does
 * not read. The input is `unknown`: it comes off the wire, and each handler validates it.
 */
export type Handlers<Events> = {
  [K in keyof Events]: (input: unknown) => Promise<AckData<Events[K]>>
}

/**
 * Registers request handlers on a socket. Each answers through its acknowledgement with a result
 * envelope; a thrown ServiceError becomes its typed error, anything else `internal`. An event
 * not in the map is answered `unknown-event` and changes nothing; past the connection's rate
 * limit every request is answered `rate-limited` and changes nothing. The map is checked
 * against the events the socket listens to (its namespace's client events).
 */
export function registerHandlers<Events extends object>(
  socket: Socket<Events, never, never, unknown>,
  handlers: NoInfer<Handlers<Events>>,
  log: (line: string) => void,
  limit?: TokenBucket,
): void {
  const raw = socket as unknown as AnySocket & {
    onAny(listener: (event: string, ...args: unknown[]) => void): void
  }
  raw.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1)
    if (typeof ack !== 'function') return
    const respond = ack as (result: Result<unknown>) => void
    if (limit && !limit.take()) {
      respond(fail('rate-limited'))
      return
    }
    const byName = handlers as Record<string, Handler>
    const handler = Object.hasOwn(byName, event) ? byName[event] : undefined
    if (!handler) {
      respond(fail('unknown-event', event.slice(0, 64)))
      return
    }
    handler(args.length > 1 ? args[0] : undefined).then(
      (data) => respond(ok(data ?? null)),
      (error: unknown) => {
        if (error instanceof ServiceError) {
          respond(fail(error.code, error.detail, error.params))
        } else {
          log(`internal error in ${event}: ${error instanceof Error ? error.stack : String(error)}`)
          respond(fail('internal'))
        }
      },
    )
  })
}

/** At most one call per `ms`, the last one always delivered (trailing edge). */
export function throttle(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: NodeJS.Timeout | null = null
  let last = 0
  const run = () => {
    timer = null
    last = Date.now()
    fn()
  }
  const throttled = () => {
    if (timer) return
    const wait = Math.max(0, last + ms - Date.now())
    timer = setTimeout(run, wait)
  }
  throttled.cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  return throttled
}
