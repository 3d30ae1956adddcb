import type { DutyState, PointsRule } from './duty.schema'

/** Points as the rule is read aloud: +2, 0, −1 (a true minus sign). */
export function signedPoints(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0'
}

/** What a meeting's outcome is worth under the rule; null while there is none. */
export function pointsOf(rule: PointsRule | null, state: DutyState): number | null {
  return rule ? rule[state] : null
}
