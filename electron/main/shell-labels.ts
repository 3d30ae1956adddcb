/**
 * Words of the shell's own menus and dialogs. The pages have their dictionaries in shared/i18n;
 * these are few and only main needs them, so they live here, one object per language with the
 * same keys (the type makes a missing word a compile error).
 */
const zhCN = {
  appName: '民生实事项目票决',
  consoleTitle: '会务控制台 · 民生实事项目票决',
  projectorTitle: '大屏 · 民生实事项目票决',
  menuFile: '文件',
  importRoster: '导入代表名单…',
  importProjects: '导入候选项目…',
  exportArchive: '导出归档…',
  openArchiveFolder: '打开归档文件夹',
  changeDataFolder: '更改数据文件夹…',
  openDataFolder: '打开数据文件夹',
  quit: '退出',
  menuProjector: '大屏',
  showProjector: '显示大屏',
  projectorDisplay: '大屏显示器',
  automatic: '自动（第一个外接显示器）',
  display: '显示器',
  primary: '主屏',
  menuView: '视图',
  menuHelp: '帮助',
  spreadsheets: '表格文件',
  chooseDataFolder: '选择数据文件夹',
  chooseExportFolder: '选择导出位置',
  ok: '确定',
  cancel: '取消',
  quitAnyway: '仍要退出',
  keepRunning: '继续投票',
  quitDuringVote: (title: string) => `“${title}”正在投票中。确定要退出吗？`,
  quitDuringVoteDetail:
    '退出后代表平板将无法投票。已记录的选票已保存在磁盘上，重新打开程序后投票会继续。',
  portInUse: (port: number) => `端口 ${port} 已被其他程序占用。`,
  portDenied: (port: number) => `没有权限使用端口 ${port}。`,
  portDetail: '代表平板需要通过新的加入地址（二维码）连接。请选择另一个端口：',
  usePort: (port: number) => `改用端口 ${port}`,
  anyFreePort: '自动选择空闲端口',
  hostFailed: '无法启动主机',
  hostGaveUp: (crashes: number) => `主机在一分钟内崩溃了 ${crashes} 次，已停止自动重启。`,
  hostGaveUpDetail: '已记录的选票都保存在数据文件夹中。可以重试，或退出后检查数据文件夹。',
  retry: '重试',
  dataFolderVoteOpen: '投票进行中，不能更改数据文件夹。请先结束投票。',
  exportDone: (path: string) => `归档已导出到：${path}`,
  noArchive: '当前会议还没有归档（投票结束后才会生成）。',
  fileTooLarge: '文件过大（超过20MB）',
  fileUnreadable: '无法读取文件',
  hostUnavailable: '主机未运行',
} as const

type Words = {
  [K in keyof typeof zhCN]: (typeof zhCN)[K] extends string ? string : (typeof zhCN)[K]
}

const en: Words = {
  appName: 'Plenary Vote',
  consoleTitle: 'Console · Plenary Vote',
  projectorTitle: 'Screen · Plenary Vote',
  menuFile: 'File',
  importRoster: 'Import roster…',
  importProjects: 'Import projects…',
  exportArchive: 'Export archive…',
  openArchiveFolder: 'Open archive folder',
  changeDataFolder: 'Change data folder…',
  openDataFolder: 'Open data folder',
  quit: 'Quit',
  menuProjector: 'Screen',
  showProjector: 'Show screen',
  projectorDisplay: 'Screen display',
  automatic: 'Automatic (first external display)',
  display: 'Display',
  primary: 'primary',
  menuView: 'View',
  menuHelp: 'Help',
  spreadsheets: 'Spreadsheets',
  chooseDataFolder: 'Choose the data folder',
  chooseExportFolder: 'Choose where to export',
  ok: 'OK',
  cancel: 'Cancel',
  quitAnyway: 'Quit anyway',
  keepRunning: 'Keep voting',
  quitDuringVote: (title) => `“${title}” is open for voting. Quit anyway?`,
  quitDuringVoteDetail:
    'Tablets cannot vote while the app is closed. Recorded ballots are on disk; the vote resumes when the app is opened again.',
  portInUse: (port) => `Port ${port} is used by another program.`,
  portDenied: (port) => `Port ${port} is not allowed.`,
  portDetail: 'Tablets will need the new join address (QR code). Choose another port:',
  usePort: (port) => `Use port ${port}`,
  anyFreePort: 'Any free port',
  hostFailed: 'The host failed to start',
  hostGaveUp: (crashes) => `The host crashed ${crashes} times within a minute; no more restarts.`,
  hostGaveUpDetail:
    'Recorded ballots are safe in the data folder. Retry, or quit and check the data folder.',
  retry: 'Retry',
  dataFolderVoteOpen: 'A vote is open: the data folder cannot change until it is closed.',
  exportDone: (path) => `Archive exported to: ${path}`,
  noArchive: 'This meeting has no archive yet (it is written when a vote closes).',
  fileTooLarge: 'File too large (over 20 MB)',
  fileUnreadable: 'The file could not be read',
  hostUnavailable: 'The host is not running',
}

export type ShellWords = Words

/** Chinese unless the system is set to another language. */
export function shellWords(locale: string): ShellWords {
  return locale.toLowerCase().startsWith('zh') || locale === '' ? zhCN : en
}
