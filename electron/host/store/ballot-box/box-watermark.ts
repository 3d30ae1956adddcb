import type { Watermark, WatermarkFile } from './watermark-file'

/** How often the watermark follows the box while ballots come in. */
const WATERMARK_EVERY_MS = 1000

/**
 * An open box's watermark (watermark-file.ts), kept following what the box holds on disk:
 * within WATERMARK_EVERY_MS of a write, one small write at a time, never on a ballot's path.
 */
export class BoxWatermark {
  readonly #file: WatermarkFile
  /** What the box holds on disk now; null once it is sealed. */
  readonly #current: () => Watermark | null
  #timer: NodeJS.Timeout | null = null
  /** The generation the watermark on disk holds. */
  #written = -1

  constructor(file: WatermarkFile, current: () => Watermark | null) {
    this.#file = file
    this.#current = current
  }

  /** A write of the box landed: the watermark follows it soon. */
  soon(): void {
    const current = this.#current()
    if (this.#timer || !current || this.#written >= current.generation) return
    this.#timer = setTimeout(() => {
      this.#timer = null
      // A failed write leaves the last one, which only ever says less: logged by nothing else.
      this.write().catch(() => undefined)
    }, WATERMARK_EVERY_MS)
    this.#timer.unref()
  }

  /** Now, unless it already says what the box holds. */
  async write(): Promise<void> {
    const current = this.#current()
    if (!current || current.generation === this.#written) return
    await this.#file.write(current)
    this.#written = Math.max(this.#written, current.generation)
  }

  /** The box lets go of its files: a write that was due is made now. */
  async flush(): Promise<void> {
    if (!this.#timer) return
    this.#stop()
    await this.write()
  }

  /** The box is sealed: it has no watermark any more. */
  async remove(): Promise<void> {
    this.#stop()
    await this.#file.remove()
  }

  #stop(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }
}
