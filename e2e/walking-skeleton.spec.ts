import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { artifactsDir, expect, test } from './host-fixture'

interface CredentialRow {
  id: string
  name: string
  joinUrl: string
}

function parseCsv(text: string): CredentialRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  return lines.slice(1).map((line) => {
    const cells = line.split(',')
    return { id: cells[0] ?? '', name: cells[1] ?? '', joinUrl: cells[5] ?? '' }
  })
}

async function openTablet(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 768, height: 1024 },
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

async function vote(tablet: Page, ids: string[]) {
  await expect(tablet.getByTestId('selected-count')).toHaveText('已选 0 / 最多 10')
  for (const id of ids) await tablet.getByTestId(`candidate-${id}`).click()
  await expect(tablet.getByTestId('selected-count')).toHaveText(`已选 ${ids.length} / 最多 10`)
  await tablet.getByRole('button', { name: '核对选票' }).click()
  await expect(tablet.getByTestId('review')).toBeVisible()
  await tablet.getByTestId('confirm').click()
  await expect(tablet.getByTestId('recorded')).toHaveText('已记录')
}

test('one 13选10 vote end to end: demo, tablets, close, publish, chart', async ({
  browser,
  page,
  host,
  base,
}) => {
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: join(artifactsDir, `skeleton-${name}.png`) })

  // Staff load the demo meeting.
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')
  // The console opens at 会议; the running vote is under 会场.
  await page.getByRole('button', { name: '加载演示会议' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '加载演示会议' }).click()
  await expect(page.getByTestId('current-meeting-title')).toHaveText(
    '青川区第三届人民代表大会第五次会议',
  )
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('live-roster')).toHaveText('327')
  await expect(page.getByTestId('live-present')).toHaveText('0')

  // The projector screen, read-only.
  const screenContext = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
  })
  const screen = await screenContext.newPage()
  await screen.goto(`${base}/screen/`)
  await expect(screen.getByText('青川区第三届人民代表大会第五次会议')).toBeVisible()

  // The credential list staff export; three deputies join with their cards' URLs.
  const csv = await page.request.get(`${base}/api/credentials.csv`, {
    headers: { Authorization: `Bearer ${host.staffToken}` },
  })
  expect(csv.ok()).toBe(true)
  const rows = parseCsv(await csv.text())
  expect(rows).toHaveLength(327)
  const tablets: Page[] = []
  for (const row of rows.slice(0, 3)) {
    const tablet = await openTablet(browser, row.joinUrl)
    await expect(tablet.getByTestId('deputy-name')).toContainText(row.name)
    await expect(tablet.getByTestId('tablet-message')).toHaveText('请等待表决开始')
    tablets.push(tablet)
  }
  await expect(page.getByTestId('live-present')).toHaveText('3')
  await expect(screen.getByTestId('screen-present')).toHaveText('3')
  await shot(screen, 'screen-welcome')
  await shot(tablets[0] as Page, 'tablet-waiting')

  // Three of 327 are no quorum: this walk-through runs as a rehearsal (no quorum required).
  await page.getByTestId('quorum-rule').selectOption('0/1')
  await page.getByRole('dialog').getByRole('button', { name: '更改' }).click()
  await expect(page.getByTestId('live-quorum')).toHaveText('已达法定人数')
  // Staff add a 差额 vote (13 candidates, 10 seats) on the agenda and open it in the hall.
  await page.getByTestId('nav-agenda').click()
  await page.getByRole('button', { name: '新建差额票决（13选10）' }).click()
  await expect(page.getByTestId('agenda-vote-status')).toHaveText('未开始')
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('未开始')
  await page.getByTestId('live-open').click()
  await page.getByTestId('confirm-dialog-ok').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('投票中')

  const [t1, t2, t3] = tablets as [Page, Page, Page]
  // An eleventh mark is blocked.
  for (const id of ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'P09', 'P10']) {
    await t1.getByTestId(`candidate-${id}`).click()
  }
  await t1.getByTestId('candidate-P11').click()
  await expect(t1.getByTestId('selected-count')).toHaveText('已选 10 / 最多 10')
  await expect(t1.getByText('最多只能选 10 项')).toBeVisible()
  await expect(t1.getByTestId('candidate-P11')).toHaveAttribute('aria-checked', 'false')
  await shot(t1, 'tablet-ballot')
  await t1.getByRole('button', { name: '核对选票' }).click()
  await shot(t1, 'tablet-review')
  await t1.getByTestId('confirm').click()
  await expect(t1.getByTestId('recorded')).toHaveText('已记录')
  await shot(t1, 'tablet-recorded')

  await vote(t2, ['P01', 'P02', 'P03'])
  await vote(t3, ['P01', 'P11'])

  await expect(page.getByTestId('live-turnout')).toHaveText('已投 3 · 未投 0 · 发出 3')
  await expect(screen.getByTestId('screen-turnout')).toHaveText('已投 3 / 发出 3')
  await shot(screen, 'screen-voting')

  // Close (asks first), review, publish.
  await page.getByTestId('live-close').click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('已结束（待公布）')
  await expect(page.getByTestId('live-result')).toBeVisible()
  await expect(page.getByTestId('result')).toBeVisible()
  await expect(t1.getByTestId('ended-closed')).toHaveText('投票已结束')
  await shot(page, 'console-result')
  await page.getByTestId('live-publish').click()
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('已公布')

  // The screen shows the ranked bars with the right counts, in rank order.
  const chart = screen.getByTestId('results-chart')
  await expect(chart.locator('[data-segment]').first()).toBeVisible()
  const values = await chart.locator('[data-testid^="count-for-"]').allTextContents()
  expect(values.map(Number)).toEqual([3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
  const ticks = await chart.getByTestId('bar-title').allTextContents()
  expect(ticks[0]).toContain('普惠托育服务扩容')
  await expect(screen.getByTestId('count-cast')).toHaveText('3')
  await expect(screen.getByTestId('count-valid')).toHaveText('3')
  await expect(screen.getByText('过半数 164票')).toBeVisible()
  await shot(screen, 'screen-results')
  await shot(page, 'console-published')
})
