import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { HostHandle } from '../electron/host'
import { detailColumns, summaryColumns } from '../shared/duty/duty-export'
import type { DeputyId } from '../shared/protocol/ids'
import { artifactsDir, expect, test } from './host-fixture'

type Way = 'tablet' | 'staff' | 'paper' | 'absent' | { leave: string }

/**
 * A meeting of the demo's eight deputies on `date`: the first six numbered QC001…, the
 * 滨江街道 pair's delegation renamed when `renamed`, each checked in as `ways` says (a tablet's
 * check-in through the host's own path, staff's and the paper sheet's as the console sends them).
 */
async function meeting(
  host: HostHandle,
  title: string,
  date: string,
  ways: Way[],
  renamed = false,
) {
  await host.meetings.loadDemo(8)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const { LibraryService } = await import('../electron/host/services/library.service')
  await new LibraryService(host.hall).rename({ meetingId: host.session.meetingId, title })
  await host.session.meeting.updateAgenda((d) => {
    if (d.meeting) d.meeting.details = { ...d.meeting.details, date }
  })
  const { PreparationService } = await import('../electron/host/services/preparation.service')
  const prep = new PreparationService(host.hall)
  const deputies = [...host.session.meeting.data.deputies]
  for (const [i, d] of deputies.slice(0, 6).entries()) {
    const delegation =
      renamed && d.delegation === '滨江街道代表团' ? '滨江新区代表团' : d.delegation
    await prep.updateDeputy({ ...d, deputyId: d.id, number: `QC00${i + 1}`, delegation })
  }
  for (const [i, way] of ways.entries()) {
    const deputyId = deputies[i]!.id as DeputyId
    if (way === 'tablet') await host.attendance.checkIn(deputyId)
    else if (way === 'staff' || way === 'paper')
      await host.attendance.set({ deputyIds: [deputyId], state: 'present', via: way })
    else if (way !== 'absent')
      await host.attendance.set({ deputyIds: [deputyId], state: 'leave', reason: way.leave })
  }
}

test('代表履职: two meetings with check-ins, the view, a deputy’s page, the XLSX as the duty system reads it', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000)
  const shot = (name: string) =>
    page.screenshot({ path: join(artifactsDir, `duty-${name}.png`), fullPage: true })
  await page.setViewportSize({ width: 1366, height: 900 })
  await meeting(host, '2026年人民代表大会', '2026-01-10', [
    'tablet',
    'tablet',
    'staff',
    'paper',
    { leave: '因公出差' },
    'absent',
    'staff',
    'absent',
  ])
  await meeting(
    host,
    '2027年人民代表大会',
    '2027-01-12',
    ['tablet', { leave: '病假' }, 'tablet', 'staff', 'paper', 'tablet', 'absent', 'staff'],
    true,
  )

  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')
  await page.getByTestId('nav-duty').click()
  await expect(page.getByTestId('duty-meetings').locator('[data-status="included"]')).toHaveCount(2)
  // The renamed delegation's pair (by 编号) and the two without 编号 (by name) wait for staff.
  await expect(page.getByTestId('duty-confirm')).toHaveCount(4)
  await expect(page.getByTestId('duty-review')).toContainText('滨江新区代表团')
  await expect(page.getByTestId('duty-row')).toHaveCount(8)
  await shot('review')

  // The points rule: a fraction is refused with the field named, a whole number is kept.
  await page.getByTestId('duty-points-edit').click()
  await page.getByTestId('duty-points-present').fill('1.5')
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText(
    '出席积分须为 −100 到 100 之间的整数',
  )
  await shot('points-form')
  await page.getByTestId('duty-points-present').fill('2')
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('duty-points-rule')).toHaveText(
    '出席 +2 分，请假 0 分，缺席 −1 分（每次会议）',
  )

  // Staff look and confirm every match at once.
  await page.getByTestId('duty-confirm-all').click()
  await page.getByTestId('confirm-dialog-ok').click()
  await expect(page.getByTestId('duty-review')).toHaveCount(0)

  // By delegation (its old name finds the renamed one), sorted by attendance.
  const rows = page.getByTestId('duty-row')
  await page.getByTestId('duty-delegation').selectOption('滨江街道代表团')
  await expect(rows).toHaveCount(2)
  await page.getByTestId('duty-delegation').selectOption('')
  await page.getByTestId('duty-sort').selectOption('present-asc')
  // Fewest present first; among them those absent more often, then in roster order.
  await expect(rows.first()).toContainText('罗晓')
  await expect(rows.first().getByTestId('duty-present')).toHaveText('1')
  await page.getByTestId('duty-sort').selectOption('present-desc')
  await expect(rows.first()).toContainText('王胜彬')
  await expect(rows.first().getByTestId('duty-present')).toHaveText('2')
  await shot('list')

  // One deputy's page: how and when, leave and its reason.
  await page.getByRole('button', { name: '孙璐洁' }).click()
  const records = page.getByTestId('duty-record')
  await expect(records).toHaveCount(2)
  await expect(records.nth(0)).toContainText('扫码报到')
  await expect(records.nth(1)).toContainText('请假')
  await expect(records.nth(1)).toContainText('病假')
  await expect(page.getByTestId('duty-deputy-summary')).toHaveText(
    '出席 1 次 · 请假 1 次 · 缺席 0 次 · 出席率 50% · 积分 2',
  )
  await shot('deputy')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByTestId('duty-deputy-summary')).toContainText('Present 1 · on leave 1')
  await expect(records.nth(1)).toContainText('On leave')
  await shot('deputy-en')
  await page.getByTestId('duty-back').click()
  await expect(rows).toHaveCount(8)
  await shot('list-en')
  await page.getByRole('button', { name: '中文' }).click()

  // The XLSX, downloaded as staff do, read as the duty system would.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('duty-export-xlsx').click(),
  ])
  expect(file.suggestedFilename()).toBe('代表履职记录.xlsx')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer)
  expect(wb.worksheets.map((w) => w.name)).toEqual(['履职明细', '履职汇总', '说明'])
  const values = (name: string) => {
    const out: unknown[][] = []
    wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)))
    return out
  }
  const detail = values('履职明细')
  expect(detail[0]).toEqual([...detailColumns])
  expect(detail).toHaveLength(1 + 16)
  const sun = detail.filter((r) => r[2] === '孙璐洁')
  expect(sun.map((r) => [r[1], r[5], r[6], r[7], r[9], r[10]])).toEqual([
    ['QC002', '2026-01-10', '出席', '扫码报到', '', 2],
    ['QC002', '2027-01-12', '请假', '', '病假', 0],
  ])
  const xu = detail.filter((r) => r[2] === '许祥').map((r) => [r[3], r[6], r[7], r[9]])
  expect(xu).toEqual([
    ['滨江街道代表团', '请假', '', '因公出差'],
    ['滨江新区代表团', '出席', '纸质签到', ''],
  ])
  const summary = values('履职汇总')
  expect(summary[0]).toEqual([...summaryColumns])
  expect(summary.find((r) => r[2] === '许祥')?.slice(1, 11)).toEqual([
    'QC005',
    '许祥',
    '滨江新区代表团',
    2,
    1,
    1,
    0,
    0.5,
    2,
    '按代表编号（已确认）',
  ])
})

