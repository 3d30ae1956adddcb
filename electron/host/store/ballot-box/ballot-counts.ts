import type { BallotEntry } from '../../../../shared/protocol/ballot-box.schema'
import type { Mark } from '../../../../shared/protocol/vote-rules.schema'
import { ballotKey, keyOfSorted, sortInPlace } from './ballot-key'
import { canonicalJson } from '../json-files/digest'

/**
 * A box's ballots as a multiset: per content key (ballot-key.ts), the entry with its count, and
 * its canonical JSON (../json-files/digest.ts) after the count, made once, when the entry is, so that a count
 * can change without the marks being sorted again, and the digest at close joins texts instead
 * of sorting every ballot's marks.
 */
export class BallotCounts {
  readonly #entries = new Map<string, BallotEntry>()
  readonly #rest = new Map<string, string>()

  /** An entry read back from disk (a copy is kept); answers its key. */
  load(entry: BallotEntry): string {
    const key = ballotKey(entry)
    const copy = { ...entry }
    this.#entries.set(key, copy)
    this.#rest.set(key, canonicalRest(copy))
    return key
  }

  /**
   * Counts a ballot; answers its key. A new entry keeps its marks in the ids' sorted order (what
   * a tablet sent them in says nothing, and the text on disk is the same after a restart), its
   * canonical text made from the same sort as its key.
   */
  put(marks: Record<string, Mark>, spoiled: boolean): string {
    const ids = sortInPlace(Object.keys(marks))
    const key = keyOfSorted(ids, marks, spoiled)
    const existing = this.#entries.get(key)
    if (existing) {
      existing.count += 1
      return key
    }
    const sorted: Record<string, Mark> = {}
    for (const id of ids) sorted[id] = marks[id]!
    const entry: BallotEntry = spoiled
      ? { count: 1, marks: sorted, spoiled: true }
      : { count: 1, marks: sorted }
    this.#entries.set(key, entry)
    this.#rest.set(key, sortedRest(sorted, spoiled))
    return key
  }

  /** One ballot of this content fewer; answers the entry's text, null once none is left. */
  remove(key: string): string | null {
    const entry = this.#entries.get(key)!
    entry.count -= 1
    const rest = this.#rest.get(key)!
    if (entry.count > 0) return entryText(entry.count, rest)
    this.#entries.delete(key)
    this.#rest.delete(key)
    return null
  }

  /** The entry's canonical JSON, count included. */
  text(key: string): string {
    return entryText(this.#entries.get(key)!.count, this.#rest.get(key)!)
  }

  /** The entries in order of their keys. */
  entries(): BallotEntry[] {
    return this.#keys().map((key) => this.#entries.get(key)!)
  }

  /**
   * entries() and, as `canonical`, `canonicalJson(entries)` (../json-files/digest.ts), made from the texts
   * kept per entry, while the console waits for the close.
   */
  withCanonical(): { ballots: BallotEntry[]; canonical: string } {
    const ballots: BallotEntry[] = []
    const texts: string[] = []
    for (const key of this.#keys()) {
      const entry = this.#entries.get(key)!
      ballots.push(entry)
      texts.push(entryText(entry.count, this.#rest.get(key)!))
    }
    return { ballots, canonical: `[${texts.join(',')}]` }
  }

  #keys(): string[] {
    // The default sort compares as `<` does, without a call into a comparator per comparison:
    // about twice as fast at a full hall, while the console waits for the close.
    return [...this.#entries.keys()].sort()
  }
}

/** An entry's canonical JSON from just after its count to its end: the keys sort as written. */
function canonicalRest(entry: BallotEntry): string {
  const { count: _, ...rest } = entry
  return canonicalJson(rest).slice(1)
}

/**
 * canonicalRest of a new entry, whose marks are already in sorted order and which is spoiled or
 * has no `spoiled` at all (what put makes): `"marks":{…}` and `,"spoiled":true` as the keys sort.
 */
function sortedRest(marks: Record<string, Mark>, spoiled: boolean): string {
  return `"marks":${JSON.stringify(marks)}${spoiled ? ',"spoiled":true' : ''}}`
}

/** An entry's canonical JSON, from its count and the rest. */
function entryText(count: number, rest: string): string {
  return `{"count":${count},${rest}`
}
