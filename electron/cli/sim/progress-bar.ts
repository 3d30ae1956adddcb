/**
 * A one-line progress bar on stderr, redrawn in place. Only on a terminal: in a pipe or a log
 * file it writes nothing, so the output stays clean for --json.
 */
export class ProgressBar {
  readonly #stream: NodeJS.WriteStream
  readonly #enabled: boolean
  #last = 0
  #drawn = false

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.#stream = stream
    this.#enabled = stream.isTTY === true
  }

  /** Redraws at most every 100 ms (a redraw per ballot would cost more than the ballots). */
  update(label: string, done: number, total: number, extra = '', force = false): void {
    if (!this.#enabled) return
    const now = Date.now()
    if (!force && now - this.#last < 100) return
    this.#last = now
    const width = Math.max(10, Math.min(40, (this.#stream.columns ?? 80) - 50))
    const ratio = total > 0 ? Math.min(1, done / total) : 0
    const filled = Math.round(ratio * width)
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
    const pct = `${Math.floor(ratio * 100)}`.padStart(3)
    this.#stream.write(`\r\x1b[2K${label} ${bar} ${pct}% ${done}/${total} ${extra}`)
    this.#drawn = true
  }

  /** Ends the line so the next output starts clean. */
  done(): void {
    if (this.#enabled && this.#drawn) this.#stream.write('\n')
    this.#drawn = false
  }
}
