/** 简体中文 strings of the live area; live.en.ts must have the same keys. */
export const liveZhCN = {
  'status.annulled': '已宣布无效',
  'count.leave': '请假',
  'tablet.marked': '已表态 {x} / {n} 项',
  'tablet.markEvery': '每一项都需要选择',
  'tablet.timeLeft': '剩余 {time}',
  'tablet.offline': '网络已断开，正在重新连接。您的选票已保存在本机，恢复后会自动提交。',
  'tablet.remindTitle': '请投票',
  'tablet.remindText': '会务人员提醒：本项表决正在进行，请尽快完成投票。',
  'tablet.remindOk': '知道了',
} as const
