import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreviewView } from '../../../shared/protocol/preparation.schema'
import type { DeputyHallView } from '../../../shared/protocol/views'
import type { YearData } from '../../../shared/year/year.schema'
import { chinaToday } from '../../../shared/year/year.schema'
import { call, callRaw, HostHarness, next } from '../testing/host-harness'
import type { ProgressRow } from '../tables/progress-import'
import type { SheetValue } from '../tables/xlsx-writer'
import { addTableSheet, newWorkbook, workbookBuffer } from '../tables/xlsx-writer'
import { must, runVote } from './year-testing'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

const header = [
  '编号',
  '项目名称',
  '牵头单位',
  '完成进度(%)',
  '最近进展日期',
  '进展情况',
  '计划完成时间',
]

async function xlsx(rows: SheetValue[][]): Promise<Buffer> {
  const workbook = newWorkbook()
  addTableSheet(workbook, {
    name: '进展表',
    columns: header.map((h) => ({ header: h, width: 12, text: false, wrap: false })),
    rows,
  })
  return workbookBuffer(workbook)
}

const upload = async (body: Buffer) =>
  (await h.upload<ImportPreviewView<ProgressRow>>('progress', '2026年进展表.xlsx', body)).body

const yearFile = async () =>
  JSON.parse(
    await readFile(join(h.meetingDir, 'year.json'), 'utf8').catch(() => '{}'),
  ) as Partial<YearData>

describe('a previous year imported as a progress XLSX', () => {
  it('previews, keeps the list, makes the rating from it and writes the grades back to it', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(6)
    await h.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
    const preview = await upload(
      await xlsx([
        ['2026-01', '老旧小区改造', '区住建局', 100, '2026-11-20', '全部完工', '2026-12-31'],
        ['2026-02', '社区食堂', '区民政局', '85%', '2026/10/8', '8 个已运营', '2000-01-01'],
      ]),
    )
    expect(preview.problems).toEqual([])
    expect(preview.rows.map((r) => [r.number, r.percent, r.lastDate])).toEqual([
      ['2026-01', 100, '2026-11-20'],
      ['2026-02', 85, '2026-10-08'],
    ])
    const { importId } = must(
      await call(staff, 'year:progress-import', {
        previewId: preview.previewId!,
        title: '2026年度民生实事项目',
      }),
    )
    // A preview is kept once.
    const again = await callRaw(staff, 'year:progress-import', {
      previewId: preview.previewId!,
      title: 'x',
    })
    expect(again.ok).toBe(false)
    const view = must(await call(staff, 'year:view', {}))
    expect(view.imported).toHaveLength(1)
    expect(view.projects).toEqual([])

    const { voteId } = must(await call(staff, 'year:rating-create', { importId }))
    expect(must(await call(staff, 'year:rating-create', { importId })).voteId).toBe(voteId)
    const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!
    expect(vote.candidates.map((c) => c.title)).toEqual(['老旧小区改造', '社区食堂'])
    const link = must(await call(staff, 'year:view', {})).ratings[0]!
    expect(link).toMatchObject({ fromImportId: importId, fromMeetingTitle: '2026年度民生实事项目' })
    expect(link.items.map((i) => [i.percent, i.lastDate, i.late])).toEqual([
      [100, '2026-11-20', []],
      [85, '2026-10-08', chinaToday() > '2026-11-22' ? ['overdue', 'quiet'] : ['overdue']],
    ])

    const tablet = await h.deputy(h.host.session.meeting.data.deputies[5]!.credential)
    const opened = next<DeputyHallView>(tablet.socket, 'deputy:hall', (s) => s.vote?.id === voteId)
    const s = 'satisfied'
    const u = 'unsatisfied'
    const published = runVote(
      h,
      staff,
      vote.rules,
      [
        [s, u],
        [s, u],
        [s, u],
        [s, s],
      ],
      voteId,
    )
    expect((await opened).vote?.progress).toEqual([
      { id: vote.candidates[0]!.id, percent: 100, lastDate: '2026-11-20' },
      { id: vote.candidates[1]!.id, percent: 85, lastDate: '2026-10-08' },
    ])
    await published
    const kept = (await yearFile()).imported![0]!
    expect(kept.projects.map((p) => p.grade?.grade)).toEqual(['satisfied', 'unsatisfied'])
    expect(kept.projects[0]!.grade).toMatchObject({ voteId, satisfiedRate: 1 })
    const types = await h.auditTypes()
    expect(types).toEqual(
      expect.arrayContaining([
        'year.progress-imported',
        'year.rating-created',
        'year.grades-written-back',
      ]),
    )
  })

  it('names every broken row and column, and keeps nothing', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(6)
    const preview = await upload(
      await xlsx([
        ['1', '老旧小区改造', '区住建局', 120, '2026-11-20', '', ''],
        ['1', '', '区民政局', 'abc', '2026-13-01', '', ''],
        ['__proto__', '社区食堂', '', 50, '2999-01-01', '', '明年'],
      ]),
    )
    expect(preview.previewId).toBeNull()
    const messages = preview.problems.map((p) => [p.row, p.column, p.code])
    expect(messages).toEqual([
      [2, '完成进度(%)', 'invalid-percent'],
      [3, '编号', 'duplicate-number'],
      [3, '项目名称', 'missing-title'],
      [3, '完成进度(%)', 'invalid-percent'],
      [3, '最近进展日期', 'invalid-date'],
      [4, '编号', 'invalid-number'],
      [4, '最近进展日期', 'invalid-date'],
      [4, '计划完成时间', 'invalid-date'],
    ])
    expect(preview.problems[0]!.message).toBe(
      '第2行：完成进度(%)“120”无效，请填写 0–100 的整数，如 85',
    )
    const refused = await callRaw(staff, 'year:progress-import', { previewId: 'nope', title: 't' })
    expect(refused.ok).toBe(false)
    for (const importId of ['I1', '__proto__'])
      expect((await callRaw(staff, 'year:rating-create', { importId })).ok).toBe(false)
    expect((await yearFile()).imported ?? []).toEqual([])
    expect(h.host.session.meeting.data.votes).toEqual([])
  })
})
