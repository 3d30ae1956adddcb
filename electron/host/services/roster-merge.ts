import type { DeputyId } from '../../../shared/protocol/ids'
import type { Deputy } from '../../../shared/protocol/meeting.schema'
import type { RosterRow } from '../tables/roster-import'
import type { Card } from './credentials'
import { changedFields, matchLists } from './list-merge'
import { deputyIdOf } from './new-ids'

/** What a roster row sets on a deputy; an import compares and names these. */
export const rosterFields = ['number', 'name', 'delegation', 'seat', 'idLast4', 'note'] as const
export type RosterField = (typeof rosterFields)[number]

export interface RosterMerge {
  /** The roster after the import, in the file's order. */
  deputies: Deputy[]
  added: Deputy[]
  /** Deputies the file no longer has: their cards stop working. */
  removed: Deputy[]
  changed: { deputy: Deputy; fields: RosterField[] }[]
  unchanged: number
}

/** Names, delegations and seats compare without spaces or width: "张\u3000三" is "张三". */
const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toUpperCase()

/**
 * A roster imported onto the one there: each row is matched to a deputy by 代表编号 where both
 * have one, else by name and delegation,
 * else (a name or a delegation corrected) by delegation and seat, else by name and seat, each
 * only where it names one row and one deputy. A matched deputy keeps their id, card and
 * attendance and takes the row's fields; a new row is a new deputy with a new card; a deputy no
 * row matches is removed. So importing the same file again, or one with a typo fixed, costs no
 * printed card. Onto an empty roster this numbers the deputies D001… in the file's order, as a
 * first import always has.
 */
export function mergeRoster(
  existing: readonly Deputy[],
  rows: readonly RosterRow[],
  /** Cards for the new deputies, their join codes apart from `taken` (credentials.ts). */
  newCards: (count: number, taken: string[]) => Card[],
): RosterMerge {
  const { matched, added, removed } = matchLists(existing, rows, [
    // 代表编号 first, where both the deputy and the row have one: it survives a renamed delegation.
    {
      existing: (d) => (d.number ? fold(d.number) : null),
      row: (r) => (r.number ? fold(r.number) : null),
    },
    {
      existing: (d) => `${fold(d.name)}|${fold(d.delegation)}`,
      row: (r) => `${fold(r.name)}|${fold(r.delegation)}`,
    },
    {
      existing: (d) => `${fold(d.delegation)}|${fold(d.seat)}`,
      row: (r) => `${fold(r.delegation)}|${fold(r.seat)}`,
    },
    {
      existing: (d) => `${fold(d.name)}|${fold(d.seat)}`,
      row: (r) => `${fold(r.name)}|${fold(r.seat)}`,
    },
  ])
  const fieldsOf = (r: RosterRow) => ({
    number: r.number,
    name: r.name,
    delegation: r.delegation,
    seat: r.seat,
    idLast4: r.idLast4,
    note: r.note,
  })
  const byIndex = new Map<number, Deputy>()
  const changed: RosterMerge['changed'] = []
  for (const m of matched) {
    const deputy: Deputy = { ...m.existing, ...fieldsOf(m.row) }
    const fields = changedFields(m.existing, deputy, rosterFields)
    if (fields.length > 0) changed.push({ deputy, fields })
    byIndex.set(m.index, deputy)
  }
  const newIds = nextIds(existing, rows.length, added.length)
  const cards = newCards(
    added.length,
    matched.map((m) => m.existing.joinCode),
  )
  const addedDeputies = added.map(({ row, index }, k) => {
    const deputy: Deputy = {
      id: newIds[k] as DeputyId,
      ...fieldsOf(row),
      ...(cards[k] as Card),
      present: false,
    }
    byIndex.set(index, deputy)
    return deputy
  })
  return {
    deputies: rows.map((_, i) => byIndex.get(i) as Deputy),
    added: addedDeputies,
    removed,
    changed,
    unchanged: matched.length - changed.length,
  }
}

/**
 * Ids for new deputies. Onto an empty roster, D001… wide enough for the file (D0001 from 1,000
 * rows). Else after the highest id there now, never reusing one: the audit log and old archives
 * name deputies by id.
 */
function nextIds(existing: readonly Deputy[], rows: number, count: number): DeputyId[] {
  if (existing.length === 0) {
    const width = Math.max(3, String(rows).length)
    return Array.from({ length: count }, (_, i) => deputyIdOf(i + 1, width))
  }
  const highest = existing.reduce((max, d) => Math.max(max, Number(d.id.slice(1)) || 0), 0)
  return Array.from({ length: count }, (_, i) => deputyIdOf(highest + i + 1, 3))
}
