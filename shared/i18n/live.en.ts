import type { liveZhCN } from './live.zh-CN'

export const liveEn: Record<keyof typeof liveZhCN, string> = {
  'status.annulled': 'Annulled',
  'count.leave': 'On leave',
  'tablet.marked': 'Marked {x} / {n} items',
  'tablet.markEvery': 'every item needs a mark',
  'tablet.timeLeft': '{time} left',
  'tablet.offline':
    'Connection lost, reconnecting. Your ballot is kept on this tablet and sent when it is back.',
  'tablet.remindTitle': 'Please vote',
  'tablet.remindText': 'The staff remind you: this vote is open, please cast your ballot.',
  'tablet.remindOk': 'OK',
}
