import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { HostHandle } from '../electron/host'
import { layoutSeats } from '../shared/hall/seat-map'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, test } from './host-fixture'

/**
 * Issue 29, item 11: the seat map in the console's 会场 (present, absent, on leave; during a vote,
 * voted or not, never how) and on the projector's 座位图 stage, in real Chromium.
 */

const consoleSize = { width: 1366, height: 900 }
const screenSizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(artifactsDir, `seats-${name}.png`) })
}

async function hall(page: Page, host: HostHandle) {
  await page.setViewportSize(consoleSize)
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('seat-map-panel')).toBeVisible()
}

/** Where deputy `index` of the roster sits on the console's canvas, in CSS pixels. */
async function seatPoint(page: Page, host: HostHandle, index: number, off = 0) {
  const layout = layoutSeats(host.session.meeting.data.deputies.map((d) => d.seat))
  const seat = layout.seats.find((s) => s.index === index)
  if (!seat) throw new Error(`deputy ${index} has no seat on the map`)
  const map = page.getByTestId('seat-map')
  const [cell, left, top] = await Promise.all(
    ['data-cell', 'data-left', 'data-top'].map(async (a) => Number(await map.getAttribute(a))),
  )
  return { x: left! + (seat.x + 0.5 + off) * cell!, y: top! + (seat.y + 0.5 + off) * cell! }
}

/**
 * The colour drawn at the centre of deputy `index`'s seat (or `off` cells down and right of it),
 * as #rrggbb ('none': nothing).
 */
