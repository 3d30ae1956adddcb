import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import type { HostHandle } from '../electron/host'
import type { Mark } from '../shared/protocol/marks'
import type { MeetingId } from '../shared/protocol/ids'
import { chinaToday } from '../shared/year/year.schema'
import { artifactsDir, expect, parsed, test } from './host-fixture'
import { HallDriver } from './screen-driver'
import { expectAxeClean, textSizes } from './legibility'
import { castOnHost, electThree } from './year-helpers'

/**
 * 验单 as the hall sees it: last year's projects and their progress on the projector before the
 * rating opens, beside each choice on the tablets (a phone at 200 % text), then the result with
 * 等次 and 总体满意率; and the rating made from a progress list uploaded through the console.
 */

const shotOf = (p: Page, name: string) =>
  p.screenshot({ path: join(artifactsDir, `rating-${name}.png`), fullPage: false })

/** Last year: 3 projects elected; the first 100 % done today, the second overdue, the third silent. */
async function lastYear(host: HostHandle): Promise<{ meetingId: MeetingId; titles: string[] }> {
  const { meetingId } = await electThree(host)
  const [first, second] = (await host.year.view()).projects
  await host.year.addProgress({
    projectId: first!.id,
    date: chinaToday(),
    kind: 'year-end',
    percent: 100,
    text: '全部建成投用',
  })
  await host.year.updateProject({
    projectId: second!.id,
    title: second!.title,
    leadUnit: second!.leadUnit,
    budget: second!.budget,
    plannedCompletion: '2000-06-30',
    responsible: '',
  })
  const titles = (await host.year.view()).projects.map((p) => p.title)
  await host.meetings.loadDemo(8)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  return { meetingId, titles }
}

/** A phone with the system's text at 200 %: the root font grows, and every rem with it. */
async function phoneAt200(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    hasTouch: true,
  })
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      document.documentElement.style.fontSize = '32px'
    })
  })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

test("the hall sees last year's progress, on the screen and beside each choice, then the grades", async ({
  browser,
  host,
  base,
}) => {
  const { meetingId, titles } = await lastYear(host)
  const driver = new HallDriver(base, host.staffToken)
  await expect.poll(() => driver.staff.connected).toBe(true)
  const { voteId } = await driver.call<{ voteId: string }>('year:rating-create', { meetingId })
  const vote = host.session.meeting.data.votes.find((v) => v.id === voteId)!
  const ids = vote.candidates.map((c) => c.id)

  // The projector, before the rating opens: every project, its unit, %, last update, late mark.
  // Its own context: axe needs one (browser.newPage has none of its own).
  const screenContext = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const screen = await screenContext.newPage()
  await screen.goto(`${base}/screen/?motion=off`)
  await driver.call('screen:show', { stage: 'progress', voteId })
  await expect(screen.getByTestId('stage-progress')).toBeVisible()
  for (const [i, title] of titles.entries())
    await expect(screen.getByTestId(`progress-row-${ids[i]}`)).toContainText(title)
  await expect(screen.getByTestId(`progress-row-${ids[0]}`)).toContainText('100%')
  await expect(screen.getByTestId(`progress-row-${ids[0]}`)).toContainText(chinaToday())
  await expect(screen.getByTestId(`progress-row-${ids[0]}`)).toContainText('已完成')
  await expect(screen.getByTestId(`progress-row-${ids[1]}`)).toContainText('滞后')
  await expect(screen.getByTestId(`progress-row-${ids[2]}`)).toContainText('暂无')
  const lead = host.session.meeting.data.projects.find((p) => p.id === ids[0])!.leadUnit
  await expect(screen.getByTestId(`progress-row-${ids[0]}`)).toContainText(lead)
  for (const { px, text } of await textSizes(screen))
    expect.soft(px, `screen “${text}”`).toBeGreaterThanOrEqual(720 / 40)
  await expectAxeClean(screen, 'screen 上年度进展')
  await shotOf(screen, 'screen-progress-1280')
  await screen.setViewportSize({ width: 1920, height: 1080 })
  for (const { px, text } of await textSizes(screen))
    expect.soft(px, `screen 1080 “${text}”`).toBeGreaterThanOrEqual(1080 / 40)
  await shotOf(screen, 'screen-progress-1920')
  // A hall may run the projector dark.
  await screen.goto(`${base}/screen/?motion=off&theme=dark`)
  await expect(screen.getByTestId('stage-progress')).toBeVisible()
  await expectAxeClean(screen, 'dark screen 上年度进展')
  await shotOf(screen, 'screen-progress-dark')

  // A deputy's phone at 200 % text: the progress under each title, no 详情 opened.
  const deputies = host.session.meeting.data.deputies
  const phone = await phoneAt200(browser, `${base}/tablet/#c=${deputies[0]!.credential}`)
  await expect(phone.getByTestId('tablet-message')).toBeVisible()
  await driver.call('vote:open', { voteId })
  await expect(phone.getByTestId(`progress-${ids[0]}`)).toHaveText(
    `上年度完成 100% · 最近进展 ${chinaToday()}`,
  )
  await expect(phone.getByTestId(`progress-${ids[2]}`)).toHaveText('上年度完成 0%')
  for (const id of ids) {
    const px = await phone
      .getByTestId(`progress-${id}`)
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    // 18 px at the default size; it grows with the system's text (200 % here).
    expect(px).toBeGreaterThanOrEqual(36)
  }
  await expect(phone.getByTestId(`detail-${ids[0]}`)).toHaveCount(0)
  await phone.getByTestId(`card-${ids[0]}`).evaluate((el) => el.scrollIntoView())
  await shotOf(phone, 'tablet-phone-200')
  await phone.screenshot({
    path: join(artifactsDir, 'rating-tablet-phone-200-full.png'),
    fullPage: true,
  })
  await phone.getByTestId(`mark-${ids[0]}-satisfied`).click()
  await phone.getByTestId(`mark-${ids[1]}-unsatisfied`).click()
  await phone.getByTestId(`mark-${ids[2]}-basic`).click()
  await phone.getByRole('button', { name: '核对选票' }).click()
  await phone.getByTestId('confirm').click()
  await expect(phone.getByTestId('recorded')).toBeVisible()

  // The others vote on the host; then the result with 等次 and 总体满意率, and the write-back.
  const s: Mark = 'satisfied'
  const others = Array.from({ length: 5 }, () => [s, 'unsatisfied', 'basic'] as Mark[])
  await host.attendance.set({ deputyIds: deputies.map((d) => d.id), state: 'present' })
  await castOnHost(host, vote.id, others, 1)
  await driver.call('vote:close', { voteId })
  await driver.call('vote:publish', { voteId })
  await driver.call('screen:show', { stage: 'results', voteId })
  await expect(screen.getByTestId('rating-chart')).toBeVisible()
  await expect(screen.getByTestId('screen-root')).toContainText('总体满意率')
  await expect(screen.getByTestId('screen-root')).toContainText('不满意')
  await shotOf(screen, 'screen-results-1920')
  await host.year.idle()
  const written = JSON.parse(
    await readFile(join(host.hall.library.dirOf(meetingId), 'year.json'), 'utf8'),
  ) as { projects: { grade: { grade: string } | null }[] }
  expect(written.projects.map((p) => p.grade?.grade)).toEqual(['satisfied', 'unsatisfied', 'basic'])
  driver.close()
})

