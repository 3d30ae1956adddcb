/** Sockets per write burst of a paced broadcast, and the pause after each. */
export const PACED_SLICE = 125
export const PACED_PAUSE_MS = 4

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
 * Paced: what remains is one socket write per socket, ~30 µs each, 100 ms or more of a blocked
 * host at 3,000 tablets if done at once, just as the first ballots come in (a vote opens) or
 * staff publish the result for the projector (it closes). In slices of PACED_SLICE with
 * PACED_PAUSE_MS between them, the host answers ballots and staff in the gaps, and every tablet
 * still has it within ~0.3 s at 5,000.
 *
 * The sockets are those connected when send is called; one that connects later gets its state
 * on connecting. A newer send replaces one still going out (its remaining slices are dropped):
 * every socket gets the newest.
 *
 * The benchmark's floor (electron/cli/sim/floor-server.ts) opens its vote through this as well,
 * so its clients see the same delivery pattern as the host's.
 */
export class PacedBroadcast<Event extends string, Payload> {
  #pending: NodeJS.Timeout | null = null
  readonly #nsp: PacedNamespace<Event, Payload>
  readonly #event: Event

  constructor(nsp: PacedNamespace<NoInfer<Event>, Payload>, event: Event) {
    this.#nsp = nsp
    this.#event = event
  }

  send(payload: Payload): void {
    this.stop()
    const ids = [...this.#nsp.sockets.keys()]
    const slice = (from: number) => {
      this.#pending = null
      this.#nsp.to(ids.slice(from, from + PACED_SLICE)).emit(this.#event, payload)
      if (from + PACED_SLICE < ids.length)
        this.#pending = setTimeout(() => slice(from + PACED_SLICE), PACED_PAUSE_MS)
    }
    if (ids.length > 0) slice(0)
  }

  /** Drops the slices not yet sent, if any. */
  stop(): void {
    if (this.#pending) clearTimeout(this.#pending)
    this.#pending = null
  }
}
