import type { Deputy } from '../../../../shared/protocol/meeting.schema'

/**
 * meeting.json's JSON with the roster's part kept as UTF-8 between writes. At a full hall the
 * roster is nearly all of the file, and stringifying and encoding it held the event loop on
 * every write (bench-results.md), while most writes (the agenda, the screen's
 * stage, a few check-ins) leave it be or change a few deputies. So the roster is kept in blocks of
 * consecutive deputies, each encoded once and again only after one of its deputies changed;
 * everything else is small and stringified per write.
 *
 * The bytes are exactly `JSON.stringify(data)`'s, key order included: readers and old data
 * folders see the same document. The store says what changed; a block it was not told about
 * keeps its old bytes, which is why only the store calls this.
 */
export class MeetingText {
  readonly #blockSize: number
  /** Each block's deputies as JSON without the list's brackets; null once one of them changed. */
  #blocks: (Buffer | null)[] = []

  /** Blocks of `blockSize` deputies (small in tests, to exercise several). */
  constructor(blockSize = 64) {
    this.#blockSize = blockSize
  }

  /** Any deputy may have changed, been added, removed or moved. */
  rosterChanged(): void {
    this.#blocks = []
  }

  /** The deputy at this position in the roster changed in place. */
  deputyChanged(position: number): void {
    const block = Math.floor(position / this.#blockSize)
    if (block < this.#blocks.length) this.#blocks[block] = null
  }

  /** The whole file as chunks of UTF-8, in order; a chunk never changes once made. */
  chunks(data: object & { readonly deputies: readonly Readonly<Deputy>[] }): Buffer[] {
    const chunks: Buffer[] = []
    let text = '{'
    for (const [key, value] of Object.entries(data)) {
      const json: string | undefined = key === 'deputies' ? '' : JSON.stringify(value)
      // JSON.stringify leaves out a key whose value is undefined.
      if (json === undefined) continue
      text += `${text === '{' ? '' : ','}${JSON.stringify(key)}:${json}`
      if (key === 'deputies') {
        chunks.push(Buffer.from(`${text}[`, 'utf8'), ...this.#roster(data.deputies))
        text = ']'
      }
    }
    chunks.push(Buffer.from(`${text}}`, 'utf8'))
    return chunks
  }

  #roster(deputies: readonly Readonly<Deputy>[]): Buffer[] {
    const size = this.#blockSize
    const count = Math.ceil(deputies.length / size)
    const blocks: Buffer[] = []
    for (let b = 0; b < count; b++) {
      const bytes = this.#blocks[b] ?? encode(deputies.slice(b * size, (b + 1) * size), b > 0)
      this.#blocks[b] = bytes
      blocks.push(bytes)
    }
    return blocks
  }
}

/** Deputies as JSON without the list's brackets, led by a comma when a block comes before. */
function encode(deputies: readonly Readonly<Deputy>[], afterAnother: boolean): Buffer {
  const bytes = Buffer.from(JSON.stringify(deputies), 'utf8')
  // The brackets are a byte each: the opening one becomes the comma, or goes with the closing.
  if (!afterAnother) return bytes.subarray(1, -1)
  bytes[0] = COMMA
  return bytes.subarray(0, -1)
}

const COMMA = ','.charCodeAt(0)
