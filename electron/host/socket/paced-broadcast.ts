/** Sockets per emit of a paced broadcast, and the event loop's time per turn of it. */
export const PACED_SLICE = 10
export const PACED_BUDGET_MS = 1

/**
 * What a paced broadcast needs of a Socket.IO namespace: its sockets now, and a message to some
 * of them by id. A Namespace whose server events map `event` to `(payload: Payload) => void` is
 * one. Give PacedBroadcast both type arguments: inferred from a Namespace, the payload would be
 * the union of every event's, and the namespace would not fit.
 */
export interface PacedNamespace<Event extends string, Payload> {
  readonly sockets: ReadonlyMap<string, unknown>
  to(ids: string[]): { emit: (event: Event, payload: Payload) => unknown }
}

/**
 * One event to every socket of a namespace as one message encoded once (Socket.IO also frames a
 * broadcast once), paced.
 *
 * Paced: what remains is one socket write per socket, 30-90 µs each, 100-300 ms of a blocked
 * host at 3,000 tablets if done at once, just as the first ballots come in (a vote opens) or
 * staff publish the result for the projector (it closes). So it goes out in turns of the event
 * loop of at most ~PACED_BUDGET_MS (slices of PACED_SLICE until the time is up), each after the
 * I/O that came in meanwhile (setImmediate): a ballot's steps each wait a turn of ~1 ms, not a
 * burst of 10 ms; the whole is no slower, as no turn sleeps.
 *
 * The sockets are those connected when send is called; one that connects later gets its state
 * on connecting. A newer send replaces one still going out (its remaining slices are dropped):
 * every socket gets the newest.
 *
 * The benchmark's floor (electron/cli/sim/floor-server.ts) opens its vote through this as well,
 * so its clients see the same delivery pattern as the host's.
 */
export class PacedBroadcast<Event extends string, Payload> {
  #pending: NodeJS.Immediate | null = null
  readonly #nsp: PacedNamespace<Event, Payload>
  readonly #event: Event
  readonly #onSent: (() => void) | undefined

  /** `onSent`, if given, runs once a send's last slice has gone out (not if it was replaced). */
  constructor(nsp: PacedNamespace<NoInfer<Event>, Payload>, event: Event, onSent?: () => void) {
    this.#nsp = nsp
    this.#event = event
    this.#onSent = onSent
  }

  send(payload: Payload): void {
    this.stop()
    const ids = [...this.#nsp.sockets.keys()]
    let from = 0
    const turn = () => {
      this.#pending = null
      const started = performance.now()
      do {
        this.#nsp.to(ids.slice(from, from + PACED_SLICE)).emit(this.#event, payload)
        from += PACED_SLICE
      } while (from < ids.length && performance.now() - started < PACED_BUDGET_MS)
      if (from < ids.length) this.#pending = setImmediate(turn)
      else this.#onSent?.()
    }
    if (ids.length > 0) turn()
  }

  /** Drops the slices not yet sent, if any. */
  stop(): void {
    if (this.#pending) clearImmediate(this.#pending)
    this.#pending = null
  }
}
