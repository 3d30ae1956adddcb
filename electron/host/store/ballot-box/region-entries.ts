/**
 * A ballot box region's entries (slot files: box-regions.ts) and the text a region is written
 * as: `{"b":[ballots],"v":[voters]}`, each in key order, after its separator.
 */

const COMMA_BYTE = 0x2c
const SPACE_BYTE = 0x20
const TEXT_OPEN = Buffer.from('{"b":[')
const TEXT_MIDDLE = Buffer.from('],"v":[')
const TEXT_CLOSE = Buffer.from(']}')

/**
 * A region's ballots (by content key) or voters (by id) in key order, each as the JSON it is
 * written as, made when it changes: a commit writes these into the region's text, without
 * stringifying, sorting or joining anything (a commit per ballot at a full hall).
 */
export class RegionEntries {
  readonly keys: string[] = []
  readonly texts: string[] = []
  /** Each text's length in UTF-8. */
  readonly sizes: number[] = []
  /** The entries' bytes joined with commas. */
  joinedLength = 0

  set(key: string, text: string): void {
    const size = Buffer.byteLength(text)
    const i = this.#search(key)
    if (this.keys[i] === key) {
      this.joinedLength += size - this.sizes[i]!
      this.texts[i] = text
      this.sizes[i] = size
      return
    }
    // Moved up by hand: splice makes an array of what it removed, per call.
    for (let j = this.keys.length; j > i; j--) {
      this.keys[j] = this.keys[j - 1]!
      this.texts[j] = this.texts[j - 1]!
      this.sizes[j] = this.sizes[j - 1]!
    }
    this.keys[i] = key
    this.texts[i] = text
    this.sizes[i] = size
    this.joinedLength += size + (this.keys.length > 1 ? 1 : 0)
  }

  delete(key: string): void {
    const i = this.#search(key)
    if (this.keys[i] !== key) return
    this.joinedLength -= this.sizes[i]! + (this.keys.length > 1 ? 1 : 0)
    const last = this.keys.length - 1
    for (let j = i; j < last; j++) {
      this.keys[j] = this.keys[j + 1]!
      this.texts[j] = this.texts[j + 1]!
      this.sizes[j] = this.sizes[j + 1]!
    }
    this.keys.length = last
    this.texts.length = last
    this.sizes.length = last
  }

  /** Writes the entries joined with commas into `into` at `at`; returns where they end. */
  copyInto(into: Buffer, at: number): number {
    for (let i = 0; i < this.texts.length; i++) {
      if (i > 0) into[at++] = COMMA_BYTE
      at += into.write(this.texts[i]!, at, 'utf8')
    }
    return at
  }

  /** The first index whose key is not below `key` (keys compare as `<` does: byKey). */
  #search(key: string): number {
    let low = 0
    let high = this.keys.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.keys[mid]! < key) low = mid + 1
      else high = mid
    }
    return low
  }
}

export interface Region {
  ballots: RegionEntries
  voters: RegionEntries
}

export function emptyRegions(n: number): Region[] {
  return Array.from({ length: n }, () => ({
    ballots: new RegionEntries(),
    voters: new RegionEntries(),
  }))
}

/** The length of a region's text (regionText) in UTF-8. */
export function regionTextLength({ ballots, voters }: Region): number {
  return (
    1 +
    TEXT_OPEN.length +
    ballots.joinedLength +
    TEXT_MIDDLE.length +
    voters.joinedLength +
    TEXT_CLOSE.length
  )
}

/**
 * The region's separator (a space for the first, else a comma) and `{"b":[ballots],"v":[voters]}`,
 * each in key order, copied from the entries' into `into` (at least regionTextLength long) from
 * its start; returns the length.
 */
export function writeRegionText({ ballots, voters }: Region, i: number, into: Buffer): number {
  into[0] = i === 0 ? SPACE_BYTE : COMMA_BYTE
  into.set(TEXT_OPEN, 1)
  let at = ballots.copyInto(into, 1 + TEXT_OPEN.length)
  into.set(TEXT_MIDDLE, at)
  at = voters.copyInto(into, at + TEXT_MIDDLE.length)
  into.set(TEXT_CLOSE, at)
  return at + TEXT_CLOSE.length
}
