/**
 * Keys in sorted order (as `Array.prototype.sort` orders strings), each with a fragment of
 * text, joined by commas as UTF-8. The entries are kept in blocks, and a block keeps its bytes
 * until one of its entries changes, so producing the whole join after one change encodes one
 * block and copies the others' bytes; nothing is sorted, stringified or encoded again.
 */
export class SortedFragments {
  readonly #blockSize: number
  readonly #blocks: Block[] = []

  /** Blocks split beyond twice `blockSize` entries (small in tests, to exercise the splits). */
  constructor(blockSize = 64) {
    this.#blockSize = blockSize
  }

  set(key: string, fragment: string): void {
    if (this.#blocks.length === 0) this.#blocks.push({ keys: [], fragments: [], bytes: null })
    const at = this.#blockOf(key)
    const block = this.#blocks[at]!
    const i = place(block.keys, key)
    if (block.keys[i] === key) {
      block.fragments[i] = fragment
    } else {
      block.keys.splice(i, 0, key)
      block.fragments.splice(i, 0, fragment)
    }
    block.bytes = null
    if (block.keys.length > 2 * this.#blockSize) {
      const keys = block.keys.splice(this.#blockSize)
      const fragments = block.fragments.splice(this.#blockSize)
      this.#blocks.splice(at + 1, 0, { keys, fragments, bytes: null })
    }
  }

  delete(key: string): void {
    const at = this.#blockOf(key)
    const block = this.#blocks[at]
    if (!block) return
    const i = place(block.keys, key)
    if (block.keys[i] !== key) return
    block.keys.splice(i, 1)
    block.fragments.splice(i, 1)
    block.bytes = null
    if (block.keys.length === 0) this.#blocks.splice(at, 1)
  }

  /** The fragments in key order, comma-separated, as chunks of UTF-8 to concatenate. */
  chunks(): Buffer[] {
    const chunks: Buffer[] = []
    for (const block of this.#blocks) {
      if (chunks.length > 0) chunks.push(COMMA)
      block.bytes ??= Buffer.from(block.fragments.join(','), 'utf8')
      chunks.push(block.bytes)
    }
    return chunks
  }

  /** The block key belongs in: the last whose first key is not after it, else the first. */
  #blockOf(key: string): number {
    let low = 1
    let high = this.#blocks.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.#blocks[mid]!.keys[0]! <= key) low = mid + 1
      else high = mid
    }
    return low - 1
  }
}

interface Block {
  keys: string[]
  fragments: string[]
  /** The fragments joined, as UTF-8; null once one of them changed. */
  bytes: Buffer | null
}

const COMMA = Buffer.from(',')

/** The index of key in sorted keys, or where it would go. */
function place(keys: readonly string[], key: string): number {
  let low = 0
  let high = keys.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (keys[mid]! < key) low = mid + 1
    else high = mid
  }
  return low
}