test('a progress XLSX uploaded in the console makes the rating; a broken one is named and kept out', async ({
  page,
  host,
}) => {
  await host.meetings.loadDemo(8)
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')
  await page.getByTestId('nav-year').click()
  const xlsx = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('进展表')
    sheet.addRow(['编号', '项目名称', '牵头单位', '完成进度(%)', '最近进展日期', '进展情况'])
    for (const row of rows) sheet.addRow(row)
    return Buffer.from(await wb.xlsx.writeBuffer())
  }
  const upload = async (name: string, buffer: Buffer) =>
    page.getByTestId('progress-file').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    })

  await upload(
    '坏的进展表.xlsx',
    await xlsx([['A1', '口袋公园', '区城管局', 120, '2026-02-30', '']]),
  )
  const problems = page.getByTestId('progress-problems')
  await expect(problems).toContainText('第2行：完成进度(%)“120”无效', parsed)
  await expect(problems).toContainText('第2行：最近进展日期“2026-02-30”不是有效日期')
  await expect(page.getByTestId('progress-confirm')).toBeDisabled()
  await shotOf(page, 'console-import-broken')

  await upload(
    '2026年进展表.xlsx',
    await xlsx([
      ['A1', '口袋公园', '区城管局', 100, '2026-11-02', '12 个建成开放'],
      ['A2', '背街小巷整治', '区住建局', '70%', '2026/10/15', '完成 35 条'],
    ]),
  )
  await expect(page.getByTestId('progress-preview')).toContainText('70%', parsed)
  await page.getByTestId('rating-import-name').fill('2026年度民生实事项目')
  await page.getByTestId('progress-confirm').click()
  await expect(page.getByTestId('progress-imported')).toContainText(
    '已导入 2 个项目并创建满意度测评',
  )
  await expect(page.getByTestId('imported-list')).toContainText('《2026年度民生实事项目》')
  await expect(page.getByTestId('rating-link')).toContainText(
    '结果公布后写回《2026年度民生实事项目》',
  )
  await shotOf(page, 'console-import-done')
  const rating = host.session.meeting.data.votes.find((v) => v.rules.kind === 'rating')!
  expect(rating.title).toBe('2026年度民生实事项目满意度测评')
  expect(rating.candidates.map((c) => c.title)).toEqual(['口袋公园', '背街小巷整治'])
})
