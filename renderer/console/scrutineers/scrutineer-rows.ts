import type { MessageKey } from '../../../shared/i18n'
import type { Scrutineer, ScrutineerRole } from '../../../shared/protocol/scrutineers.schema'
import { requiredScrutineerRoles } from '../../../shared/protocol/scrutineers.schema'

/** A row of the form as typed: trimmed only when checked and sent. */
export type ScrutineerRow = Scrutineer

export interface RowProblem {
  key: MessageKey
  params: Record<string, string | number>
}

/**
 * What is wrong with the rows as typed, each naming its row (1-based, as staff count them): a
 * blank name, the same person twice. Checked before anything is sent; the host checks again.
 */
export function rowProblems(rows: readonly ScrutineerRow[]): RowProblem[] {
  const problems: RowProblem[] = []
  const first = new Map<string, number>()
  rows.forEach((r, i) => {
    const name = r.name.trim()
    if (!name) {
      problems.push({ key: 'office.scrutineers.needName', params: { row: i + 1 } })
      return
    }
    const key = `${name}\u0000${r.delegation.trim()}`
    const seen = first.get(key)
    if (seen !== undefined)
      problems.push({
        key: 'office.scrutineers.duplicate',
        params: { row: i + 1, name, first: seen + 1 },
      })
    else first.set(key, i)
  })
  return problems
}

/** The rows as the host takes them. */
export function rowsToSend(rows: readonly ScrutineerRow[]): Scrutineer[] {
  return rows.map((r) => ({ role: r.role, name: r.name.trim(), delegation: r.delegation.trim() }))
}

/** Whether the list has every role the meeting must fill before it approves. */
export function hasRequiredRoles(rows: readonly { role: ScrutineerRole }[]): boolean {
  return requiredScrutineerRoles.every((role) => rows.some((r) => r.role === role))
}
