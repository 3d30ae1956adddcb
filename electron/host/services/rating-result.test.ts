import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mark } from '../../../shared/protocol/marks'
import type { DeputyHallView } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { hasTool, pdfText } from '../documents/pdf-inspect.fixture'
import { call, HostHarness, next } from '../testing/host-harness'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

/** Rows of the results sheet, each as its cells' values. */
async function sheetRows(file: string): Promise<unknown[][]> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

const s = 'satisfied'
const b = 'basic'
const u = 'unsatisfied'
const a = 'abstain'

/**
 * Five ballots on four projects (6 seated, so 4 votes make a grade):
 * P1 3 满意 + 1 基本满意 → 基本满意, 满意率 80%; P2 1 + 2 → 不满意, 60%; P3 0 + 2 → 40%;
 * P4 0 + 1 → 20%. Pooled: 10 of 20 ratings positive (50%), 4 of 20 满意 (20%).
 */
const ballots: Mark[][] = [
  [s, s, b, u],
  [s, b, a, u],
  [b, u, a, u],
  [s, a, b, b],
  [u, b, a, u],
]

describe('满意度测评', () => {
  it('reports 满意率 ((满意 + 基本满意) / 有效票) beside each grade, 总体满意率, and how 弃权 counts', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(6)
    const voteId = await h.addVote(staff, defaultRules('rating'))
    const ids = h.host.session.meeting.data.votes[0]!.candidates.map((c) => c.id)
    const deputies = h.host.session.meeting.data.deputies.slice(0, 5)
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    for (const [i, tablet] of tablets.entries()) {
      const marks = Object.fromEntries(ids.map((id, j) => [id, ballots[i]![j]!]))
      const receipt = await call(tablet.socket, 'ballot:submit', {
        voteId,
        ballotId: `rating-ballot-${i}`,
        marks,
      })
      expect(receipt.ok).toBe(true)
    }
    expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
    const told = next<DeputyHallView>(
      tablets[0]!.socket,
      'deputy:hall',
      (hall) => hall.ended?.status === 'published',
    )
    expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
    // The tablets are told each grade with its 满意率, and the 总体满意率.
    const brief = (await told).ended?.brief
    expect(brief?.items.map((i) => [i.outcome, i.rate])).toEqual([
      ['basic', 0.8],
      ['unsatisfied', 0.6],
      ['unsatisfied', 0.4],
      ['unsatisfied', 0.2],
    ])
    expect(brief?.overallRate).toBe(0.5)
    await h.host.archiver.idle()
    expect(h.host.session.alerts).toEqual([])

    const dir = h.host.archiver.dirOf(voteId)
    const rows = await sheetRows(join(dir, 'results.xlsx'))
    const header = rows.find((r) => r[0] === '序号')!
    const rate = header.indexOf('满意率')
    expect(rate).toBe(header.indexOf('测评结果') - 1)
    const table = rows.slice(rows.indexOf(header) + 1, rows.indexOf(header) + 5)
    expect(table.map((r) => [r[1], r[rate], r[header.indexOf('测评结果')]])).toEqual([
      [ids[0], 0.8, '基本满意'],
      [ids[1], 0.6, '不满意'],
      [ids[2], 0.4, '不满意'],
      [ids[3], 0.2, '不满意'],
    ])
    const text = rows.flat().map(String).join('\n')
    expect(text).toContain('总体满意率 50.0%（其中满意 20.0%）')
    expect(text).toContain('弃权（含未表态）计入有效票，不计为满意或基本满意')
    if (hasTool('pdftotext')) {
      const pdf = pdfText(await readFile(join(dir, 'report.pdf'))).replace(/\s+/g, '')
      expect(pdf).toContain('总体满意率50.0%（其中满意20.0%）')
    }
  })
})
