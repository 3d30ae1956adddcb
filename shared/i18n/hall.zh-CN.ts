/**
 * 简体中文 strings of the hall area (meeting details, rehearsals, the seat map); hall.en.ts must
 * have the same keys.
 */
export const hallZhCN = {
  'screen.stage.seats': '座位图',
  'hall.details.session': '届次会次',
  'hall.details.sessionHint': '如：青川区第十八届人民代表大会第五次会议',
  'hall.details.date': '会议日期',
  'hall.details.venue': '会议地点',
  'hall.details.venueHint': '如：区人民会堂',
  'hall.details.presiding': '主持人',
  'hall.details.presidingLine': '主持人：{name}',
  'hall.details.none': '尚未填写届次、日期、地点和主持人',
  'hall.details.printed': '届次、日期、地点和主持人印在代表证、大屏和计票结果报告上；未填的不印。',
  'hall.rehearsal': '演练',
  'hall.rehearsal.flag': '这是一次演练',
  'hall.rehearsal.flagHint':
    '演练会议的大屏、平板和所有文件都标明“演练”，表决结果另行保存，不进入正式归档。',
  'hall.rehearsal.locked':
    '本会议已有表决开启过，不能再更改是否为演练；如需正式会议，请“复制”为新会议。',
  'hall.rehearsal.banner': '演练 · 本次会议为演练，表决结果不作数，不进入正式归档',
  'hall.rehearsal.tablet': '演练 · 本次为演练，选票不计入正式结果',
  'hall.rehearsal.screen': '演练',
  'hall.rehearsal.archive': '演练归档（与正式归档分开保存）',
} as const
