import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, test } from './host-fixture'
import {
  addSelectVote,
  castCount,
  castSelect,
  confirmDialog,
  console_,
  joinUrls,
  tablet,
} from './live-helpers'

test('a full session: 20 tablets check in, quorum, open, vote, remind, close, publish', async ({
  browser,
  page,
  host,
  base,
}) => {
  test.setTimeout(300_000)
  await host.meetings.loadDemo(24)
  await console_(page, host)
  await expect(page.getByTestId('live-roster')).toHaveText('24')
  await expect(page.getByTestId('live-quorum')).toHaveText('未达法定人数')
  const urls = joinUrls(host, base)
  const deputies = host.session.meeting.data.deputies

  const tablets: Page[] = []
  for (const url of urls.slice(0, 20)) tablets.push((await tablet(browser, url)).page)
  for (const t of tablets)
    await expect(t.getByTestId('tablet-message')).toHaveText('请等待表决开始')
  await expect(page.getByTestId('live-present')).toHaveText('20')
  await expect(page.getByTestId('live-quorum')).toHaveText('已达法定人数')

  // Staff check in one deputy by name and mark another on leave.
  const [late, away] = [deputies[20], deputies[21]]
  if (!late || !away) throw new Error('demo has 24 deputies')
  await page.keyboard.press('Alt+K')
  await page.keyboard.type(late.name)
  await page.getByTestId(`checkin-row-${late.id}`).getByRole('button', { name: '报到' }).click()
  await page.getByTestId('checkin-search').fill(away.name)
  await page.getByTestId(`checkin-row-${away.id}`).getByRole('button', { name: '请假' }).click()
  await page.getByTestId('leave-reason').fill('因公出差')
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('live-present')).toHaveText('21')
  await expect(page.getByTestId('live-leave')).toHaveText('1')
  await expect(page.getByTestId('live-absent')).toHaveText('2')

  await addSelectVote(page)
  await expect(page.getByTestId('live-vote-status')).toHaveText('未开始')
  await page.keyboard.press('Alt+O')
  // Opening names the vote and its kind, and says how many ballots go out.
  await expect(page.getByTestId('open-question')).toContainText(
    '确定开启“2027年度民生实事项目票决”（差额票决）吗？将向实到的 21 名代表发出选票',
  )
  await page.getByTestId('confirm-dialog-ok').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('投票中')
  await expect(page.getByTestId('live-turnout')).toHaveText('已投 0 · 未投 21 · 发出 21')

  // Eighteen vote; two tablets and the deputy without one do not.
  await Promise.all(
    tablets.slice(0, 18).map(async (t, i) => {
      await castSelect(t, i % 2 ? ['P01', 'P03'] : ['P01', 'P02'])
      await expect(t.getByTestId('recorded')).toHaveText('已记录')
    }),
  )
  await expect(page.getByTestId('live-turnout')).toHaveText('已投 18 · 未投 3 · 发出 21')
  const notVoted = page.getByTestId('live-not-voted')
  for (const d of [deputies[18], deputies[19], late])
    await expect(notVoted).toContainText(d?.name ?? '?')
  await expect(notVoted.locator('tr')).toHaveCount(3)

  await page.keyboard.press('Alt+R')
  await expect(page.getByTestId('live-notice')).toHaveText('已向 2 台在线平板发送提醒')
  const [t18, t19] = [tablets[18], tablets[19]] as [Page, Page]
  await expect(t18.getByTestId('remind')).toBeVisible()
  await expect(t19.getByTestId('remind')).toBeVisible()
  await expect((tablets[0] as Page).getByTestId('remind')).toHaveCount(0)
  await t18.screenshot({ path: join(artifactsDir, 'live-tablet-remind-768x1024.png') })
  await t18.getByRole('button', { name: '知道了' }).click()
  await castSelect(t18, ['P05'])
  await expect(t18.getByTestId('recorded')).toHaveText('已记录')

  await page.keyboard.press('Alt+C')
  await confirmDialog(page)
  await expect(page.getByTestId('live-vote-status')).toHaveText('已结束（待公布）')
  await expect(t19.getByTestId('ended-closed')).toHaveText('投票已结束')
  await expect(page.getByTestId('live-result')).toContainText('发出 21 · 收回 19 · 有效 19')
  await page.getByTestId('live-publish').click()
  await confirmDialog(page)
  await expect(page.getByTestId('live-vote-status')).toHaveText('已公布')
  const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  await screen.goto(`${base}/screen/`)
  await expect(screen.getByTestId('count-cast')).toHaveText('19')
  await page.screenshot({ path: join(artifactsDir, 'live-console-published.png'), fullPage: true })
})

