/**
 * One write at a time, and the calls made while one is in flight share the next: many callers,
 * few writes. A call resolves once a run that began after it has finished (and rejects if that
 * run failed); a failed run does not stop the ones after it. The run reads the state as it is
 * when it starts, so each is a snapshot that includes every call before it.
 */
export class GroupCommit {
  readonly #run: () => Promise<void>
  #last: Promise<unknown> = Promise.resolve()
  /** The run asked for behind the one in flight, not started yet: later calls join it. */
  #next: Promise<void> | null = null

  constructor(run: () => Promise<void>) {
    this.#run = run
  }

  request(): Promise<void> {
    if (this.#next) return this.#next
    const next = this.#last.then(() => {
      this.#next = null
      return this.#run()
    })
    this.#next = next
    this.#last = next.catch(() => undefined)
    return next
  }

  /** `task` once the runs already asked for have settled; later runs wait for it in turn. */
  after<T>(task: () => Promise<T>): Promise<T> {
    const done = this.#last.then(task)
    this.#last = done.catch(() => undefined)
    return done
  }
}
