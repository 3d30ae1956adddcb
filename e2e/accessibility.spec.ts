import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, test } from './host-fixture'
import { HallDriver } from './screen-driver'
import { expectAxeClean, textSizes } from './legibility'

/**
 * Legible for every deputy and the back row (issue 29, item 15): axe-core (WCAG 2 A and AA) finds
 * nothing critical or serious on the tablet (waiting, ballot, review, 已记录), the console's 会场
 * during a vote and every stage of the screen; and what axe cannot judge is measured: tablet
 * status text ≥ 18 px, projector text ≥ 1/40 of the screen height, the tablet whole at 200 % text.
 */

/** A tablet page: a phone or an iPad, text at `textScale` (200 % as a deputy sets it). */
async function openTablet(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  textScale = 1,
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch: true })
  if (textScale !== 1) {
    // What the system's text size does to a page: the root font grows, and with it every rem.
    await context.addInitScript((scale) => {
      document.addEventListener('DOMContentLoaded', () => {
        document.documentElement.style.fontSize = `${16 * scale}px`
      })
    }, textScale)
  }
  const page = await context.newPage()
  await page.goto(url)
  return page
}

async function hall(host: { staffToken: string }, base: string) {
  const driver = new HallDriver(base, host.staffToken)
  await expect.poll(() => driver.staff.connected).toBe(true)
  return driver
}

test('axe finds nothing critical or serious on the tablet, the console and the screen', async ({
  browser,
  page,
  host,
  base,
}) => {
  await host.meetings.loadDemo(40)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const deputies = host.session.meeting.data.deputies
  const projects = host.session.meeting.data.projects.map((p) => p.id)
  const driver = await hall(host, base)
  await driver.checkIn(deputies.slice(1, 26).map((d) => d.credential))
  const voteId = await driver.createVote(
    '2027年度民生实事项目逐项表决',
    { ...defaultRules('per-item', 13), timeLimit: { seconds: 600, onExpiry: 'warn' } },
    projects,
  )
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: join(artifactsDir, `a11y-${name}.png`), fullPage: false })

  // The tablet, waiting.
  const tablet = await openTablet(browser, `${base}/tablet/#c=${deputies[0]!.credential}`, {
    width: 768,
    height: 1024,
  })
  await expect(tablet.getByTestId('tablet-message')).toBeVisible()
  await expectAxeClean(tablet, 'tablet waiting')
  for (const { px, text } of await textSizes(tablet))
    expect.soft(px, `tablet text “${text}”`).toBeGreaterThanOrEqual(18)

  // The ballot, with 赞成 chosen on one item and 反对 on another.
  await driver.call('vote:open', { voteId })
  await expect(tablet.getByTestId(`candidate-${projects[0]}`)).toBeVisible()
  await tablet.getByTestId(`mark-${projects[0]}-for`).click()
  await tablet.getByTestId(`mark-${projects[1]}-against`).click()
  await tablet.getByTestId(`mark-${projects[2]}-abstain`).click()
  // A chosen mark says so by a sign as well as by colour.
  await expect(tablet.getByTestId(`mark-${projects[0]}-for`)).toContainText('✓')
  await expectAxeClean(tablet, 'tablet ballot')
  for (const id of ['countdown', 'marked-count', 'connection'])
    expect(
      await tablet.getByTestId(id).evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      `tablet ${id}`,
    ).toBeGreaterThanOrEqual(18)
  await expect(tablet.getByTestId('countdown')).toHaveAttribute('role', 'timer')
  await shot(tablet, 'tablet-ballot')

  // The console's 会场 during the vote.
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('live-section')).toBeVisible()
  await expectAxeClean(page, 'console 会场 during a vote')
  await shot(page, 'console-hall')

  // Review and 已记录.
  for (const id of projects.slice(3)) await tablet.getByTestId(`mark-${id}-for`).click()
  await tablet.getByRole('button', { name: '核对选票' }).click()
  await expect(tablet.getByTestId('review')).toBeVisible()
  await expectAxeClean(tablet, 'tablet review')
  await tablet.getByTestId('confirm').click()
  await expect(tablet.getByTestId('recorded')).toBeVisible()
  // Announced to a screen reader when it appears.
  await expect(tablet.getByRole('status').filter({ hasText: '已记录' })).toBeVisible()
  await expectAxeClean(tablet, 'tablet 已记录')
  await shot(tablet, 'tablet-recorded')

  // The screen, each stage, at 1280×720: axe, and no text under 1/40 of the height.
  const screenContext = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'zh-CN',
  })
  const screen = await screenContext.newPage()
  await screen.goto(`${base}/screen/?motion=off`)
  await driver.cast(
    voteId,
    deputies.slice(1, 26).map(() => Object.fromEntries(projects.map((p) => [p, 'for' as const]))),
  )
  const stages = ['welcome', 'checkin', 'rules', 'voting', 'results', 'final', 'blank'] as const
  for (const stage of stages) {
    if (stage === 'results') {
      await driver.call('vote:close', { voteId })
      await driver.call('vote:publish', { voteId })
    }
    await driver.call('screen:show', { stage, voteId })
    await expect(screen.getByTestId('screen-root')).toHaveAttribute('data-stage', stage)
    await screen.waitForTimeout(300)
    await expectAxeClean(screen, `screen ${stage}`)
    for (const { px, text } of await textSizes(screen, '[data-testid="screen-root"]'))
      expect.soft(px, `screen ${stage}: “${text}”`).toBeGreaterThanOrEqual(720 / 40)
    await shot(screen, `screen-${stage}`)
  }
  // A hall may run the projector dark (?theme=dark): the stages with colour and grey text.
  await screen.goto(`${base}/screen/?motion=off&theme=dark`)
  for (const stage of ['checkin', 'results', 'final'] as const) {
    await driver.call('screen:show', { stage, voteId })
    await expect(screen.getByTestId('screen-root')).toHaveAttribute('data-stage', stage)
    await screen.waitForTimeout(300)
    await expectAxeClean(screen, `dark screen ${stage}`)
    await shot(screen, `screen-dark-${stage}`)
  }
  driver.close()
})