async function seatColour(page: Page, host: HostHandle, index: number, off = 0): Promise<string> {
  const { x, y } = await seatPoint(page, host, index, off)
  return page.getByTestId('seat-map').evaluate(
    (canvas: HTMLCanvasElement, at) => {
      const ratio = window.devicePixelRatio || 1
      const [r, g, b, a] = canvas
        .getContext('2d')!
        .getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data
      if (a === 0) return 'none'
      return '#' + [r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')
    },
    { x, y },
  )
}

test('the seat map shows who is here, then who has not voted, in 会场 and on the projector', async ({
  page,
  browser,
  host,
}) => {
  test.setTimeout(180_000)
  await host.meetings.loadDemo(120)
  const deputies = host.session.meeting.data.deputies
  await host.attendance.setQuorum({ numerator: 1, denominator: 2 })
  const ids = deputies.map((d) => d.id)
  // 100 checked in, 6 on leave, the rest absent.
  await host.attendance.set({ deputyIds: ids.slice(0, 100), state: 'present' })
  await host.attendance.set({ deputyIds: ids.slice(100, 106), state: 'leave' })
  const { PreparationService } = await import('../electron/host/services/preparation.service')
  const prep = new PreparationService(host.hall)
  // Two seats an office might type that no map can place: listed beside it.
  await prep.updateDeputy({ ...deputies[118]!, deputyId: ids[118], seat: '0312' })
  await prep.updateDeputy({ ...deputies[119]!, deputyId: ids[119], seat: '贵宾席' })

  await hall(page, host)
  const panel = page.getByTestId('seat-map-panel')
  await expect(panel).toHaveAttribute('data-mode', 'checkin')
  await expect(page.getByTestId('seat-count-present')).toHaveText('100')
  await expect(page.getByTestId('seat-count-leave')).toHaveText('6')
  await expect(page.getByTestId('seat-count-absent')).toHaveText('14')
  await expect(page.getByTestId('seat-unplaced')).toContainText(
    '以下 2 位代表的座位号无法画入座位图',
  )
  await expect(page.getByTestId(`seat-unplaced-${ids[118]}`)).toContainText('（0312）· 未报到')
  expect(await seatColour(page, host, 0)).toBe('#2b8a3e')
  // On leave: yellow, struck through corner to corner.
  expect(await seatColour(page, host, 103, 0.2)).toBe('#ffd43b')
  expect(await seatColour(page, host, 103)).toBe('#5c3c00')
  // Absent is hollow: nothing is drawn at the centre of the seat.
  expect(await seatColour(page, host, 110)).toBe('none')
  const first = await seatPoint(page, host, 0)
  const map = page.getByTestId('seat-map')
  await map.hover({ position: first })
  await expect(page.getByTestId('seat-detail')).toHaveText(
    `${deputies[0]!.seat} · ${deputies[0]!.name} · ${deputies[0]!.delegation} · 已报到`,
  )
  await panel.scrollIntoViewIfNeeded()
  await shot(page, 'console-checkin')
  // A reload lands on 会场 again, the roster arriving after the state: the map is drawn.
  await page.reload()
  await expect(page.getByTestId('seat-map')).toHaveAttribute('data-draw-ms', /\d/)
  expect(await seatColour(page, host, 0)).toBe('#2b8a3e')

  // A vote: 80 of the 100 vote; the other 20 are found on the map.
  const { voteId } = await host.votes.create({
    title: '2027年度民生实事项目票决',
    rules: defaultRules('select', 10),
    candidateIds: host.session.meeting.data.projects.map((p) => p.id),
  })
  await host.votes.open({ voteId })
  for (const [i, id] of ids.slice(0, 80).entries()) {
    await host.votes.submit(id, { voteId, ballotId: `seat-map-${i}-ballot`, marks: { P01: 'for' } })
  }
  await expect(panel).toHaveAttribute('data-mode', 'vote')
  await expect(page.getByTestId('seat-count-not-voted')).toHaveText('20')
  await expect(page.getByTestId('seat-count-voted')).toHaveText('80')
  expect(await seatColour(page, host, 5)).toBe('#a5d8ff')
  expect(await seatColour(page, host, 85)).toBe('#d9480f')
  await map.click({ position: await seatPoint(page, host, 85) })
  await page.mouse.move(0, 0)
  await expect(page.getByTestId('seat-detail')).toHaveText(
    `${deputies[85]!.seat} · ${deputies[85]!.name} · ${deputies[85]!.delegation} · 未投票`,
  )
  // Whether, never how: nothing on the panel names a mark.
  await expect(panel).not.toContainText('赞成')
  await panel.scrollIntoViewIfNeeded()
  await shot(page, 'console-vote')

  // The projector, during check-in: seats and attendance, no names and no votes.
  await host.votes.close(voteId)
  const context = await browser.newContext({ viewport: screenSizes[0], locale: 'zh-CN' })
  const screen = await context.newPage()
  await screen.goto(`${new URL(host.consoleUrl).origin}/screen/?motion=off`)
  await page.getByTestId('screen-show-seats').click()
  await expect(screen.getByTestId('screen-root')).toHaveAttribute('data-stage', 'seats')
  await expect(screen.getByTestId('seat-count-present')).toHaveText('100')
  await expect(screen.getByTestId('seat-count-leave')).toHaveText('6')
  await expect(screen.getByTestId('seats-unplaced')).toHaveText('另有 2 位代表的座位未能画出')
  await expect(screen.getByTestId('stage-seats')).not.toContainText(deputies[0]!.name)
  for (const size of screenSizes) {
    await screen.setViewportSize(size)
    await screen.waitForTimeout(300)
    await screen.screenshot({
      path: join(artifactsDir, `seats-screen-${size.width}x${size.height}.png`),
    })
  }
  await context.close()
})

test('a hall of 3,000 draws in milliseconds on the console and the projector', async ({
  page,
  browser,
  host,
}) => {
  test.setTimeout(180_000)
  await host.meetings.loadDemo(3000)
  const ids = host.session.meeting.data.deputies.map((d) => d.id)
  await host.attendance.set({ deputyIds: ids.slice(0, 2400), state: 'present' })
  await host.attendance.set({ deputyIds: ids.slice(2400, 2450), state: 'leave' })
  await host.attendance.setQuorum({ numerator: 1, denominator: 2 })
  const { voteId } = await host.votes.create({
    title: '2027年度民生实事项目票决',
    rules: defaultRules('select', 10),
    candidateIds: host.session.meeting.data.projects.map((p) => p.id),
  })
  await host.votes.open({ voteId })
  for (let i = 0; i < 2400; i += 3) {
    await host.votes.submit(ids[i]!, { voteId, ballotId: `big-hall-${i}-ballot`, marks: {} })
  }
  await hall(page, host)
  await expect(page.getByTestId('seat-count-voted')).toHaveText('800')
  await expect(page.getByTestId('seat-count-not-voted')).toHaveText('1600')
  const map = page.getByTestId('seat-map')
  await expect(map).toHaveAttribute('data-draw-ms', /\d/)
  const consoleMs = Number(await map.getAttribute('data-draw-ms'))
  await page.getByTestId('seat-map-panel').scrollIntoViewIfNeeded()
  await shot(page, 'console-3000')

  const context = await browser.newContext({ viewport: screenSizes[1], locale: 'zh-CN' })
  const screen = await context.newPage()
  await screen.goto(`${new URL(host.consoleUrl).origin}/screen/?motion=off`)
  await page.getByTestId('screen-show-seats').click()
  await expect(screen.getByTestId('seat-count-present')).toHaveText('2400')
  const screenMap = screen.getByTestId('seat-map')
  await expect(screenMap).toHaveAttribute('data-draw-ms', /\d/)
  const screenMs = Number(await screenMap.getAttribute('data-draw-ms'))
  await screen.screenshot({ path: join(artifactsDir, 'seats-screen-3000-1920x1080.png') })
  await context.close()
  console.log(`3,000 seats drawn: console ${consoleMs} ms, screen ${screenMs} ms`)
  // Measured 20-25 ms each here (the first draw, fonts and all). The bound is loose: this runs
  // on a shared CI core beside other jobs, not on a hall laptop of its own.
  expect(consoleMs).toBeLessThan(100)
  expect(screenMs).toBeLessThan(100)
})

test('a roster whose seats cannot be placed is listed instead, on the console and the screen', async ({
  page,
  browser,
  host,
}) => {
  await host.meetings.loadDemo(12)
  const { PreparationService } = await import('../electron/host/services/preparation.service')
  const prep = new PreparationService(host.hall)
  for (const [i, d] of host.session.meeting.data.deputies.entries()) {
    await prep.updateDeputy({ ...d, deputyId: d.id, seat: String(101 + i).padStart(4, '0') })
  }
  const ids = host.session.meeting.data.deputies.map((d) => d.id)
  await host.attendance.set({ deputyIds: ids.slice(0, 5), state: 'present' })
  await hall(page, host)
  await expect(page.getByTestId('seat-map')).toHaveCount(0)
  const list = page.getByTestId('seat-unplaced')
  await expect(list).toContainText('名单中的座位号无法画成座位图')
  await expect(list.locator('[data-testid^=seat-unplaced-]')).toHaveCount(12)
  await expect(page.getByTestId(`seat-unplaced-${ids[0]}`)).toContainText('（0101）· 已报到')
  await page.getByTestId('seat-map-panel').scrollIntoViewIfNeeded()
  await shot(page, 'console-list')

  const context = await browser.newContext({ viewport: screenSizes[0], locale: 'zh-CN' })
  const screen = await context.newPage()
  await screen.goto(`${new URL(host.consoleUrl).origin}/screen/?motion=off`)
  await page.getByTestId('screen-show-seats').click()
  await expect(screen.getByTestId('stage-seats')).toContainText('名单中的座位号无法画成座位图')
  await expect(screen.getByTestId('seat-count-present')).toHaveText('5')
  await context.close()
})
