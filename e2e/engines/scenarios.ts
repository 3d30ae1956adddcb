import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import type { HostHandle } from '../../electron/host'
import type { VoteId } from '../../shared/protocol/ids'
import { defaultRules } from '../../shared/protocol/vote-rules.schema'
import type { VoteRulesInput } from '../../shared/protocol/vote-rules.schema'
import { artifactsDir } from '../host-fixture'
import { HallDriver } from '../screen-driver'
import type { EnginePage } from './engine-page'
import { byTestId, clickTestId, settled, textOf, waitForTestId, waitForText } from './engine-page'

/**
 * What a deputy does on a tablet, and what the projector shows, written once for every engine
 * (engine-page.ts): the staff side is driven through the console's Socket.IO API, as the
 * console sends it.
 */

export const tabletViewport = { width: 768, height: 1024 }
export const screenViewport = { width: 1920, height: 1080 }

/** Screenshots go with the others (artifacts/screenshots), named by engine. */
export async function shot(page: EnginePage, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true })
  await settled(page)
  await page.screenshot(join(artifactsDir, `engines-${name}.png`))
}

/** A demo of three deputies, no quorum needed, a draft vote on P01-P04 (4选3), and the staff. */
export async function hallWithVote(
  host: HostHandle,
  base: string,
  rules: VoteRulesInput = defaultRules('select', 3),
) {
  await host.meetings.loadDemo(3)
  const hall = new HallDriver(base, host.staffToken)
  await hall.call('meeting:set-quorum', { numerator: 0, denominator: 1 })
  const voteId = await hall.createVote('2027年度民生实事项目票决', rules, [
    'P01',
    'P02',
    'P03',
    'P04',
  ])
  const deputies = host.session.meeting.data.deputies
  return { hall, voteId, deputies }
}

const castCount = (host: HostHandle, voteId: string) =>
  host.session.loadedBox(voteId as VoteId)?.castCount ?? 0

const presentCount = (host: HostHandle) =>
  host.session.meeting.data.deputies.filter((d) => d.present).length

/** The tablet's address and everything its storage holds, on every engine alike. */
const stored = (page: EnginePage) =>
  page.run<{ hash: string; keys: string[]; text: string }>(
    'return { hash: location.hash, keys: Object.keys(localStorage), text: JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }) }',
  )

/** Acknowledged: nothing left on the tablet shows how it voted (README: What a tablet keeps). */
const ballotGone = /P0\d|"marks"|plenary\.ballot|plenary\.draft/

/**
 * A deputy opens their card's URL, waits, receives the vote staff open, marks two projects,
 * reloads in the middle (the marks stay), reviews and confirms, sees 已记录, reloads (still 已记录,
 * still joined), and sees the vote end.
 */
export async function tabletScenario(
  page: EnginePage,
  host: HostHandle,
  base: string,
  name: string,
) {
  const { hall, voteId, deputies } = await hallWithVote(host, base)
  try {
    const deputy = deputies[0]
    if (!deputy) throw new Error('no deputy')
    await page.goto(`${base}/tablet/#c=${encodeURIComponent(deputy.credential)}`)
    // An iPad in portrait: the page itself gets 768×1024 (WebKit's toolbar is outside it).
    expect(await page.run('return { width: innerWidth, height: innerHeight }')).toEqual(
      tabletViewport,
    )
    await waitForText(page, 'tablet-message', '请等待表决开始')
    expect(await textOf(page, 'deputy-name')).toContain(deputy.name)
    // The card's credential is kept and gone from the address bar.
    await expect.poll(() => stored(page), { timeout: 30_000 }).toMatchObject({ hash: '' })
    expect((await stored(page)).keys.length).toBeGreaterThan(0)
    await expect.poll(() => presentCount(host), { timeout: 30_000 }).toBe(1)
    await shot(page, `${name}-tablet-waiting`)

    await hall.call('vote:open', { voteId })
    await waitForText(page, 'selected-count', '已选 0 / 最多 3')
    await clickTestId(page, 'candidate-P01')
    await clickTestId(page, 'candidate-P03')
    await waitForText(page, 'selected-count', '已选 2 / 最多 3')
    expect(await checked(page, 'candidate-P03')).toBe('true')
    await shot(page, `${name}-tablet-ballot`)

    // A reload before confirming keeps the marks (this tab's sessionStorage).
    await page.reload()
    await waitForText(page, 'selected-count', '已选 2 / 最多 3')
    expect(await checked(page, 'candidate-P01')).toBe('true')
    expect(await checked(page, 'candidate-P02')).toBe('false')
    expect((await stored(page)).text).toMatch(/plenary\.draft/)

    await clickTestId(page, 'review-button')
    await waitForTestId(page, 'review')
    await shot(page, `${name}-tablet-review`)
    await clickTestId(page, 'confirm')
    await waitForText(page, 'recorded', '已记录')
    expect(castCount(host, voteId)).toBe(1)
    expect((await stored(page)).text).not.toMatch(ballotGone)
    await shot(page, `${name}-tablet-recorded`)

    // A reload keeps the tablet joined and recorded; nothing is sent again.
    await page.reload()
    await waitForText(page, 'recorded', '已记录')
    expect(await textOf(page, 'deputy-name')).toContain(deputy.name)
    expect(castCount(host, voteId)).toBe(1)
    await shot(page, `${name}-tablet-reloaded`)

    await hall.call('vote:close', { voteId })
    await waitForText(page, 'ended-closed', '投票已结束')
    expect(await page.problems()).toEqual([])
  } finally {
    hall.close()
  }
}

