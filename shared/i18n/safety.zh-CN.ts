/**
 * 简体中文 strings of what keeps the clerk from mistakes: confirmations that name what they
 * change, shortcuts that say why they did nothing, a console that says when it is cut off.
 * safety.en.ts must have the same keys.
 */
export const safetyZhCN = {
  'console.refused.badge': '令牌被拒',
  'console.refused.title': '本控制台已失去会务权限',
  'console.refused.body':
    '主机拒绝了本页的会务令牌：令牌已更换（--rotate-staff-token），或这个地址属于另一个数据文件夹或另一台主机。请打开主机最近一次启动时打印的控制台地址（http://127.0.0.1:端口/console/#token=…），粘贴到本页地址栏即可；桌面版请使用应用自己的控制台窗口。在此之前，本页的按钮不起作用，显示的数据可能已过时。',
  'console.refused.retry': '重新连接',
  'console.offline.title': '与主机的连接已断开',
  'console.offline.body':
    '正在自动重新连接，主机重启后本页会自动恢复。恢复之前按钮不可用，显示的数据可能已过时。',
  'live.open.confirm':
    '确定开启“{title}”（{kind}）吗？将向实到的 {present} 名代表发出选票；开启后规则和候选项目不能再修改。',
  'live.open.override':
    '未达法定人数（实到 {present} 人，需 {needed} 人）。开启理由将记入日志：{reason}',
  'live.open.nobody':
    '目前实到 0 人：开启后发出 0 张选票，没有代表能够投票（之后报到的代表会补发选票）。请先确认报到情况。',
  'live.open.anyway': '仍然开启',
  'live.quorum.confirmTitle': '更改法定人数',
  'live.quorum.confirm':
    '把法定人数由“{from}”改为“{to}”吗？应到 {roster} 人，需实到由 {neededFrom} 人变为 {neededTo} 人；目前实到 {present} 人，更改后{outcome}。更改将记入日志。',
  'live.quorum.change': '更改',
  'console.loadDemo.confirm': '加载演示会议（虚构的代表名单和候选项目，供演练使用）吗？',
  'console.loadDemo.intoEmpty':
    '当前会议“{title}”还没有数据：演示数据将载入其中，会议改名为演示会议。',
  'console.loadDemo.beside':
    '当前会议“{title}”已有数据：演示会议将另建为新会议并切换为当前会议，已连接的代表平板将离开“{title}”。原会议不会被改动，可在会议列表中重新打开。',
  'live.key.noVote': '{key} 未执行：还没有选中的表决。',
  'live.key.offline': '{key} 未执行：与主机的连接已断开。',
  'live.key.open.notDraft': '{key} 开启表决未执行：“{title}”状态为{status}，只能开启未开始的表决。',
  'live.key.open.another': '{key} 开启表决未执行：“{other}”正在投票，同一时间只能开启一项表决。',
  'live.key.open.reason':
    '{key} 开启表决未执行：未达法定人数，请先填写开启理由（至少 2 个字，记入日志）。',
  'live.key.close.notOpen': '{key} 截止表决未执行：“{title}”状态为{status}，没有在投票。',
  'live.key.close.closed': '{key} 截止表决未执行：“{title}”已截止，结果待公布；公布请按 Alt+P。',
  'live.key.publish.open': '{key} 公布结果未执行：“{title}”仍在投票，请先截止表决（Alt+C）。',
  'live.key.publish.notClosed':
    '{key} 公布结果未执行：“{title}”状态为{status}，只有已结束待发布的表决可以公布。',
  'live.key.damaged': '{key} 未执行：“{title}”的票箱受损，请先点“已知悉，继续”。',
  'live.key.remind.notOpen': '{key} 提醒未执行：“{title}”没有在投票。',
  'live.key.remind.allVoted': '{key} 提醒未执行：实到代表都已投票。',
  'screen.control.follows': '大屏按钮作用于会场中所选的表决：“{title}”',
  'screen.control.noVote': '会场中还没有选中表决：表决相关的画面不可用。',
  'screen.control.nowVote': '当前：{stage} · “{title}”',
} as const
