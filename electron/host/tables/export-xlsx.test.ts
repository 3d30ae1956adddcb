import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { demoMeeting } from '../demo/demo-meeting'
import type { MeetingExport } from './export-xlsx'
import { exportMeetingXlsx } from './export-xlsx'
import { parseProjectFile } from './project-import'
import { parseRosterFile } from './roster-import'
import { projectTemplateXlsx, rosterTemplateXlsx } from './templates'

function meeting(): MeetingExport {
  const demo = demoMeeting(327)
  return {
    title: demo.title,
    deputies: demo.deputies.map((d, i) => ({
      id: `D${i + 1}`,
      ...d,
      // Some deputies carry an ID tail and a note: the round trip keeps them.
      idLast4: i % 5 === 0 ? `${String(1000 + i).slice(-3)}X` : null,
      note: i % 7 === 0 ? '列席' : '',
      present: i % 3 !== 0,
    })),
    projects: demo.projects.map((p, i) => ({
      id: p.number,
      title: p.title,
      summary: p.summary,
      leadUnit: p.leadUnit,
      // One project without a figure: the export writes a blank cell, the import reads null.
      budget: i === 0 ? null : p.budget,
      category: p.category,
      // Months and days both come back as written; some projects have none.
      completion: ['2027-12', '2027-06-30', ''][i % 3]!,
    })),
    votes: [
      {
        title: '2027年民生实事项目票决',
        kind: 'select',
        seats: 10,
        status: 'draft',
        candidates: demo.projects.map((p) => ({ id: p.number, title: p.title })),
        summary: '13选10，赞成票超过全体代表的半数当选',
      },
      {
        title: '关于2026年民生实事项目满意度测评',
        kind: 'rating',
        seats: null,
        status: 'published',
        candidates: [],
        summary: '',
      },
    ],
  }
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as unknown as ArrayBuffer)
  return wb
}

describe('exportMeetingXlsx', () => {
  it('writes 代表名单, 候选项目 and 表决议程 with Chinese headers below a title', async () => {
    const wb = await load(await exportMeetingXlsx(meeting()))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['代表名单', '候选项目', '表决议程'])
    const agenda = wb.getWorksheet('表决议程')
    expect(agenda?.getCell('A1').value).toBe(`${demoMeeting().title}\u3000表决议程`)
    expect(agenda?.getRow(2).values).toEqual([
      undefined,
      '序号',
      '表决事项',
      '表决方式',
      '应选数',
      '状态',
      '候选项目',
      '规则说明',
    ])
    expect(agenda?.getCell('C3').value).toBe('差额票决')
    expect(agenda?.getCell('E4').value).toBe('已公布')
    expect(String(agenda?.getCell('F3').value).split('\n')[0]).toBe('P01 普惠托育服务扩容')
    expect(wb.getWorksheet('代表名单')?.getColumn(2).width).toBeGreaterThan(10)
  })

  it('round-trips: the export imports cleanly into the same roster and projects', async () => {
    const data = meeting()
    const file = await exportMeetingXlsx(data)
    const roster = await parseRosterFile(file, 'export.xlsx')
    expect(roster.problems).toEqual([])
    expect(roster.sheet).toBe('代表名单')
    expect(roster.rows).toEqual(
      data.deputies.map((d) => ({
        number: d.number ?? '',
        name: d.name,
        delegation: d.delegation,
        seat: d.seat,
        idLast4: d.idLast4,
        note: d.note,
      })),
    )
    const projects = await parseProjectFile(file, 'export.xlsx')
    expect(projects.problems).toEqual([])
    expect(projects.sheet).toBe('候选项目')
    expect(projects.rows).toEqual(
      data.projects.map((p) => ({
        number: p.id,
        title: p.title,
        summary: p.summary,
        leadUnit: p.leadUnit,
        budget: p.budget,
        category: p.category,
        completion: p.completion,
      })),
    )
  })
})

describe('templates', () => {
  it('roster template: the headers import, the example row is refused until deleted', async () => {
    const file = await rosterTemplateXlsx()
    const wb = await load(file)
    const ws = wb.worksheets[0]
    expect(ws?.name).toBe('代表名单')
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      '代表编号',
      '姓名',
      '代表团',
      '座位号',
      '证件后四位',
      '备注',
    ])
    expect(ws?.getColumn(5).numFmt).toBe('@')
    const p = await parseRosterFile(file, 'template.xlsx')
    expect(p.problems.map((x) => [x.code, x.row])).toEqual([['template-example', 2]])
    ws?.spliceRows(2, 1)
    const emptied = await parseRosterFile(Buffer.from(await wb.xlsx.writeBuffer()), 't.xlsx')
    expect(emptied.problems.map((x) => x.code)).toEqual(['empty-file'])
  })

  it('project template: the headers import, the example row is refused', async () => {
    const file = await projectTemplateXlsx()
    const wb = await load(file)
    expect(wb.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      '编号',
      '项目名称',
      '项目简介',
      '牵头单位',
      '投资额（万元）',
      '类别',
      '计划完成时间',
    ])
    expect(wb.worksheets[0]?.getCell('E2').value).toBe(1200)
    const p = await parseProjectFile(file, 'template.xlsx')
    expect(p.problems.map((x) => [x.code, x.row])).toEqual([['template-example', 2]])
    expect(p.rows[0]?.budget).toBe(1200)
  })
})
