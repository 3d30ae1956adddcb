/** 简体中文 strings of the live area; live.en.ts must have the same keys. */
export const liveZhCN = {
  'status.annulled': '已宣布无效',
  'count.leave': '请假',
} as const
