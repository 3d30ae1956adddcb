import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { createHost } from '../electron/host'
import type { Mark } from '../shared/protocol/vote-rules.schema'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, test } from './host-fixture'
import { ballotsFor, HallDriver, markedBallots } from './screen-driver'

/** The three projector sizes the hall meets. */
const sizes = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 3840, height: 2160 },
] as const

async function shoot(page: Page, name: string, only?: (typeof sizes)[number]) {
  for (const size of only ? [only] : sizes) {
    await page.setViewportSize(size)
    // recharts' ResponsiveContainer measures after a resize.
    await page.waitForTimeout(250)
    await page.screenshot({
      path: join(artifactsDir, `screen-${name}-${size.width}x${size.height}.png`),
      animations: 'disabled',
    })
  }
  await page.setViewportSize(sizes[0])
}

const longTitles = {
  P14: '城乡居民基本医疗保险参保补助提标及慢性病门诊用药保障扩面工程',
  P15: '城区老旧供水管网改造及二次供水设施提升工程',
}

test('every screen stage at 720p, 1080p and 4K, driven through the console socket', async ({
  browser,
  host,
  base,
}) => {
  // Five votes of ~300 ballots each, each fsynced, on a shared 2-core machine.
  test.setTimeout(360_000)
  const hall = new HallDriver(base, host.staffToken)
  await hall.call('meeting:load-demo', {})
  for (const [id, title] of Object.entries(longTitles)) {
    await hall.call('project:add', { id, title, leadUnit: '区医疗保障局' })
  }

  const context = await browser.newContext({ viewport: sizes[0], locale: 'zh-CN' })
  const screen = await context.newPage()
  await screen.goto(`${base}/screen/?motion=off`)
  await screen.evaluate(() => {
    ;(window as unknown as { loadedOnce: boolean }).loadedOnce = true
  })
  const stage = screen.getByTestId('screen-root')

  // Welcome: title, the join QR (a real SVG path) and URL.
  await expect(stage).toHaveAttribute('data-stage', 'welcome')
  await expect(screen.getByTestId('welcome-title')).toHaveText('青川区第三届人民代表大会第五次会议')
  await expect(screen.getByTestId('join-url')).toHaveText(`${base}/tablet/`)
  await expect(screen.locator('[data-testid=join-qr] path')).toHaveAttribute('d', /^M\d/)
  await shoot(screen, 'welcome')

  await hall.call('screen:show', { stage: 'blank' })
  await expect(stage).toHaveAttribute('data-stage', 'blank')
  await shoot(screen, 'blank')

  // 报到: 200 of 327 is short of two-thirds (218); 314 is past it.
  const credentials = host.session.meeting.data.deputies.map((d) => d.credential)
  await hall.call('screen:show', { stage: 'checkin' })
  await hall.checkIn(credentials.slice(0, 200))
  await expect(screen.getByTestId('screen-present')).toHaveText('200')
  await expect(screen.getByTestId('quorum')).toHaveAttribute('data-met', 'false')
  await expect(screen.getByTestId('quorum')).toHaveText('尚未达到法定人数（需 218 人）')
  await shoot(screen, 'checkin-short', sizes[0])
  await hall.checkIn(credentials.slice(200, 314))
  await expect(screen.getByTestId('screen-present')).toHaveText('314')
  await expect(screen.getByTestId('checkin-absent')).toHaveText('13')
  await expect(screen.getByTestId('quorum')).toHaveAttribute('data-met', 'true')
  await shoot(screen, 'checkin')

  // 差额票决 15选10 with long titles: rules, voting, results with a tie at the cut line.
  const ids = Array.from({ length: 13 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)
  ids.push('P14', 'P15')
  const mainTitle = '2027年度民生实事项目票决'
  const selectId = await hall.createVote(
    mainTitle,
    { ...defaultRules('select', 10), timeLimit: { seconds: 600, onExpiry: 'warn' } },
    ids,
  )
  await hall.call('screen:show', { stage: 'rules', voteId: selectId })
  await expect(screen.getByTestId('rules-summary')).toContainText('15选10')
  await expect(screen.getByTestId('rules-summary')).toContainText('164')
  await shoot(screen, 'rules')

  await hall.call('vote:open', { voteId: selectId })
  const targets = [250, 198, 301, 176, 120, 233, 210, 90, 187, 264, 176, 60, 240, 221, 150]
  const selectBallots = ballotsFor(ids, targets, 314)
  expect(Math.max(...selectBallots.map((b) => Object.keys(b).length))).toBeLessThanOrEqual(10)
  await hall.cast(selectId, selectBallots.slice(0, 150))
  await expect(screen.getByTestId('screen-turnout')).toHaveText('已投 150 / 发出 314')
  await expect(screen.getByTestId('countdown')).toHaveText(/^(10:00|09:\d\d)$/)
  await expect(screen.getByTestId('countdown')).toHaveAttribute('data-urgent', 'false')
  // Never an interim tally: nothing of the result reaches the page while voting.
  await expect(screen.getByTestId('results-chart')).toHaveCount(0)
  await shoot(screen, 'voting')
  await hall.cast(selectId, selectBallots.slice(150), 150)
  await hall.call('vote:close', { voteId: selectId })
  await hall.call('vote:publish', { voteId: selectId })

  const chart = screen.getByTestId('results-chart')
  await expect(chart.locator('[data-segment]').first()).toBeVisible()
  const values = await chart.locator('[data-testid^="count-for-"]').allTextContents()
  expect(values.map(Number)).toEqual([...targets].sort((a, b) => b - a))
  const ticks = await chart.getByTestId('bar-title').allTextContents()
  expect(ticks[0]).toBe('农村无害化卫生户厕改造')
  // At 1080p 22 characters fit; only the 30-character title is cut, never the others.
  const cut = ticks.filter((t) => t.endsWith('…'))
  expect(cut).toHaveLength(1)
  expect(cut[0]).toMatch(/^城乡居民基本医疗保险参保补助提标及慢性病/)
  await expect(screen.getByText('过半数 164票')).toBeVisible()
  // The tie straddles the 10th place: a band over the two tied rows, no cut line through it.
  await expect(screen.getByTestId('cut-line')).toHaveCount(0)
  await expect(screen.getByTestId('tie-band')).toHaveAttribute('data-rows', '2')
  await expect(screen.getByTestId('result-banner')).toHaveAttribute('data-kind', 'tie')
  await expect(screen.getByTestId('result-banner')).toContainText('第10名出现并列')
  await expect(chart.getByText('当选', { exact: true })).toHaveCount(9)
  await expect(chart.getByText('并列', { exact: true })).toHaveCount(2)
  await expect(screen.getByTestId('count-issued')).toHaveText('314')
  await expect(screen.getByTestId('count-cast')).toHaveText('314')
  await shoot(screen, 'results-select')

  // The run-off for the tied 10th place, with a short limit: the countdown turns red.
  const runoffId = await hall.createVote(
    `${mainTitle}（另行票决）`,
    { ...defaultRules('select', 1), timeLimit: { seconds: 12, onExpiry: 'warn' } },
    ['P04', 'P11'],
  )
  await hall.call('vote:open', { voteId: runoffId })
  await expect(screen.getByTestId('countdown')).toHaveAttribute('data-urgent', 'true', {
    timeout: 8000,
  })
  await shoot(screen, 'voting-urgent', sizes[0])
  await hall.cast(runoffId, ballotsFor(['P04', 'P11'], [100, 200], 314))
  await hall.call('vote:close', { voteId: runoffId })
  await hall.call('vote:publish', { voteId: runoffId })
  await expect(screen.getByTestId('result-banner')).toHaveCount(0)
  await shoot(screen, 'results-runoff', sizes[0])

  // The final list: nine from the main vote and the run-off's winner.
  await hall.call('screen:show', { stage: 'final', voteId: selectId })
  await expect(screen.getByTestId('final-heading')).toHaveText('2027年度民生实事项目')
  const finals = await screen.getByTestId('final-title').allTextContents()
  expect(finals).toHaveLength(10)
  expect(finals[0]).toBe('农村无害化卫生户厕改造')
  expect(finals[9]).toBe('高校毕业生和农村转移劳动力就业技能培训')
  await shoot(screen, 'final')

  // 逐项表决: stacked 赞成/反对/弃权, ranked by 赞成.
  const perIds = ['P01', 'P02', 'P03', 'P04', 'P05']
  const perItemId = await hall.createVote(
    '2027年度重点民生工程逐项表决',
    defaultRules('per-item', 3),
    perIds,
  )
  const perRows: [number, number][] = [
    [230, 50],
    [180, 90],
    [290, 10],
    [120, 150],
    [250, 30],
  ]
  await hall.runVote(perItemId, markedBallots(perIds, perRows, 310))
  await expect(screen.getByTestId('stage-results')).toHaveAttribute('data-kind', 'per-item')
  const perValues = await chart.locator('[data-testid^="count-for-"]').allTextContents()
  expect(perValues.map(Number)).toEqual([290, 250, 230, 180, 120])
  await shoot(screen, 'results-per-item')

  // 决议表决: the motion, then a large 通过 with its three numbers.
  const { voteId: motionId } = await hall.call<{ voteId: string }>('vote:create', {
    title: '关于2027年度民生实事项目实施计划的决议',
    rules: defaultRules('motion'),
    motion: {
      title: '关于2027年度民生实事项目实施计划的决议（草案）',
      docNumber: '青人大〔2027〕3号',
      summary: '',
    },
  })
  await hall.runVote(motionId, markedBallots(['M1'], [[280, 12]], 305))
  await expect(screen.getByTestId('motion-doc-number')).toHaveText('青人大〔2027〕3号')
  await expect(screen.getByTestId('motion-outcome')).toHaveText('通过')
  await expect(screen.getByTestId('motion-for')).toHaveText('280')
  await expect(screen.getByTestId('motion-against')).toHaveText('12')
  await expect(screen.getByTestId('motion-abstain')).toHaveText('13')
  await shoot(screen, 'results-motion')

  // 满意度测评: stacked 满意/基本满意/不满意 with grades and rates.
  const rateIds = ids.slice(0, 8)
  const rateBallots: Record<string, Mark>[] = markedBallots(
    rateIds,
    [
      [240, 50],
      [150, 120],
      [100, 100],
      [200, 80],
      [60, 90],
      [260, 30],
      [180, 100],
      [170, 60],
    ],
    300,
  ).map((b) =>
    Object.fromEntries(
      Object.entries(b).map(([id, m]) => [
        id,
        m === 'for' ? 'satisfied' : m === 'against' ? 'basic' : 'unsatisfied',
      ]),
    ),
  )
  const ratingId = await hall.createVote(
    '2026年度民生实事项目满意度测评',
    defaultRules('rating'),
    rateIds,
  )
  await hall.runVote(ratingId, rateBallots)
  await expect(screen.getByTestId('rating-chart')).toBeVisible()
  // 327 seated → 164 needed: P01 240 satisfied → 满意; P03 100+100 → 基本满意; P05 60+90 → 不满意.
  await expect(screen.getByTestId('grade-P01')).toHaveText('满意')
  await expect(screen.getByTestId('grade-P03')).toHaveText('基本满意')
  await expect(screen.getByTestId('grade-P05')).toHaveText('不满意')
  await shoot(screen, 'results-rating')

  // The dark theme, for halls that dim the lights.
  const dark = await context.newPage()
  await dark.goto(`${base}/screen/?motion=off&theme=dark`)
  await hall.call('screen:show', { stage: 'results', voteId: selectId })
  await expect(dark.getByTestId('result-banner')).toBeVisible()
  await shoot(dark, 'results-select-dark', sizes[0])
  await hall.call('screen:show', { stage: 'welcome' })
  await expect(dark.getByTestId('stage-welcome')).toBeVisible()
  await shoot(dark, 'welcome-dark', sizes[0])

  // English, chosen on the console of the same origin: the screen follows without reloading.
  await hall.call('screen:show', { stage: 'results', voteId: selectId })
  await screen.evaluate(() => {
    localStorage.setItem('plenary.lang', 'en')
    window.dispatchEvent(new StorageEvent('storage', { key: 'plenary.lang', newValue: 'en' }))
  })
  await expect(screen.getByText('Majority 164')).toBeVisible()
  await shoot(screen, 'results-select-en', sizes[0])
  await screen.evaluate(() => {
    localStorage.setItem('plenary.lang', 'zh-CN')
    window.dispatchEvent(new StorageEvent('storage', { key: 'plenary.lang', newValue: 'zh-CN' }))
  })
  await expect(screen.getByText('过半数 164票')).toBeVisible()

  // The reveal animates unless disabled, and the presenter skips it with any key.
  const live = await context.newPage()
  await live.goto(`${base}/screen/`)
  await hall.call('screen:show', { stage: 'results', voteId: selectId })
  await expect(live.getByTestId('screen-root')).toHaveClass(/pv-reveal/)
  await expect(live.getByTestId('results-chart')).toBeVisible()
  await live.screenshot({ path: join(artifactsDir, 'screen-reveal-mid-1920x1080.png') })
  // The reveal is over within 2 s: what it leaves is the full chart.
  await live.waitForTimeout(2000)
  await live.screenshot({ path: join(artifactsDir, 'screen-reveal-end-1920x1080.png') })
  await hall.call('screen:show', { stage: 'results', voteId: motionId })
  await expect(live.getByTestId('motion-outcome')).toBeVisible()
  await live.keyboard.press('Space')
  await expect(live.getByTestId('screen-root')).toHaveClass(/pv-still/)

  // The console's screen control sets the stage by the same event, for the vote in hand in the
  // hall (the hall's picker).
  await hall.call('screen:show', { stage: 'results', voteId: selectId })
  const staffPage = await context.newPage()
  await staffPage.setViewportSize({ width: 1366, height: 900 })
  await staffPage.goto(host.consoleUrl)
  await staffPage.getByTestId('nav-hall').click()
  await staffPage.getByTestId('live-vote-select').selectOption(selectId)
  const control = staffPage.getByTestId('screen-control')
  await expect(control).toBeVisible()
  await expect(control.getByTestId('screen-control-vote')).toContainText('2027年度民生实事项目票决')
  await control.getByTestId('screen-show-checkin').click()
  await expect(stage).toHaveAttribute('data-stage', 'checkin')
  await expect(control.getByTestId('screen-showing')).toHaveText('当前：报到')
  await control.getByTestId('screen-show-final').click()
  await expect(stage).toHaveAttribute('data-stage', 'final')
  await control.scrollIntoViewIfNeeded()
  await control.screenshot({ path: join(artifactsDir, 'console-screen-control.png') })

  // The whole run happened in one page load.
  expect(
    await screen.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce),
  ).toBe(true)
  hall.close()
})

