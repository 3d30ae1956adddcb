/**
 * Downloadable templates: the Chinese headers our importers expect, the example row, widths and
 * formats, and a sheet of instructions. Built from the same specs the importers read.
 */
import { projectSpec } from './project-import'
import { proposalSpec } from './proposal-import'
import { rosterSpec } from './roster-import'
import type { TableSpec } from './table-spec'
import type { SheetValue } from './xlsx-writer'
import { addTableSheet, newWorkbook, workbookBuffer } from './xlsx-writer'

function instructions<K extends string>(spec: TableSpec<K>, notes: string[]): SheetValue[][] {
  return [
    ...spec.columns.map((c) => [c.label, c.required ? '必填' : '选填', c.labelEn]),
    [],
    ...notes.map((n) => [n]),
  ]
}

async function template<K extends string>(
  spec: TableSpec<K>,
  name: string,
  textKeys: K[],
  numberKeys: K[],
  notes: string[],
): Promise<Buffer> {
  const workbook = newWorkbook()
  addTableSheet(workbook, {
    name,
    columns: spec.columns.map((c) => ({
      header: c.label,
      width: c.width,
      text: textKeys.includes(c.key),
      wrap: c.kind === 'block',
    })),
    rows: [
      spec.columns.map((c) => {
        const v = spec.example[c.key]
        return numberKeys.includes(c.key) && v !== '' ? Number(v) : v
      }),
    ],
  })
  addTableSheet(workbook, {
    name: '填写说明',
    columns: [
      { header: '列名', width: 16 },
      { header: '是否必填', width: 10 },
      { header: 'English header', width: 20 },
    ],
    rows: instructions(spec, notes),
  })
  return workbookBuffer(workbook)
}

export function rosterTemplateXlsx(): Promise<Buffer> {
  return template(
    rosterSpec,
    '代表名单',
    ['name', 'delegation', 'seat', 'idLast4', 'note'],
    [],
    [
      '第2行是示例，导入前请删除；含有示例行的文件不会被导入。',
      '每位代表一行。座位号不能重复；同一代表团内姓名不能重复。',
      '证件后四位为4位数字，最后一位可以是X；可以不填。',
      '代表编号可以不填；填写后，再次导入名单时按编号对应代表，代表证不变。',
      '可以保留“序号”列；其他列名无法识别时会提示，不会导入。',
      '也可以导入 CSV（UTF-8 或 Excel 默认的 GBK 编码）。',
    ],
  )
}

export function projectTemplateXlsx(): Promise<Buffer> {
  return template(
    projectSpec,
    '候选项目',
    ['number', 'title', 'leadUnit', 'category', 'completion'],
    ['budget'],
    [
      '第2行是示例，导入前请删除；含有示例行的文件不会被导入。',
      '每个项目一行。编号和项目名称都不能重复。',
      '投资额以万元为单位，只填数字，如 1200 或 1200.5；可以不填。表头写明单位（元、万元或亿元）的，按表头的单位读入并换算为万元。',
      '计划完成时间填年月（如 2027-12）或日期（如 2027-12-31）；可以不填。',
      '也可以导入 CSV（UTF-8 或 Excel 默认的 GBK 编码）。',
    ],
  )
}

export function proposalTemplateXlsx(): Promise<Buffer> {
  return template(
    proposalSpec,
    '征集建议',
    ['number', 'content', 'channel', 'date', 'area'],
    [],
    [
      '第2行是示例，导入前请删除；含有示例行的文件不会被导入。',
      '每条建议一行。编号不能重复；再次导入时按编号对应，已归入项目的建议保持归类。',
      '来源渠道如 12345热线、网上征集、代表联系站；提出日期如 2026-03-05、2026/3/5 或 2026年3月5日。',
      '提出人姓名、联系电话等列不会导入，系统不保存这些信息。',
      '也可以导入 CSV（UTF-8 或 Excel 默认的 GBK 编码）。',
    ],
  )
}
