import type { MessageKey } from '../../shared/i18n'
import type { VoteResult } from '../../shared/protocol/result.schema'

/**
 * What a ranked item comes to, in its kind's words, on the screen and the console alike: 差额
 * seats a project (当选), 逐项 passes an item (通过, 未通过), and 逐项's seats are only a cap
 * (超出限额: passed, but more items did than the cap lets through).
 */
export type StatusWord = 'elected' | 'tied' | 'passed' | 'failed' | 'overCap'

export function statusWord(
  kind: VoteResult['kind'],
  item: { passed: boolean; elected: boolean; tied: boolean },
): StatusWord | null {
  if (item.tied) return 'tied'
  if (kind === 'select') return item.elected ? 'elected' : null
  if (item.elected) return 'passed'
  return item.passed ? 'overCap' : 'failed'
}

export const statusKeys: Readonly<Record<StatusWord, MessageKey>> = {
  elected: 'screen.elected',
  tied: 'screen.tied',
  passed: 'screen.status.passed',
  failed: 'screen.status.failed',
  overCap: 'screen.status.overCap',
}