test('a tablet offline mid-submit comes back: exactly one ballot; a reload shows 已记录', async ({
  browser,
  page,
  host,
  base,
}) => {
  await host.meetings.loadDemo(3)
  await console_(page, host)
  const [url] = joinUrls(host, base)
  const { page: t, context } = await tablet(browser, url ?? '')
  await expect(t.getByTestId('tablet-message')).toHaveText('请等待表决开始')
  // A tablet is checked in: changing the quorum now asks first.
  await page.getByTestId('quorum-rule').selectOption('0/1')
  await page.getByRole('dialog').getByRole('button', { name: '更改' }).click()
  await addSelectVote(page)
  await page.getByTestId('live-open').click()
  await page.getByTestId('confirm-dialog-ok').click()
  await expect(t.getByTestId('selected-count')).toBeVisible()

  await t.getByTestId('candidate-P02').click()
  await t.getByRole('button', { name: '核对选票' }).click()
  await context.setOffline(true)
  await t.getByTestId('confirm').click()
  await expect(t.getByText('正在提交，请稍候…')).toBeVisible()
  await expect(t.getByTestId('offline')).toBeVisible({ timeout: 30_000 })
  await t.screenshot({ path: join(artifactsDir, 'live-tablet-offline-768x1024.png') })
  await context.setOffline(false)
  await expect(t.getByTestId('recorded')).toHaveText('已记录', { timeout: 30_000 })
  await expect(page.getByTestId('live-turnout')).toHaveText('已投 1 · 未投 0 · 发出 1')
  expect(castCount(host)).toBe(1)

  await t.reload()
  await expect(t.getByTestId('recorded')).toHaveText('已记录')
  expect(castCount(host)).toBe(1)
  const box = host.session.loadedBox(host.session.meeting.data.votes[0]!.id)
  expect(box?.ballots()).toEqual([{ count: 1, marks: { P02: 'for' } }])
})

test('a second tablet takes over a credential; the first says so', async ({
  browser,
  host,
  base,
}) => {
  await host.meetings.loadDemo(3)
  const [url] = joinUrls(host, base)
  const first = await tablet(browser, url ?? '')
  await expect(first.page.getByTestId('tablet-message')).toHaveText('请等待表决开始')
  const second = await tablet(browser, url ?? '', { width: 1024, height: 768 })
  await expect(second.page.getByTestId('tablet-message')).toHaveText('请等待表决开始')
  await expect(first.page.getByTestId('tablet-message')).toHaveText(
    '您的代表凭证已在另一台平板上打开，本机已停止使用。',
  )
  // A stopped tablet is not reconnecting: no connection state beside the message.
  await expect(first.page.getByTestId('connection')).toHaveCount(0)
  await first.page.screenshot({ path: join(artifactsDir, 'live-tablet-replaced-768x1024.png') })
})

test('a deputy on leave opens the card: the tablet says so until staff confirm the check-in', async ({
  browser,
  page,
  host,
  base,
}) => {
  await host.meetings.loadDemo(3)
  const away = host.session.meeting.data.deputies[0]
  if (!away) throw new Error('demo has deputies')
  await host.attendance.set({ deputyIds: [away.id], state: 'leave' })
  await console_(page, host)

  const [url] = joinUrls(host, base)
  const t = (await tablet(browser, url ?? '')).page
  await expect(t.getByTestId('on-leave')).toHaveText(
    '您已登记请假。如已到会，请联系会务人员确认报到。',
  )
  await t.screenshot({ path: join(artifactsDir, 'live-tablet-on-leave-768x1024.png') })

  const asked = page.getByTestId(`leave-opened-${away.id}`)
  await expect(asked).toContainText('请假，已打开代表证')
  await expect(page.getByTestId('live-leave')).toHaveText('1')
  await page
    .getByTestId('leave-opened')
    .screenshot({ path: join(artifactsDir, 'live-console-leave-opened.png') })
  await asked.getByRole('button', { name: '确认报到' }).click()

  await expect(t.getByTestId('tablet-message')).toHaveText('请等待表决开始')
  await expect(page.getByTestId('leave-opened')).toHaveCount(0)
  await expect(page.getByTestId('live-present')).toHaveText('1')
  const log = await host.session.audit.entries()
  expect(log.map((e) => e.type)).toContain('deputy.card-opened-on-leave')
  expect(log.at(-1)?.data).toEqual({ deputyIds: [away.id], via: 'staff-confirmed' })
})

