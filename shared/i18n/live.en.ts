import type { liveZhCN } from './live.zh-CN'

export const liveEn: Record<keyof typeof liveZhCN, string> = {
  'status.annulled': 'Annulled',
  'count.leave': 'On leave',
}
