import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { hasTool, pdfText } from '../electron/host/documents/pdf-inspect.fixture'
import type { Mark } from '../shared/protocol/marks'
import { chinaToday } from '../shared/year/year.schema'
import { artifactsDir, expect, test } from './host-fixture'
import { addProgress, download, electThree, publishVote } from './year-helpers'

test('the year after the vote: board, updates, report, and the rating made from it next year', async ({
  page,
  host,
}) => {
  const shot = (name: string) =>
    page.screenshot({ path: join(artifactsDir, `year-${name}.png`), fullPage: true })
  await page.setViewportSize({ width: 1366, height: 900 })
  const { meetingId: lastYear } = await electThree(host)
  const titles = host.session.meeting.data.projects.slice(0, 3).map((p) => p.title)

  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')
  await page.getByTestId('nav-year').click()
  const rows = page.getByTestId('board-row')
  await expect(rows).toHaveCount(3)
  await expect(page.getByTestId('late-rule')).toContainText('超过 45 天没有进展记录')
  for (const title of titles) await expect(page.getByTestId('progress-board')).toContainText(title)

  // Two updates for the first project, the first of them edited: the earlier version stays.
  await rows.first().getByRole('button', { name: titles[0]! }).click()
  await expect(page.getByTestId('project-page')).toBeVisible()
  // A percentage outside 0–100 is refused with the field named; nothing is recorded.
  await addProgress(page, { percent: '120', text: '超出范围' })
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('完成进度须在 0–100 之间')
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('progress-update')).toHaveCount(0)
  await addProgress(page, { percent: '30', text: '完成选址和设计', opinion: '夜间施工噪声扰民' })
  await expect(page.getByTestId('progress-update')).toHaveCount(1)
  await addProgress(page, { percent: '60', text: '主体工程完工过半' })
  await expect(page.getByTestId('progress-update')).toHaveCount(2)
  await page.getByTestId('progress-update').last().getByRole('button', { name: '修改' }).click()
  await page.getByRole('dialog').getByTestId('progress-percent').fill('35')
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('progress-update').last()).toContainText('修改前的版本（1）')
  await expect(page.getByTestId('opinions').first()).toContainText('已答复：已督促施工单位错峰施工')
  await shot('project')

  await page.getByTestId('back-to-board').click()
  await expect(page.getByTestId('board-percent').first()).toHaveText('60%')
  await expect(page.getByTestId('board-row').first()).toContainText(chinaToday())
  await shot('board')

  const xlsx = await download(page, page.getByTestId('export-progress-xlsx'))
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer)
  expect(wb.worksheets.map((w) => w.name)).toEqual(['进展总表', '进展记录', '代表意见'])
  const pdf = await download(page, page.getByTestId('export-progress-pdf'))
  if (hasTool('pdftotext')) {
    const text = pdfText(pdf).replace(/\s+/g, '')
    for (const title of titles) expect(text).toContain(title.replace(/\s+/g, ''))
  }

  // Next year: a new meeting, and the rating of last year's projects in one click.
  await host.meetings.loadDemo(8)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  await expect(page.getByTestId('progress-board')).toHaveCount(0)
  await expect(page.getByTestId('rating-from')).toBeVisible()
  await page.getByTestId('create-rating').click()
  await expect(page.getByTestId('rating-panel')).toContainText('已创建满意度测评')
  await expect(page.getByTestId('rating-link')).toContainText('结果公布后写回')
  await shot('rating-panel')
  const rating = host.session.meeting.data.votes.find((v) => v.rules.kind === 'rating')!
  expect(rating.candidates.map((c) => c.title)).toEqual(titles)
  const s: Mark = 'satisfied'
  await publishVote(
    host,
    rating.rules,
    Array.from({ length: 6 }, () => [s, s, 'basic']),
    rating.id,
  )
  await expect(page.getByTestId('rating-link')).toContainText('等次已写回')
  const written = JSON.parse(
    await readFile(join(host.hall.library.dirOf(lastYear), 'year.json'), 'utf8'),
  )
  expect(written.projects.map((p: { grade: { grade: string } }) => p.grade.grade)).toEqual([
    'satisfied',
    'satisfied',
    'basic',
  ])
})
