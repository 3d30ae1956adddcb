/**
 * Many callers, few writes: the calls made while the runs in flight are busy share the next
 * one. A call resolves once a run that began after it has finished (and rejects if that run
 * failed); a failed run does not stop the ones after it. The run reads the state as it is when
 * it starts, so each is a snapshot that includes every call before it.
 *
 * With room for a run and none waiting, a call starts one at once, in the call.
 *
 * Up to `depth` runs are in flight at once (1: one write at a time). More than one needs runs
 * that may finish out of order without harm: the ballot box writes each into a slot of its own,
 * and a later snapshot holds everything an earlier one does.
 */
export class GroupCommit {
  readonly #run: () => Promise<void>
  readonly #depth: number
  #running = 0
  readonly #waiting: (() => void)[] = []
  /** The run asked for behind the ones in flight, not started yet: later calls join it. */
  #next: Promise<void> | null = null
  /** Runs and tasks asked for and not yet settled: what `after` waits for. */
  readonly #unsettled = new Set<Promise<unknown>>()
  /** The last `after` task: runs asked for after it start once it has settled. */
  #gate: Promise<unknown> = Promise.resolve()
  /** `after` tasks not yet settled: while there are none, a run may start at once. */
  #tasks = 0

  constructor(run: () => Promise<void>, depth = 1) {
    this.#run = run
    this.#depth = depth
  }

  request(): Promise<void> {
    if (this.#next) return this.#next
    // The usual case (a commit per ballot at a full hall): room for a run and nothing queued or
    // gated, so it starts now, holding every call so far, with one promise of its own.
    if (this.#tasks === 0 && this.#running < this.#depth && this.#waiting.length === 0) {
      this.#running += 1
      return this.#begin()
    }
    const next = this.#gate
      .then(() => this.#place())
      .then(() => {
        this.#next = null
        return this.#begin()
      })
    this.#next = next
    this.#track(next)
    return next
  }

  /** `task` once the runs already asked for have settled; later runs wait for it in turn. */
  after<T>(task: () => Promise<T>): Promise<T> {
    const done = Promise.allSettled([this.#gate, ...this.#unsettled]).then(task)
    this.#tasks += 1
    const settled = () => {
      this.#tasks -= 1
    }
    this.#gate = done.then(settled, settled)
    this.#track(done)
    return done
  }

  /** A run in the place it holds: it leaves it (and lets a waiting one start) once it settles. */
  #begin(): Promise<void> {
    let started: Promise<void>
    try {
      started = this.#run()
    } catch (error) {
      started = Promise.reject(error as Error)
    }
    const run: Promise<void> = started.then(
      () => this.#settle(run),
      (error: unknown) => {
        this.#settle(run)
        throw error
      },
    )
    this.#unsettled.add(run)
    return run
  }

  #settle(run: Promise<void>): void {
    this.#unsettled.delete(run)
    this.#leave()
  }

  #track(p: Promise<unknown>): void {
    this.#unsettled.add(p)
    const drop = () => this.#unsettled.delete(p)
    p.then(drop, drop)
  }

  /** Resolves once this run may start: fewer than `depth` in flight. */
  #place(): Promise<void> {
    if (this.#running < this.#depth) {
      this.#running += 1
      return Promise.resolve()
    }
    return new Promise((resolve) =>
      this.#waiting.push(() => {
        this.#running += 1
        resolve()
      }),
    )
  }

  #leave(): void {
    this.#running -= 1
    this.#waiting.shift()?.()
  }
}