/**
 * A deputy whose tablet has no camera: the plain tablet address, the card's join code typed in
 * lower case with spaces (read as the same code), then a 逐项表决 (every item 赞成/反对/弃权),
 * 已记录, and a reload that needs no code again (the host handed the card's credential over).
 */
export async function joinCodeScenario(
  page: EnginePage,
  host: HostHandle,
  base: string,
  name: string,
) {
  const { hall, voteId, deputies } = await hallWithVote(host, base, defaultRules('per-item', 4))
  try {
    const deputy = deputies[1]
    if (!deputy) throw new Error('no deputy')
    await page.goto(`${base}/tablet/`)
    await waitForText(page, 'tablet-message', '请扫描代表证上的二维码加入')
    await page.type(byTestId('join-code-input'), deputy.joinCode.toLowerCase().replace(/-/g, ' '))
    await shot(page, `${name}-tablet-join-code`)
    await clickTestId(page, 'join-code-submit')
    await waitForText(page, 'tablet-message', '请等待表决开始')
    expect(await textOf(page, 'deputy-name')).toContain(deputy.name)

    await hall.call('vote:open', { voteId })
    await waitForText(page, 'marked-count', /^已表态 0 \/ 4 项/)
    const marks = { P01: 'for', P02: 'against', P03: 'abstain', P04: 'for' }
    for (const [id, mark] of Object.entries(marks)) await clickTestId(page, `mark-${id}-${mark}`)
    await waitForText(page, 'marked-count', '已表态 4 / 4 项')
    expect(await checked(page, 'mark-P02-against')).toBe('true')
    await shot(page, `${name}-tablet-per-item`)
    await clickTestId(page, 'review-button')
    await clickTestId(page, 'confirm')
    await waitForText(page, 'recorded', '已记录')
    expect(castCount(host, voteId)).toBe(1)

    await page.reload()
    await waitForText(page, 'recorded', '已记录')
    expect(await textOf(page, 'deputy-name')).toContain(deputy.name)
    expect(await page.problems()).toEqual([])
  } finally {
    hall.close()
  }
}

const checked = (page: EnginePage, id: string) =>
  page.run<string | null>(
    'const el = document.querySelector(arg); return el && el.getAttribute("aria-checked")',
    byTestId(id),
  )

/**
 * The projector at 1920×1080 showing a published 4选3 result: three tablets voted (through the
 * deputy socket), the chart's bars hold their counts in rank order and the stage fits the
 * screen without scrolling.
 */
export async function screenScenario(
  page: EnginePage,
  host: HostHandle,
  base: string,
  name: string,
) {
  const { hall, voteId, deputies } = await hallWithVote(host, base)
  try {
    await page.goto(`${base}/screen/`)
    await waitForTestId(page, 'stage-welcome')
    await hall.checkIn(deputies.map((d) => d.credential))
    await hall.call('vote:open', { voteId })
    await hall.cast(voteId, [
      { P01: 'for', P02: 'for', P03: 'for' },
      { P01: 'for', P03: 'for' },
      { P01: 'for', P04: 'for' },
    ])
    await waitForText(page, 'screen-turnout', '已投 3 / 发出 3')
    await hall.call('vote:close', { voteId })
    await hall.call('vote:publish', { voteId })
    await waitForTestId(page, 'results-chart')
    const counts = () =>
      page.run<string[]>(
        `return Array.from(document.querySelectorAll('[data-testid="results-chart"] [data-testid^="count-for-"]'), (el) => el.textContent)`,
      )
    await expect.poll(counts, { timeout: 30_000 }).toEqual(['3', '2', '1', '1'])
    await waitForText(page, 'count-cast', '3')
    const fits = await page.run<{
      width: number
      height: number
      scrollW: number
      scrollH: number
    }>(
      'const d = document.documentElement; return { width: innerWidth, height: innerHeight, scrollW: d.scrollWidth, scrollH: d.scrollHeight }',
    )
    expect(fits).toMatchObject({ width: 1920, height: 1080, scrollW: 1920, scrollH: 1080 })
    await shot(page, `${name}-screen-results`)
    expect(await page.problems()).toEqual([])
  } finally {
    hall.close()
  }
}