test('代表履职: a deputy who cannot be told apart is listed for staff, never merged; GBK is refused by name', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  const { LibraryService } = await import('../electron/host/services/library.service')
  const { PreparationService } = await import('../electron/host/services/preparation.service')
  const library = new LibraryService(host.hall)
  // 王芳 of the third delegation: 0035 in 2025, no 编号 in 2026, 0021 in 2027.
  for (const [title, date, number, reason] of [
    ['2025年人民代表大会', '2025-01-08', '0035', ''],
    ['2026年人民代表大会', '2026-01-10', '', '赴𠮷林出差'],
    ['2027年人民代表大会', '2027-01-12', '0021', ''],
  ] as const) {
    const details = { session: '', date, venue: '', presiding: '' }
    await library.create({ title, details })
    const prep = new PreparationService(host.hall)
    await prep.addDeputy({ number, name: '王芳', delegation: '第三代表团', seat: '1排1号' })
    await prep.addDeputy({ number: '', name: '张伟', delegation: '第一代表团', seat: '1排2号' })
    const [wang, zhang] = host.session.meeting.data.deputies
    await host.attendance.set({ deputyIds: [wang!.id], state: 'present' })
    await host.attendance.set({ deputyIds: [zhang!.id], state: 'leave', reason })
  }
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-duty').click()
  const item = page.getByTestId('duty-ambiguous')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(
    '《2026年人民代表大会》（2026-01-10）：王芳 · 第三代表团 · 无编号',
  )
  await expect(item.getByRole('button', { name: '是这位' })).toHaveCount(2)
  // 𠮷 has no GBK code: the GBK files are not offered, and the cell is named.
  await expect(page.getByTestId('duty-gbk')).toContainText('“请假事由”：赴𠮷林出差')
  await expect(page.getByTestId('duty-export-gbk')).toHaveCount(0)
  await page.screenshot({ path: join(artifactsDir, 'duty-ambiguous.png'), fullPage: true })

  await item.getByText('0021').locator('..').getByRole('button', { name: '是这位' }).click()
  await expect(item).toHaveCount(0)
  // Most present first: the 王芳 of two meetings now.
  await page.getByRole('button', { name: '王芳' }).first().click()
  await expect(page.getByTestId('duty-record')).toHaveCount(2)
  await expect(page.getByTestId('duty-deputy')).toContainText('各次会议的匹配由会务人员指定。')
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByTestId('duty-back').click()
  // The file's own column, in the file's own words.
  await expect(page.getByTestId('duty-gbk')).toContainText('Row 4, “请假事由”: 赴𠮷林出差')
  await page.screenshot({ path: join(artifactsDir, 'duty-resolved-en.png'), fullPage: true })
})