test('paper entry for a deputy whose tablet failed; a tie leads to a run-off', async ({
  browser,
  page,
  host,
  base,
}) => {
  test.setTimeout(180_000)
  await host.meetings.loadDemo(6)
  await console_(page, host)
  const urls = joinUrls(host, base)
  // Five tablets; the sixth deputy's tablet failed, so staff check them in.
  const tablets: Page[] = []
  for (const url of urls.slice(0, 5)) tablets.push((await tablet(browser, url)).page)
  const sixth = host.session.meeting.data.deputies[5]
  if (!sixth) throw new Error('six deputies')
  await page.getByTestId('checkin-search').fill(sixth.name)
  await page.getByTestId(`checkin-row-${sixth.id}`).getByRole('button', { name: '报到' }).click()
  await expect(page.getByTestId('live-present')).toHaveText('6')
  await addSelectVote(page)
  await page.getByTestId('live-open').click()
  await page.getByTestId('confirm-dialog-ok').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('投票中')

  // Eight projects for all; P09, P10, P11 two of three each: 4 votes apiece, two seats left.
  const base8 = ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08']
  const pairs = [
    ['P09', 'P10'],
    ['P09', 'P11'],
    ['P10', 'P11'],
    ['P09', 'P10'],
    ['P09', 'P11'],
    ['P10', 'P11'],
  ]
  for (const [i, t] of tablets.entries()) {
    await castSelect(t, [...base8, ...(pairs[i] ?? [])])
    await expect(t.getByTestId('recorded')).toHaveText('已记录')
  }
  await page.getByTestId('paper-open').click()
  await page.getByTestId('paper-deputy').selectOption(sixth.id)
  for (const id of [...base8, ...(pairs[5] ?? [])]) await page.getByTestId(`paper-${id}`).check()
  await page.screenshot({ path: join(artifactsDir, 'live-console-paper.png'), fullPage: true })
  await page.getByTestId('paper-save').click()
  await confirmDialog(page)
  await expect(page.getByTestId('live-turnout')).toHaveText('已投 6 · 未投 0 · 发出 6')
  await expect(page.getByTestId('live-not-voted').locator('tr')).toHaveCount(0)

  await page.getByTestId('live-close').click()
  await confirmDialog(page)
  await expect(page.getByTestId('live-tie')).toContainText('争 2 个名额')
  await page.getByTestId('live-runoff').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('未开始')
  await page.getByTestId('live-open').click()
  await page.getByTestId('confirm-dialog-ok').click()
  const t0 = tablets[0] as Page
  await expect(t0.getByTestId('selected-count')).toHaveText('已选 0 / 最多 2')
  await expect(t0.locator('[data-testid^="candidate-"]')).toHaveCount(3)
  await page.screenshot({ path: join(artifactsDir, 'live-console-runoff.png'), fullPage: true })
})

test('tablet states at 768×1024 and 1024×768, every kind of ballot', async ({
  browser,
  host,
  base,
}) => {
  test.setTimeout(180_000)
  await host.meetings.loadDemo(3)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const ids = host.session.meeting.data.projects.map((p) => p.id)
  const votes = [
    { title: '2027年度民生实事项目票决', rules: defaultRules('select', 3), ids: ids.slice(0, 5) },
    {
      title: '2027年度民生实事项目逐项表决',
      rules: defaultRules('per-item', 5),
      ids: ids.slice(0, 5),
    },
    // A motion's one item is the motion itself (M1), from its own text.
    { title: '关于民生实事项目的决议', rules: defaultRules('motion'), ids: ['M1'] },
    {
      title: '2026年度民生实事项目满意度测评',
      rules: { ...defaultRules('rating'), timeLimit: { seconds: 600, onExpiry: 'warn' as const } },
      ids: ids.slice(0, 4),
    },
  ]
  const [url] = joinUrls(host, base)
  for (const viewport of [
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
  ]) {
    const size = `${viewport.width}x${viewport.height}`
    const shot = (p: Page, name: string) =>
      p.screenshot({ path: join(artifactsDir, `live-tablet-${name}-${size}.png`) })
    const { page: t, context } = await tablet(browser, url ?? '', viewport)
    // Before any vote it waits; after one it says how the last one ended.
    await expect(t.getByTestId('tablet-message').or(t.getByTestId('ended'))).toBeVisible()
    await shot(t, 'waiting')
    for (const v of votes) {
      const motion = v.rules.kind === 'motion'
      const { voteId } = await host.votes.create({
        title: v.title,
        rules: v.rules,
        candidateIds: motion ? [] : v.ids,
        motion: motion
          ? { title: '关于2027年度民生实事项目的决议（草案）', docNumber: '青人大〔2027〕3号' }
          : null,
      })
      await host.votes.open({ voteId })
      const kind = v.rules.kind
      if (kind === 'select') {
        for (const id of v.ids.slice(0, 4)) await t.getByTestId(`candidate-${id}`).click()
        await expect(t.getByTestId('selected-count')).toHaveText('已选 3 / 最多 3')
        await expect(t.getByText('最多只能选 3 项')).toBeVisible()
        await shot(t, `${kind}-full`)
      } else {
        await expect(t.getByTestId('marked-count')).toBeVisible()
        await expect(t.getByRole('button', { name: '核对选票' })).toBeDisabled()
        const first = kind === 'rating' ? 'satisfied' : 'for'
        for (const id of v.ids.slice(0, -1)) await t.getByTestId(`mark-${id}-${first}`).click()
        await shot(t, `${kind}-incomplete`)
        await t.getByTestId(`mark-${v.ids.at(-1)}-abstain`).click()
      }
      await t.getByRole('button', { name: '核对选票' }).click()
      await shot(t, `${kind}-review`)
      await t.getByTestId('confirm').click()
      await expect(t.getByTestId('recorded')).toHaveText('已记录')
      await shot(t, `${kind}-recorded`)
      await host.votes.close(voteId)
      await expect(t.getByTestId('ended-closed')).toHaveText('投票已结束')
    }
    await context.close()
  }
})
