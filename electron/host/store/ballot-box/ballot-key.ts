import { hash } from 'node:crypto'
import type { BallotEntry } from '../../../../shared/protocol/ballot-box.schema'
import type { Mark } from '../../../../shared/protocol/marks'

/** A ballot's content key, and the order keys are kept in. */

/** Canonical content key: the same marks in any order are the same ballot. */
export function ballotKey(entry: Pick<BallotEntry, 'marks' | 'spoiled'>): string {
  return keyOfSorted(sortInPlace(Object.keys(entry.marks)), entry.marks, entry.spoiled === true)
}

/**
 * What an open box's voter entry names its ballot's content by: 128 bits of its key's SHA-256,
 * short beside the key (the voter entries are most of a full hall's box), never seen outside
 * the encrypted regions.
 */
export function contentRef(key: string): string {
  return hash('sha256', key, 'base64url').slice(0, 22)
}

/**
 * `[spoiled, [[id, mark], …]]`, the content key, from the marks' ids in sorted order
 * (sortInPlace, which compares as `<` does).
 */
export function keyOfSorted(
  ids: readonly string[],
  marks: Readonly<Record<string, Mark>>,
  spoiled: boolean,
): string {
  for (let i = 0; i < ids.length; i++) {
    const pair = (keyPairs[i] ??= ['', 'for'])
    pair[0] = ids[i]!
    pair[1] = marks[ids[i]!]!
  }
  keyPairs.length = ids.length
  return JSON.stringify([spoiled, keyPairs])
}

/** The pairs keyOfSorted stringifies, kept and refilled: a key is made for every ballot. */
const keyPairs: [string, Mark][] = []

/**
 * `ids.sort()` for a ballot's few marks, by insertion, in place: Array.prototype.sort copies
 * into a work array first (~500 bytes a ballot).
 */
export function sortInPlace(ids: string[]): string[] {
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i]!
    let j = i - 1
    for (; j >= 0 && ids[j]! > id; j--) ids[j + 1] = ids[j]!
    ids[j + 1] = id
  }
  return ids
}

export function byKey<T>([a]: [string, T], [b]: [string, T]): number {
  return a < b ? -1 : a > b ? 1 : 0
}
