import type { DutyPersonRow } from '../../../shared/duty/duty-view'

export const dutySorts = ['present-desc', 'present-asc', 'delegation', 'number'] as const
export type DutySort = (typeof dutySorts)[number]

export interface DutyFilter {
  /** '' for every delegation. */
  delegation: string
  /** Part of a name or a 编号; '' for all. */
  query: string
  sort: DutySort
}

const collator = new Intl.Collator('zh-CN', { numeric: true })

/** Attendance first (then the rate, then fewer absences). */
function byAttendance(a: DutyPersonRow, b: DutyPersonRow): number {
  const rate = (r: DutyPersonRow) => (r.meetings > 0 ? r.present / r.meetings : 0)
  return a.present - b.present || rate(a) - rate(b) || b.absent - a.absent
}

/**
 * The 代表履职 list as staff narrow and order it: one delegation (as the latest meeting names it,
 * or any it had before), a name or 编号, sorted by attendance either way (ties in roster order), by
 * delegation in roster order, or by 编号 (those without one last).
 */
export function dutyRows(rows: readonly DutyPersonRow[], filter: DutyFilter): DutyPersonRow[] {
  // Delegations as the rosters list them (第一代表团 before 第二代表团, whatever their pinyin), each
  // deputy where the roster had them.
  const delegationAt = new Map<string, number>()
  const rowAt = new Map<DutyPersonRow, number>()
  rows.forEach((r, i) => {
    if (!delegationAt.has(r.delegation)) delegationAt.set(r.delegation, delegationAt.size)
    rowAt.set(r, i)
  })
  const byDelegation = (a: DutyPersonRow, b: DutyPersonRow) =>
    delegationAt.get(a.delegation)! - delegationAt.get(b.delegation)! ||
    rowAt.get(a)! - rowAt.get(b)!
  const q = filter.query.trim()
  const kept = rows.filter(
    (r) =>
      (filter.delegation === '' || r.delegations.includes(filter.delegation)) &&
      (q === '' || r.name.includes(q) || r.number.includes(q)),
  )
  const order: Record<DutySort, (a: DutyPersonRow, b: DutyPersonRow) => number> = {
    'present-desc': (a, b) => byAttendance(b, a) || byDelegation(a, b),
    'present-asc': (a, b) => byAttendance(a, b) || byDelegation(a, b),
    delegation: byDelegation,
    number: (a, b) =>
      Number(a.number === '') - Number(b.number === '') ||
      collator.compare(a.number, b.number) ||
      byDelegation(a, b),
  }
  return kept.sort(order[filter.sort])
}
