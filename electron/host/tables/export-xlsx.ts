/**
 * The meeting as a workbook for the archive and for next year: 代表名单, 候选项目, 表决议程. The
 * first two use the importers' own headers, so an export can be imported again unchanged.
 */
import { zhCN } from '../../../shared/i18n/zh-CN'
import { projectSpec } from './project-import'
import { rosterSpec } from './roster-import'
import type { TableSpec } from './table-spec'
import { addTableSheet, newWorkbook, workbookBuffer } from './xlsx-writer'

/** The full-width space Chinese titles use between a name and its part. */
const GAP = '\u3000'

export interface MeetingExport {
  title: string
  deputies: readonly {
    id: string
    number?: string
    name: string
    delegation: string
    seat: string
    idLast4?: string | null
    note?: string
    present: boolean
  }[]
  projects: {
    id: string
    title: string
    summary: string
    leadUnit: string
    budget: number | null
    category: string
    completion: string
  }[]
  votes: {
    title: string
    kind: string
    seats: number | null
    status: string
    candidates: { id: string; title: string }[]
    summary: string
  }[]
}

/** Kinds and statuses are codes in the data; staff read the words the console shows. */
function word(prefix: 'kind' | 'status', code: string): string {
  const key = `${prefix}.${code}`
  return key in zhCN ? zhCN[key as keyof typeof zhCN] : code
}

function column<K extends string>(spec: TableSpec<K>, key: K, text = false) {
  const c = spec.columns.find((x) => x.key === key)
  if (!c) throw new Error(`no column ${key}`)
  return { header: c.label, width: c.width, text, wrap: c.kind === 'block' }
}

export async function exportMeetingXlsx(data: MeetingExport): Promise<Buffer> {
  const workbook = newWorkbook()
  addTableSheet(workbook, {
    name: '代表名单',
    title: `${data.title}${GAP}代表名单`,
    columns: [
      column(rosterSpec, 'number', true),
      column(rosterSpec, 'name'),
      column(rosterSpec, 'delegation'),
      column(rosterSpec, 'seat', true),
      column(rosterSpec, 'idLast4', true),
      column(rosterSpec, 'note'),
      // Recognised and ignored by the roster importer, so the export re-imports cleanly.
      { header: '报到情况', width: 10 },
    ],
    rows: data.deputies.map((d) => [
      d.number ?? '',
      d.name,
      d.delegation,
      d.seat,
      d.idLast4 ?? '',
      d.note ?? '',
      d.present ? '已报到' : '未报到',
    ]),
  })
  addTableSheet(workbook, {
    name: '候选项目',
    title: `${data.title}${GAP}候选项目`,
    columns: projectSpec.columns.map((c) => column(projectSpec, c.key, c.key === 'number')),
    rows: data.projects.map((p) => [
      p.id,
      p.title,
      p.summary,
      p.leadUnit,
      p.budget,
      p.category,
      p.completion,
    ]),
  })
  addTableSheet(workbook, {
    name: '表决议程',
    title: `${data.title}${GAP}表决议程`,
    columns: [
      { header: '序号', width: 6 },
      { header: '表决事项', width: 30, wrap: true },
      { header: '表决方式', width: 12 },
      { header: '应选数', width: 8 },
      { header: '状态', width: 14 },
      { header: '候选项目', width: 40, wrap: true },
      { header: '规则说明', width: 60, wrap: true },
    ],
    rows: data.votes.map((v, i) => [
      i + 1,
      v.title,
      word('kind', v.kind),
      v.seats,
      word('status', v.status),
      v.candidates.map((c) => `${c.id} ${c.title}`).join('\n'),
      v.summary,
    ]),
  })
  return workbookBuffer(workbook)
}