test('after a host restart the screen reconnects and redraws the stage without reloading', async ({
  browser,
  pageProblems,
}) => {
  // While the host is down the screen's reconnects are refused, and Chromium logs each.
  pageProblems.allow(/WebSocket connection to .* failed: .*ERR_CONNECTION_REFUSED/)
  const dataDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-restart-'))
  const first = await createHost({ dataDir, port: 0, host: '127.0.0.1', log: () => undefined })
  const port = first.port
  const base = `http://127.0.0.1:${port}`
  const hall = new HallDriver(base, first.staffToken)
  await hall.call('meeting:load-demo', {})
  const page = await (await browser.newContext({ viewport: sizes[1] })).newPage()
  await page.goto(`${base}/screen/?motion=off`)
  await page.evaluate(() => {
    ;(window as unknown as { loadedOnce: boolean }).loadedOnce = true
  })
  await hall.call('screen:show', { stage: 'checkin' })
  await expect(page.getByTestId('screen-root')).toHaveAttribute('data-stage', 'checkin')
  hall.close()
  await first.close()
  await expect(page.getByTestId('screen-offline')).toBeVisible()

  const second = await createHost({ dataDir, port, host: '127.0.0.1', log: () => undefined })
  try {
    await expect(page.getByTestId('screen-offline')).toHaveCount(0, { timeout: 15_000 })
    await expect(page.getByTestId('screen-root')).toHaveAttribute('data-stage', 'checkin')
    await expect(page.getByTestId('checkin-roster')).toHaveText('327')
    expect(
      await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true)
  } finally {
    await second.close()
    await rm(dataDir, { recursive: true, force: true })
  }
})
