import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { HostHandle } from '../electron/host'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { expect } from './host-fixture'

/** What the live-session specs share: tablets, the console's hall page, a small select vote. */

/** A tablet: its own browser context, so its local storage (credential, ballot) is its own. */
export async function tablet(
  browser: Browser,
  url: string,
  viewport = { width: 768, height: 1024 },
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch: true })
  const page = await context.newPage()
  await page.goto(url)
  return { page, context }
}

export function joinUrls(host: HostHandle, base: string): string[] {
  return host.session.meeting.data.deputies.map(
    (d) => `${base}/tablet/#c=${encodeURIComponent(d.credential)}`,
  )
}

export async function castSelect(page: Page, ids: string[], k = 10) {
  await expect(page.getByTestId('selected-count')).toHaveText(`已选 0 / 最多 ${k}`)
  for (const id of ids) await page.getByTestId(`candidate-${id}`).click()
  await page.getByRole('button', { name: '核对选票' }).click()
  await page.getByTestId('confirm').click()
}

export async function console_(page: Page, host: HostHandle) {
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('live-section')).toBeVisible()
}

/** The 13选10 preset lives on the agenda; the vote is then run from the hall. */
export async function addSelectVote(page: Page) {
  await page.getByTestId('nav-agenda').click()
  await page.getByRole('button', { name: '新建差额票决（13选10）' }).click()
  await page.getByTestId('nav-hall').click()
}

export const confirmDialog = (page: Page) =>
  page.getByRole('dialog').getByRole('button', { name: '确定' }).click()

export const castCount = (host: HostHandle) => {
  const open = host.session.meeting.data.votes.at(-1)
  return open ? (host.session.loadedBox(open.id)?.castCount ?? 0) : 0
}

/** A demo of three deputies, no quorum needed, and a draft 4选3 vote on P01-P04. */
export async function selectVote(
  host: HostHandle,
  title: string,
  rules: { allowChange?: boolean } = {},
) {
  await host.meetings.loadDemo(3)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const { voteId } = await host.votes.create({
    title,
    rules: { ...defaultRules('select', 3), ...rules },
    candidateIds: ['P01', 'P02', 'P03', 'P04'],
  })
  return voteId
}

/** Everything the tablet's page keeps in its storage, as one text. */
export const storedOnTablet = (t: Page) =>
  t.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }))
