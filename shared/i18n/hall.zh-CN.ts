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
  'hall.details.edit': '编辑会议信息',
  'hall.details.badDate': '会议日期应为“年-月-日”，如 2027-01-12',
  'hall.details.tooLong': '{field}最多 {max} 个字',
  'hall.details.oneLine': '{field}不能换行',
  'hall.details.none': '尚未填写届次、日期、地点和主持人',
  'hall.details.printed': '届次、日期、地点和主持人印在代表证、大屏和计票结果报告上；未填的不印。',
  'hall.rehearsal': '演练',
  'hall.rehearsal.flag': '这是一次演练',
  'hall.rehearsal.flagHint':
    '演练会议的大屏、平板和所有文件都标明“演练”，表决结果另行保存，不进入正式归档。',
  'hall.rehearsal.locked':
    '本会议已有表决开启过，不能再更改是否为演练；如需正式会议，请“复制”为新会议。',
  'hall.rehearsal.banner': '演练 · 本次会议为演练，表决结果不作数，不进入正式归档',
  'hall.rehearsal.screen': '演练',
  'hall.rehearsal.archive': '演练归档（与正式归档分开保存）',
  'hall.seats.title': '座位图',
  'hall.seats.stage': '主席台（前方）',
  'hall.seats.row': '{row}排',
  'hall.seats.present': '已报到',
  'hall.seats.absent': '未报到',
  'hall.seats.leave': '请假',
  'hall.seats.voted': '已投票',
  'hall.seats.notVoted': '未投票',
  'hall.seats.hint':
    '绿色实心为已报到，空心为未报到，斜线为请假。鼠标移到座位上或点选座位，可查看是哪位代表。',
  'hall.seats.voteMode':
    '正在表决“{title}”：橙色粗框为尚未投票的座位，浅蓝为已投票（只显示是否投票，从不显示如何投票）。',
  'hall.seats.pickHint': '鼠标移到座位上或点选座位，查看是哪位代表',
  'hall.seats.picked': '{seat} · {name} · {delegation} · {state}',
  'hall.seats.aria': '座位图：{summary}',
  'hall.seats.unplaced':
    '以下 {n} 位代表的座位号无法画入座位图（写作“3排12号”“3-12”或“二楼3排12号”即可画入）：',
  'hall.seats.none':
    '名单中的座位号无法画成座位图（写作“3排12号”“3-12”或“二楼3排12号”即可画入），以下按名单列出 {n} 位代表：',
  'hall.seats.duplicate': '座位重复',
  'hall.seats.more': '另有 {n} 人未列出，请在座位图或名单中查找',
  'hall.seats.screenTitle': '代表报到 · 座位图',
  'hall.seats.screenUnplaced': '另有 {n} 位代表的座位未能画出',
  'hall.seats.screenNone': '名单中的座位号无法画成座位图',
} as const
