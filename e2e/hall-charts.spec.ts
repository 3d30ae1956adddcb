import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { VoteRules } from '../shared/protocol/vote-rules.schema'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, test } from './host-fixture'
import { ballotsFor, HallDriver, markedBallots } from './screen-driver'

/**
 * The result charts the whole hall reads (issue 29, items 2 and 3): a 40-deputy meeting with 11
 * present, 13 projects. Each chart is checked at 1280×720 and 1920×1080 and shot for a person
 * to look at.
 */

const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const

async function shoot(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size)
    await page.waitForTimeout(200)
    await page.screenshot({
      path: join(artifactsDir, `hall-${name}-${size.width}x${size.height}.png`),
      animations: 'disabled',
    })
  }
}

const style = (l: Locator, prop: 'color' | 'backgroundColor' | 'fontSize') =>
  l.evaluate((el, p) => getComputedStyle(el)[p], prop)

/** Every row at 1280×720: its title's size, and its bar's share of the bar column's width. */
async function rowsAt720(page: Page) {
  await page.setViewportSize(sizes[0])
  await page.waitForTimeout(200)
  return page.getByTestId('chart-rows').evaluate((rows) =>
    [...rows.querySelectorAll<HTMLElement>('[data-testid^="bar-row-"]')].map((row) => {
      const title = row.querySelector<HTMLElement>('[data-testid="bar-title"]')!
      const segments = [...row.querySelectorAll<HTMLElement>('[data-segment]')]
      const column = segments[0]!.parentElement!.parentElement!.getBoundingClientRect().width
      const bar = segments.reduce((sum, s) => sum + s.getBoundingClientRect().width, 0)
      return {
        id: row.dataset.testid!.slice('bar-row-'.length),
        status: row.dataset.status,
        fontPx: Number.parseFloat(getComputedStyle(title).fontSize),
        share: bar / column,
        top: row.getBoundingClientRect().top,
      }
    }),
  )
}

