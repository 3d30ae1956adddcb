import { readFile, unlink, writeFile } from 'node:fs/promises'

/**
 * What an open ballot box last held on disk (ballot-box.store.ts): its newest write's number
 * and its ballot count, in a small file beside the slots. Written without fsync, by design:
 * its own fsyncs (file, rename, folder, once a second) queued on the disk beside every
 * ballot's fdatasync and lengthened the acknowledgements' tail (bench-results.md). A process killed keeps it (the page
 * cache survives); a power cut may leave it older or unreadable, which only ever makes it say
 * less, never raise a false alarm: it is written after the slots it describes are durable.
 */
export interface Watermark {
  generation: number
  cast: number
}

export class WatermarkFile {
  readonly file: string

  constructor(file: string) {
    this.file = file
  }

  /** The last watermark, or null when there is none that reads whole. */
  async read(): Promise<Watermark | null> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as Partial<Watermark>
      const { generation, cast } = data
      return Number.isInteger(generation) && Number.isInteger(cast)
        ? { generation: generation!, cast: cast! }
        : null
    } catch {
      return null
    }
  }

  write(watermark: Watermark): Promise<void> {
    return writeFile(this.file, JSON.stringify(watermark))
  }

  async remove(): Promise<void> {
    await unlink(this.file).catch(() => undefined)
  }
}