test('the tablet is whole at 200 % text on a phone and an iPad', async ({
  browser,
  host,
  base,
}) => {
  await host.meetings.loadDemo(20)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const deputies = host.session.meeting.data.deputies
  const projects = host.session.meeting.data.projects.map((p) => p.id)
  const driver = await hall(host, base)
  const voteId = await driver.createVote(
    '2027年度民生实事项目票决',
    { ...defaultRules('select', 10), timeLimit: { seconds: 900, onExpiry: 'warn' } },
    projects,
  )
  const devices = [
    { name: 'phone', viewport: { width: 390, height: 844 }, deputy: deputies[0]! },
    { name: 'ipad', viewport: { width: 768, height: 1024 }, deputy: deputies[1]! },
  ]
  const tablets: Page[] = []
  for (const device of devices) {
    const tablet = await openTablet(
      browser,
      `${base}/tablet/#c=${device.deputy.credential}`,
      device.viewport,
      2,
    )
    await expect(tablet.getByTestId('tablet-message')).toBeVisible()
    tablets.push(tablet)
  }
  await driver.call('vote:open', { voteId })
  for (const [i, device] of devices.entries()) {
    const tablet = tablets[i]!
    const last = tablet.getByTestId(`candidate-${projects.at(-1)}`)
    await expect(last).toBeVisible()
    // The countdown reads whole, never “剩…”.
    const countdown = tablet.getByTestId('countdown')
    await expect(countdown).toHaveText(/剩余 1[45]:\d\d/)
    expect(
      await countdown.evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
      `${device.name}: countdown cut`,
    ).toBe(true)
    // Scrolled to the end, the last candidate sits above the fixed bar, and can be chosen.
    await tablet.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await tablet.waitForTimeout(200)
    const bar = await tablet.getByTestId('ballot-bar').boundingBox()
    const box = await last.boundingBox()
    expect(bar && box, 'bar and last candidate').toBeTruthy()
    expect(
      box!.y + box!.height,
      `${device.name}: last candidate under the bar`,
    ).toBeLessThanOrEqual(bar!.y + 1)
    await last.click()
    await expect(last).toHaveAttribute('aria-checked', 'true')
    // Every word of the bar whole: its button grows with the text instead of cutting it.
    for (const id of ['selected-count', 'review-button'])
      expect(
        await tablet.getByTestId(id).evaluate((el) =>
          [el, ...el.querySelectorAll('*')]
            // What clips (overflow other than visible) and has more than it shows.
            .filter(
              (e) =>
                getComputedStyle(e).overflow !== 'visible' &&
                (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1),
            )
            .map(
              (e) =>
                `${e.className} ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`,
            ),
        ),
        `${device.name}: ${id} cut`,
      ).toEqual([])
    // Nothing wider than the screen.
    expect(
      await tablet.evaluate(() => document.documentElement.scrollWidth),
      `${device.name}: page wider than the screen`,
    ).toBeLessThanOrEqual(device.viewport.width)
    await tablet.screenshot({ path: join(artifactsDir, `a11y-200pct-${device.name}-end.png`) })
    await tablet.evaluate(() => window.scrollTo(0, 0))
    await tablet.waitForTimeout(200)
    await tablet.screenshot({ path: join(artifactsDir, `a11y-200pct-${device.name}-top.png`) })
  }
  driver.close()
})
