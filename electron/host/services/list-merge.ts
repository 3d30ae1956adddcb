/**
 * A list imported onto the one already there, matched item by item, so what stays keeps what
 * the host attached to it (a deputy's id, card and attendance; a project's votes). Pure.
 */

/** One way to recognise an item in both lists: a key, or null when the item has none. */
export type MatchKey<E, R> = { existing: (e: E) => string | null; row: (r: R) => string | null }

export interface Matched<E, R> {
  existing: E
  row: R
  /** The row's index in the file. */
  index: number
}

export interface ListMatch<E, R> {
  /** In file order. */
  matched: Matched<E, R>[]
  /** Rows that match nothing: new items, with their index in the file. */
  added: { row: R; index: number }[]
  /** Items the file no longer has, in their present order. */
  removed: E[]
}

/**
 * Matches rows to items by each key in turn, among what is still unmatched: a key matches
 * only one row to one item (a key two rows or two items share matches neither, and a later key
 * may). Every row and every item ends in exactly one of matched, added, removed.
 */
export function matchLists<E, R>(
  existing: readonly E[],
  rows: readonly R[],
  keys: readonly MatchKey<E, R>[],
): ListMatch<E, R> {
  const itemOf = new Map<number, number>()
  const taken = new Set<number>()
  for (const key of keys) {
    const items = groupBy(existing, key.existing, (i) => !taken.has(i))
    const files = groupBy(rows, key.row, (i) => !itemOf.has(i))
    for (const [k, rowIndexes] of files) {
      const itemIndexes = items.get(k)
      if (rowIndexes.length !== 1 || itemIndexes?.length !== 1) continue
      itemOf.set(rowIndexes[0] as number, itemIndexes[0] as number)
      taken.add(itemIndexes[0] as number)
    }
  }
  const matched: Matched<E, R>[] = []
  const added: { row: R; index: number }[] = []
  rows.forEach((row, index) => {
    const item = itemOf.get(index)
    if (item === undefined) added.push({ row, index })
    else matched.push({ existing: existing[item] as E, row, index })
  })
  return { matched, added, removed: existing.filter((_, i) => !taken.has(i)) }
}

function groupBy<T>(
  list: readonly T[],
  keyOf: (t: T) => string | null,
  open: (index: number) => boolean,
): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  list.forEach((item, index) => {
    if (!open(index)) return
    const key = keyOf(item)
    if (key === null) return
    const group = groups.get(key)
    if (group) group.push(index)
    else groups.set(key, [index])
  })
  return groups
}

/** The fields whose values differ (null and '' are the same: nothing written). */
export function changedFields<T extends object, F extends keyof T>(
  before: T,
  after: T,
  fields: readonly F[],
): F[] {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : v)
  return fields.filter((f) => norm(before[f]) !== norm(after[f]))
}
