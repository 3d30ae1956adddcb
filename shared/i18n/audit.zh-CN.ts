/** 简体中文 sentences of the audit log (audit-sentence.ts); audit.en.ts must have the same keys. */
export const auditZhCN = {
  'audit.staff': '会务人员',
  'audit.meeting.opened': '会务人员打开本会议',
  'audit.meeting.renamed': '会务人员将会议名称改为《{title}》',
  'audit.meeting.updated': '会务人员修改会议信息（届次、日期、地点、主持人或演练）',
  'audit.roster.credentials-reissued':
    '会务人员为全部 {deputies} 名代表重新生成代表证，原代表证全部失效',
  'audit.vote.revote-created': '会务人员为已宣布无效的表决《{vote}》新建重新表决',
  'audit.meeting.duplicated': '会务人员由《{from}》复制出本会议（名单、项目、议程，不含投票）',
  'audit.meeting.deleted': '会务人员删除一个会议（移入回收站）',
  'audit.meeting.demo-loaded':
    '会务人员载入演示会议《{title}》：代表 {deputies} 人，项目 {projects} 个',
  'audit.meeting.quorum-set': '会务人员将法定人数设为全体代表的 {n}/{d}',
  'audit.meeting.quorum-none': '会务人员取消法定人数要求（演练）',
  'audit.roster.imported': '会务人员导入代表名单，共 {deputies} 人',
  'audit.projects.imported': '会务人员导入候选项目，共 {projects} 个',
  'audit.deputy.added': '会务人员新增代表 {name}',
  'audit.deputy.updated': '会务人员修改代表 {name} 的信息',
  'audit.deputy.removed': '会务人员删除代表 {name}',
  'audit.deputy.credential-reissued': '会务人员为代表 {name} 补发代表证，旧证作废',
  'audit.project.added': '会务人员新增项目 {project}',
  'audit.project.updated': '会务人员修改项目 {project}',
  'audit.project.removed': '会务人员删除项目 {project}',
  'audit.projects.reordered': '会务人员调整候选项目顺序',
  'audit.proposals.ungroupedBy': '，其群众点单 {n} 条改为未归类',
  'audit.proposals.imported':
    '会务人员导入征集建议，共 {proposals} 条（新增 {added}，删除 {removed}，修改 {changed}）',
  'audit.proposals.grouped': '会务人员将 {n} 条建议归入项目 {project}',
  'audit.proposals.moved': '（其中 {n} 条由其他项目改归）',
  'audit.proposals.ungrouped': '会务人员将 {n} 条建议移出项目 {projects}，改为未归类',
  'audit.deputy.checked-in.tablet': '代表 {names} 在平板上报到',
  'audit.deputy.checked-in.staff': '会务人员为 {n} 位代表办理报到：{names}',
  'audit.deputy.checked-in.paper': '会务人员按纸质签到表为 {n} 位代表登记报到：{names}',
  'audit.deputy.checked-in.staff-confirmed': '会务人员确认请假代表 {names} 报到',
  'audit.deputy.check-in-undone': '会务人员撤销 {n} 位代表的报到：{names}',
  'audit.deputy.on-leave': '会务人员登记 {n} 位代表请假：{names}',
  'audit.deputy.on-leave.reason': '，事由：{reason}',
  'audit.deputy.card-opened-on-leave': '请假代表 {name} 的代表证在平板上打开，待会务人员确认',
  'audit.vote.issued-grew': '表决《{vote}》进行中又有 {n} 位代表报到，发出票数增至 {issued} 张',
  'audit.vote.created': '会务人员新建表决《{vote}》（{kind}）',
  'audit.vote.updated': '会务人员修改表决《{vote}》的规则或候选项目',
  'audit.vote.removed': '会务人员删除表决《{vote}》',
  'audit.vote.opened':
    '会务人员开启表决《{vote}》，发出 {issued} 张（应到 {roster} 人，实到 {present} 人）',
  'audit.vote.opened.deadline': '，限时至 {time}',
  'audit.vote.quorum-overridden':
    '表决《{vote}》开启时未达法定人数（实到 {present} 人，需 {needed} 人），会务人员说明的理由：{reason}',
  'audit.vote.reminded':
    '会务人员提醒表决《{vote}》未投票的代表：未投 {notVoted} 人，{reminded} 台在线平板收到提醒',
  'audit.vote.paper-entry': '会务人员为一位平板故障的代表录入纸质选票（表决《{vote}》）',
  'audit.vote.time-up': '表决《{vote}》规定时间已到',
  'audit.vote.closed.staff':
    '会务人员结束表决《{vote}》：收回 {cast} 张，有效 {valid} 张，无效 {invalid} 张',
  'audit.vote.closed.timer':
    '表决《{vote}》时间到自动结束：收回 {cast} 张，有效 {valid} 张，无效 {invalid} 张',
  'audit.vote.published': '会务人员公布表决《{vote}》的结果',
  'audit.vote.annulled': '会务人员宣布表决《{vote}》无效，理由：{reason}',
  'audit.vote.runoff-created': '会务人员为表决《{vote}》生成另行票决：{n} 个项目，名额 {seats} 个',
  'audit.ballot-box.damaged': '启动时发现表决《{vote}》的票箱受损：{detail}',
  'audit.ballot-box.acknowledged':
    '会务人员确认表决《{vote}》的票箱受损情况，以票箱现有的 {cast} 张选票继续',
  'audit.screen.shown': '大屏切换到“{stage}”',
  'audit.screen.shown.vote': '大屏切换到“{stage}”：《{vote}》',
  'audit.archive.failed': '表决《{vote}》归档失败：{error}',
  'audit.data.recovered': '启动时数据文件 {file} 读取有误（{problem}），已用上一份完好副本恢复',
  'audit.unknown': '记录“{type}”',
  'audit.scrutineers.updated': '会务人员登记监票人员：{names}',
  'audit.scrutineers.updated.unapproved': '（原已通过的名单须重新通过）',
  'audit.scrutineers.updated.reason': '，理由：{reason}',
  'audit.scrutineers.approved': '监票人员名单经会议通过：{names}',
  'audit.scrutineers.approved.late': '（在已有表决开启之后）',
  'audit.scrutineers.none': '（无）',
  'audit.scrutineers.chief': '总监票人 {names}',
  'audit.scrutineers.scrutineer': '监票人 {names}',
  'audit.scrutineers.teller': '计票人 {names}',
  'audit.scrutineers.separator': '；',
  'audit.paper.started.whole': '表决《{vote}》改为纸质选票计票：全部 {toCount} 张选票以纸质计票',
  'audit.paper.started.rest':
    '表决《{vote}》改为纸质选票计票：平板已投 {tablet} 张保留，其余 {toCount} 人以纸质选票计票',
  'audit.paper.tallies': '登记表决《{vote}》纸质选票发出 {issued} 张、收回 {returned} 张',
  'audit.paper.tallies.was': '（原为发出 {issued}、收回 {returned}）',
  'audit.paper.entry-begun':
    '计票人 {teller} 开始第 {slot} 次录入表决《{vote}》第 {batch} 批纸质选票（{size} 张）',
  'audit.paper.entry-finished':
    '计票人 {teller} 完成表决《{vote}》第 {batch} 批第 {slot} 次录入（{ballots} 张）',
  'audit.paper.entry-moved':
    '表决《{vote}》第 {batch} 批第 {slot} 次录入（{teller}）改在另一台设备上继续',
  'audit.paper.batch-mismatch': '表决《{vote}》第 {batch} 批两次录入不一致：第 {places} 张',
  'audit.paper.batch-resolved':
    '监票人 {scrutineer} 核定表决《{vote}》第 {batch} 批第 {places} 张纸质选票',
  'audit.paper.batch-merged':
    '表决《{vote}》第 {batch} 批 {ballots} 张纸质选票两次录入一致，计入票箱',
  'audit.paper.batch-merged.resumed': '（主机重启后完成）',
  'audit.paper.none': '未登记',
  'audit.duty.entry-joined':
    '会务人员认定会议《{meeting}》的代表 {name} 与会议《{toMeeting}》的代表 {toName} 为同一人（代表履职）',
  'audit.duty.entry-separated':
    '会务人员将会议《{meeting}》的代表 {name} 单独列为一位代表（代表履职）',
  'audit.duty.matches-confirmed':
    '会务人员确认 {n} 位代表跨会议的记录匹配无误（代表履职）：{names}',
  'audit.duty.points-rule-set':
    '会务人员设定代表履职积分规则：出席 {present} 分，请假 {leave} 分，缺席 {absent} 分',
  'audit.duty.points-rule-cleared': '会务人员取消代表履职积分规则',
  'audit.more': ' 等 {n} 人',
  'audit.list.separator': '、',
} as const