const ids = Array.from({ length: 13 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)
const present = (rules: VoteRules): VoteRules => ({
  ...rules,
  threshold: { base: 'present', numerator: 1, denominator: 2, strict: true },
})

test('逐项 and 差额 results are drawn right for the back of the hall', async ({
  browser,
  host,
  base,
}) => {
  test.setTimeout(240_000)
  await host.meetings.loadDemo(40)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const hall = new HallDriver(base, host.staffToken)
  await hall.checkIn(host.session.meeting.data.deputies.slice(0, 11).map((d) => d.credential))
  const context = await browser.newContext({ viewport: sizes[0], locale: 'zh-CN' })
  const screen = await context.newPage()
  await screen.goto(`${base}/screen/?motion=off`)
  const chart = screen.getByTestId('results-chart')

  // 逐项表决 of 13 with 11 of 40 present: nothing reaches 21 (全体代表过半数).
  const flat = await hall.createVote(
    '2027年度民生实事项目逐项表决',
    defaultRules('per-item', 10),
    ids,
  )
  const flatRows: [number, number][] = ids.map((_, i) => [10 - (i % 8), i % 2])
  await hall.runVote(flat, markedBallots(ids, flatRows, 11))
  await expect(screen.getByTestId('stage-results')).toHaveAttribute('data-kind', 'per-item')
  // No cut line: nothing passed, so no cap applied; and none of 差额's words.
  await expect(screen.getByTestId('cut-line')).toHaveCount(0)
  await expect(screen.getByTestId('stage-results')).not.toContainText('当选')
  await expect(screen.getByTestId('stage-results')).not.toContainText('名额')
  await expect(screen.getByTestId('stage-results')).not.toContainText('前10项')
  await expect(screen.getByTestId('result-banner')).toHaveCount(0)
  // Every item: 赞成/反对/弃权 all printed (0 too), each in its legend colour, and 未通过.
  const legend = {
    for: await style(screen.getByTestId('legend-for'), 'color'),
    against: await style(screen.getByTestId('legend-against'), 'color'),
    abstain: await style(screen.getByTestId('legend-abstain'), 'color'),
  }
  expect(new Set(Object.values(legend)).size).toBe(3)
  for (const [i, id] of ids.entries()) {
    const [yes, no] = flatRows[i]!
    const counts = { for: yes, against: no, abstain: 11 - yes - no }
    for (const mark of ['for', 'against', 'abstain'] as const) {
      const cell = chart.getByTestId(`count-${mark}-${id}`)
      await expect(cell).toHaveText(String(counts[mark]))
      expect(await style(cell, 'color')).toBe(legend[mark])
      // The bar's segment is the legend's colour too, whatever the item came to.
      const segment = chart.getByTestId(`bar-row-${id}`).locator(`[data-segment="${mark}"]`)
      expect(await style(segment, 'backgroundColor')).toBe(legend[mark])
    }
    await expect(chart.getByTestId(`bar-row-${id}`).getByTestId('status-pill')).toHaveText('未通过')
  }
  // Scaled to the threshold (21), the furthest thing the chart must show, not to 应到 (40).
  await expect(chart.locator('[data-max]').first()).toHaveAttribute('data-max', '21')
  await expect(screen.getByTestId('threshold-label')).toHaveText('过半数 21票')
  await shoot(screen, 'per-item-none-passed')
  for (const row of await rowsAt720(screen)) {
    expect(row.fontPx).toBeGreaterThanOrEqual(24)
    expect(row.share).toBeCloseTo(11 / 21, 1)
  }

  // 逐项 where the cap applies: half of 11 present (6 needed); 12 pass, the cap is 10.
  const capped = await hall.createVote(
    '2027年度民生实事项目逐项表决（按出席代表）',
    present(defaultRules('per-item', 10)),
    ids,
  )
  const cappedFor = [11, 10, 10, 9, 9, 9, 8, 8, 8, 7, 6, 6, 2]
  await hall.runVote(
    capped,
    markedBallots(
      ids,
      cappedFor.map((n) => [n, Math.min(2, 11 - n)]),
      11,
    ),
  )
  await expect(chart.getByTestId('bar-row-P11')).toHaveAttribute('data-status', 'overCap')
  await expect(screen.getByTestId('cut-line')).toHaveCount(1)
  await expect(screen.getByTestId('cut-line')).toContainText('前10项')
  const statuses = (await rowsAt720(screen)).map((r) => r.status)
  expect(statuses).toEqual([...Array(10).fill('passed'), 'overCap', 'overCap', 'failed'])
  await expect(chart.getByText('通过', { exact: true })).toHaveCount(10)
  await expect(chart.getByText('超出限额')).toHaveCount(2)
  // The longest stack (11 ballots) runs the width: scaled to it, not to the 40 seated.
  expect(Math.max(...(await rowsAt720(screen)).map((r) => r.share))).toBeGreaterThan(0.97)
  await shoot(screen, 'per-item-capped')

  // 差额 13选10 with a three-way tie for the last two seats (7 votes each).
  const select = await hall.createVote(
    '2027年度民生实事项目票决',
    present(defaultRules('select', 10)),
    ids,
  )
  const targets = [11, 10, 10, 9, 9, 9, 8, 8, 7, 7, 7, 3, 2]
  await hall.runVote(select, ballotsFor(ids, targets, 11))
  await expect(screen.getByTestId('stage-results')).toHaveAttribute('data-kind', 'select')
  const band = screen.getByTestId('tie-band')
  await expect(band).toHaveAttribute('data-rows', '3')
  for (const id of ['P09', 'P10', 'P11']) {
    await expect(band.getByTestId(`bar-row-${id}`)).toHaveAttribute('data-status', 'tied')
  }
  // The cut line is not drawn between tied projects: here it is not drawn at all.
  await expect(screen.getByTestId('cut-line')).toHaveCount(0)
  await expect(chart.getByText('当选', { exact: true })).toHaveCount(8)
  await expect(screen.getByTestId('result-banner')).toContainText('第9名出现并列')
  const selectRows = await rowsAt720(screen)
  for (const row of selectRows) expect(row.fontPx).toBeGreaterThanOrEqual(24)
  expect(selectRows[0]!.share).toBeGreaterThan(0.97)
  await shoot(screen, 'select-tie')

  // 差额 without a tie: the line after the 10th, between two different counts.
  const clean = await hall.createVote(
    '2027年度民生实事项目票决（无并列）',
    present(defaultRules('select', 10)),
    ids,
  )
  await hall.runVote(clean, ballotsFor(ids, [11, 10, 10, 9, 9, 9, 8, 8, 7, 7, 6, 3, 2], 11))
  await expect(screen.getByTestId('cut-line')).toHaveCount(1)
  await expect(screen.getByTestId('tie-band')).toHaveCount(0)
  const rows = await rowsAt720(screen)
  const line = await screen.getByTestId('cut-line').boundingBox()
  expect(line!.y).toBeGreaterThan(rows[9]!.top)
  expect(line!.y).toBeLessThan(rows[10]!.top)
  await shoot(screen, 'select-cut')
  hall.close()
})

test('决议表决: the console asks for the motion, the tablet, console and screen show it', async ({
  browser,
  page,
  host,
  base,
}) => {
  test.setTimeout(180_000)
  await host.meetings.loadDemo(40)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const motion = {
    title: '青川区第三届人民代表大会第五次会议关于2027年度民生实事项目的决议（草案）',
    docNumber: '青人大〔2027〕3号',
    summary:
      '会议决定，2027年度实施普惠托育服务扩容、长者助餐服务点建设等十项民生实事项目，由区人民政府组织实施，区人大常委会监督。',
  }

  // The console: a 决议表决 asks for the motion's text, not for candidates.
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-agenda').click()
  await page.getByTestId('vote-add').click()
  await page.getByTestId('vote-add-motion').click()
  const editor = page.getByTestId('vote-editor')
  await expect(editor.getByTestId('motion-fields')).toBeVisible()
  await expect(editor.getByTestId('vote-candidates')).toHaveCount(0)
  // Emptied, the title is named in Chinese and the vote cannot be saved.
  await editor.getByTestId('motion-title').fill('')
  await expect(editor.getByTestId('vote-problems')).toHaveText('决议标题：请填写')
  await expect(editor.getByTestId('vote-save')).toBeDisabled()
  await page.screenshot({ path: join(artifactsDir, 'hall-console-motion-problem.png') })
  await editor.getByTestId('motion-title').fill(motion.title)
  await editor.getByTestId('motion-doc-number').fill(motion.docNumber)
  await editor.getByTestId('motion-summary').fill(motion.summary)
  await expect(editor.getByTestId('vote-problems')).toHaveCount(0)
  await expect(editor.getByTestId('rules-summary')).toHaveText(
    '获全体代表过半数（21票）赞成即为通过',
  )
  await page.screenshot({ path: join(artifactsDir, 'hall-console-motion-editor.png') })
  await editor.getByTestId('vote-save').click()
  const vote = host.session.meeting.data.votes[0]!
  await expect(page.getByTestId(`agenda-${vote.id}`).getByTestId('agenda-motion')).toHaveText(
    `表决事项：${motion.title}（${motion.docNumber}）`,
  )
  expect(vote.motion).toEqual(motion)
  expect(vote.candidates).toEqual([{ id: 'M1', title: motion.title }])

  // A tablet: the motion's own text above 赞成/反对/弃权, not a project.
  const deputies = host.session.meeting.data.deputies
  const tabletContext = await browser.newContext({
    viewport: { width: 768, height: 1024 },
    locale: 'zh-CN',
    hasTouch: true,
  })
  const tablet = await tabletContext.newPage()
  await tablet.goto(`${base}/tablet/#c=${encodeURIComponent(deputies[0]!.credential)}`)
  await expect(tablet.getByTestId('tablet-message')).toHaveText('请等待表决开始')
  const hall = new HallDriver(base, host.staffToken)
  await hall.checkIn(deputies.slice(1, 30).map((d) => d.credential))
  await hall.call('vote:open', { voteId: vote.id })
  const ballot = tablet.getByTestId('candidate-M1')
  await expect(ballot.getByTestId('motion-title')).toHaveText(motion.title)
  await expect(ballot.getByTestId('motion-doc-number')).toHaveText(motion.docNumber)
  await expect(ballot.getByTestId('motion-summary')).toHaveText(motion.summary)
  await expect(ballot).not.toContainText('城区老旧小区')
  await expect(ballot).not.toContainText('1.')
  await tablet.screenshot({ path: join(artifactsDir, 'hall-tablet-motion-768x1024.png') })
  await tablet.getByTestId('mark-M1-for').click()
  await tablet.getByRole('button', { name: '核对选票' }).click()
  await expect(tablet.getByTestId('review')).toContainText(`${motion.title}：赞成`)
  await tablet.screenshot({ path: join(artifactsDir, 'hall-tablet-motion-review-768x1024.png') })
  await tablet.getByTestId('confirm').click()
  await expect(tablet.getByTestId('recorded')).toHaveText('已记录')

  // 24 more for, 3 against, 2 abstain: 25 of 40 seated, past the 21 needed.
  const marks = markedBallots(['M1'], [[24, 3]], 29)
  await hall.cast(vote.id, marks)
  await hall.call('vote:close', { voteId: vote.id })
  await hall.call('vote:publish', { voteId: vote.id })

  // The console: the motion with all three counts and its outcome.
  await page.getByTestId('nav-hall').click()
  await page.getByTestId('live-vote-select').selectOption(vote.id)
  const table = page.getByTestId('result-table')
  await expect(table.locator('th')).toHaveText([
    '表决事项',
    '赞成票',
    '反对票',
    '弃权票',
    '表决结果',
  ])
  await expect(table.getByTestId('result-row-M1').locator('td')).toHaveText([
    motion.title,
    '25',
    '3',
    '2',
    '通过',
  ])
  await page.getByTestId('result').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(artifactsDir, 'hall-console-motion-result.png') })

  // The screen: the motion's title, 文号 and summary over 通过 and the three counts.
  const screen = await (await browser.newContext({ viewport: sizes[0] })).newPage()
  await screen.goto(`${base}/screen/?motion=off`)
  await expect(screen.getByTestId('motion-title')).toHaveText(motion.title)
  await expect(screen.getByTestId('motion-doc-number')).toHaveText(motion.docNumber)
  await expect(screen.getByTestId('motion-summary')).toHaveText(motion.summary)
  await expect(screen.getByTestId('motion-outcome')).toHaveText('通过')
  await expect(screen.getByTestId('motion-for')).toHaveText('25')
  await shoot(screen, 'motion')

  // A 逐项 result on the console: every item with 赞成, 反对 and 弃权, in 逐项's words.
  const perItem = await hall.createVote(
    '2027年度民生实事项目逐项表决',
    defaultRules('per-item', 10),
    ids,
  )
  await hall.runVote(
    perItem,
    markedBallots(
      ids,
      ids.map((_, i) => [26 - i, 1 + (i % 3)]),
      29,
    ),
  )
  await page.getByTestId('live-vote-select').selectOption(perItem)
  await expect(table.locator('th')).toHaveText([
    '名次',
    '项目',
    '赞成票',
    '反对票',
    '弃权票',
    '表决结果',
  ])
  await expect(table.locator('tbody tr')).toHaveCount(13)
  await expect(table.getByTestId('result-row-P01').locator('td')).toHaveText([
    '1',
    '普惠托育服务扩容',
    '26',
    '1',
    '2',
    '通过',
  ])
  await expect(table.getByTestId('result-row-P13').getByTestId('result-outcome')).toHaveText(
    '未通过',
  )
  await expect(page.getByTestId('live-result')).not.toContainText('当选')
  await expect(page.getByTestId('live-result')).not.toContainText('名额')
  await page.getByTestId('result').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(artifactsDir, 'hall-console-per-item-result.png') })
  hall.close()
})
