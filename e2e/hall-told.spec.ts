import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import type { HostHandle } from '../electron/host'
import { formatJoinCode } from '../shared/protocol/join-code'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, test } from './host-fixture'
import { HallDriver } from './screen-driver'

/** Issue 29, items 8 and 9: what the tablets, the screen and the console are told. */

const phone = { width: 390, height: 844 }
const ipad = { width: 1024, height: 768 }

async function tablet(browser: Browser, url: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch: true })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifactsDir, `hall-told-${name}.png`) })

/** Whether the element lies wholly inside the page's viewport (not below the fold). */
async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox()
  const size = page.viewportSize()
  return box !== null && size !== null && box.y >= 0 && box.y + box.height <= size.height
}

async function demo(host: HostHandle, n: number) {
  await host.meetings.loadDemo(n)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  return host.session.meeting.data.deputies
}

test('a tablet without a card joins by the typed join code, on a phone and an iPad', async ({
  browser,
  host,
  base,
}) => {
  const deputies = await demo(host, 4)
  const [first, second] = deputies
  const t = await tablet(browser, `${base}/tablet/`, phone)
  await expect(t.getByTestId('tablet-message')).toHaveText('请扫描代表证上的二维码加入')
  await expect(t.getByTestId('join-code-input')).toBeVisible()
  await expect(t.getByTestId('connection')).toHaveCount(0)
  await shot(t, 'join-390x844')

  // Characters never in a code are named at once and nothing is sent.
  await t.getByTestId('join-code-input').fill('ab0o-1')
  await expect(t.getByText('加入码中没有 0、O、1')).toBeVisible()
  await expect(t.getByTestId('join-code-input')).toHaveValue('AB0O-1')
  // A wrong code is refused by the host, said plainly, and the form stays.
  await t.getByTestId('join-code-input').fill('WXYZ-MN88-HJK7')
  await t.getByTestId('join-code-submit').click()
  await expect(t.getByTestId('join-code-error')).toHaveText('加入码不正确，请核对代表证后重新输入')
  await expect(t.getByTestId('connection')).toHaveCount(0)
  await shot(t, 'join-wrong-390x844')

  // The right code, typed in lower case without dashes, is grouped as on the card and joins.
  await t.getByTestId('join-code-input').fill(first!.joinCode.toLowerCase())
  await expect(t.getByTestId('join-code-input')).toHaveValue(formatJoinCode(first!.joinCode))
  await t.getByTestId('join-code-submit').click()
  await expect(t.getByTestId('deputy-name')).toContainText(first!.name)
  await expect(t.getByTestId('tablet-message')).toHaveText('请等待表决开始')
  await expect(t.getByTestId('connection')).toContainText('已连接')
  expect(host.session.meeting.deputy(first!.id)?.present).toBe(true)
  // The header keeps 已连接 and the language switch whole on a phone, the name on two lines.
  const header = await t.getByTestId('tablet-status').boundingBox()
  expect(header?.width).toBeLessThanOrEqual(phone.width)
  const name = await t.getByTestId('deputy-name').boundingBox()
  expect(name?.height).toBeLessThan(80)
  await shot(t, 'joined-390x844')
  // The tablet now holds the card's credential: a reload logs in without the code.
  await t.reload()
  await expect(t.getByTestId('deputy-name')).toContainText(first!.name)

  // The same on an iPad, for the second deputy.
  const pad = await tablet(browser, `${base}/tablet/`, ipad)
  await shot(pad, 'join-1024x768')
  await pad.getByTestId('join-code-input').fill(formatJoinCode(second!.joinCode))
  await pad.getByTestId('join-code-input').press('Enter')
  await expect(pad.getByTestId('deputy-name')).toContainText(second!.name)
  await shot(pad, 'joined-1024x768')

  // A reissued card: the old credential stops; the tablet says so and takes the new code,
  // never showing the connection's state beside 凭证无效.
  const staff = new HallDriver(base, host.staffToken)
  await staff.call('deputy:reissue', { deputyId: first!.id })
  await expect(t.getByTestId('tablet-message')).toHaveText('凭证无效，请联系会务人员')
  await expect(t.getByTestId('connection')).toHaveCount(0)
  await expect(t.getByText('连接中断，正在重连…')).toHaveCount(0)
  await shot(t, 'refused-390x844')
  const renewed = host.session.meeting.deputy(first!.id)!.joinCode
  await t.getByTestId('join-code-input').fill(renewed)
  await t.getByTestId('join-code-submit').click()
  await expect(t.getByTestId('deputy-name')).toContainText(first!.name)
  staff.staff.disconnect()
})

test('on a phone the ballot says what it asks, opens a candidate’s details, and keeps 确认提交 in view', async ({
  browser,
  host,
  base,
}) => {
  const [d] = await demo(host, 3)
  const t = await tablet(browser, `${base}/tablet/#c=${encodeURIComponent(d!.credential)}`, phone)
  await expect(t.getByTestId('deputy-name')).toContainText(d!.name)
  const ids = host.session.meeting.data.projects.map((p) => p.id)
  const { voteId } = await host.votes.create({
    title: '2027年度民生实事项目票决',
    rules: { ...defaultRules('select', 10), timeLimit: { seconds: 900, onExpiry: 'warn' } },
    candidateIds: ids,
  })
  await host.votes.open({ voteId })
  await expect(t.getByTestId('ballot-instruction')).toHaveText('从 13 个项目中最多选 10 项，可少选')
  // Header whole on a phone with the countdown too: nothing stacks a character per line.
  const name = await t.getByTestId('deputy-name').boundingBox()
  expect(name?.height).toBeLessThan(80)
  await expect(t.getByTestId('countdown')).toBeVisible()
  await shot(t, 'ballot-390x844')

  // 详情 opens 简介, 牵头单位 and 投资额 in a sheet and marks nothing.
  const p1 = host.session.meeting.data.projects[0]!
  await t.getByTestId(`details-${p1.id}`).click()
  await expect(t.getByTestId(`detail-${p1.id}`)).toContainText(p1.summary.slice(0, 10))
  await expect(t.getByTestId(`detail-${p1.id}`)).toContainText(`牵头单位：${p1.leadUnit}`)
  await expect(t.getByTestId(`detail-${p1.id}`)).toContainText(`投资额：${p1.budget} 万元`)
  await expect(t.getByTestId(`candidate-${p1.id}`)).toHaveAttribute('aria-checked', 'false')
  await shot(t, 'ballot-details-390x844')
  // The details are a sheet over the ballot: closed, the ballot is as it was.
  await t.getByTestId('detail-close').click()
  await expect(t.getByTestId(`detail-${p1.id}`)).toBeHidden()

  for (const id of ids.slice(0, 10)) await t.getByTestId(`candidate-${id}`).click()
  await t.getByRole('button', { name: '核对选票' }).click()
  await expect(t.getByTestId('review')).toBeVisible()
  expect(await inView(t, 'confirm')).toBe(true)
  await shot(t, 'review-390x844')
  await t.getByTestId('confirm').click()
  await expect(t.getByTestId('recorded')).toHaveText('已记录')

  // Every item needs a mark: the per-item ballot says so first.
  await host.votes.close(voteId)
  const perItem = await host.votes.create({
    title: '2027年度民生实事项目逐项表决',
    rules: { ...defaultRules('per-item', 4), maxFor: 3 },
    candidateIds: ids.slice(0, 4),
  })
  await host.votes.open({ voteId: perItem.voteId })
  await expect(t.getByTestId('ballot-instruction')).toHaveText(
    '每项都需表态：赞成、反对或弃权；赞成最多 3 项',
  )
  await shot(t, 'per-item-390x844')
})

test('the hall is told: ended, the result in brief, an annulment with its reason; 重新表决 in one click', async ({
  browser,
  page,
  host,
  base,
}) => {
  test.setTimeout(180_000)
  const deputies = await demo(host, 4)
  const url = (i: number) => `${base}/tablet/#c=${encodeURIComponent(deputies[i]!.credential)}`
  const pad = await tablet(browser, url(0), ipad)
  const phoneTablet = await tablet(browser, url(1), phone)
  const screen = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await screen.goto(`${base}/screen/`)
  const ids = host.session.meeting.data.projects.map((p) => p.id).slice(0, 5)
  const { voteId } = await host.votes.create({
    title: '2027年度民生实事项目票决',
    rules: {
      ...defaultRules('select', 2),
      threshold: { base: 'present', numerator: 1, denominator: 2, strict: false },
    },
    candidateIds: ids,
  })
  await host.votes.open({ voteId })
  for (const [t, picks] of [
    [pad, [ids[0], ids[1]]],
    [phoneTablet, [ids[0], ids[2]]],
  ] as const) {
    for (const id of picks) await t.getByTestId(`candidate-${id}`).click()
    await t.getByRole('button', { name: '核对选票' }).click()
    await t.getByTestId('confirm').click()
    await expect(t.getByTestId('recorded')).toHaveText('已记录')
  }

  // Closed: every tablet says the vote has ended and the count is on.
  await host.votes.close(voteId)
  for (const t of [pad, phoneTablet]) {
    await expect(t.getByTestId('ended-closed')).toHaveText('投票已结束')
    await expect(t.getByTestId('ended')).toContainText('正在计票')
  }
  await shot(pad, 'ended-1024x768')

  // Published: the result in brief, the same on every tablet, never the deputy's own ballot.
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('result-heading')).toHaveText('计票结果（待审核）')
  await host.votes.publish(voteId)
  await expect(page.getByTestId('live-vote-status')).toHaveText('已公布')
  await expect(page.getByTestId('result-heading')).toHaveText('计票结果（已公布）')
  const titles = new Map(host.session.meeting.data.projects.map((p) => [p.id, p.title]))
  for (const t of [pad, phoneTablet]) {
    await expect(t.getByTestId('ended-result')).toContainText('发出 2 · 收回 2 · 有效 2')
    await expect(t.getByTestId('ended-item').first()).toContainText(titles.get(ids[0]!)!)
    await expect(t.getByTestId('ended-item').first()).toContainText('2 票')
    await expect(t.getByTestId('ended-item').first()).toContainText('当选')
  }
  // Both tablets were told exactly the same, though their ballots differed.
  expect(await pad.getByTestId('ended').innerText()).toBe(
    await phoneTablet.getByTestId('ended').innerText(),
  )
  await shot(pad, 'result-1024x768')
  await shot(phoneTablet, 'result-390x844')
  await page.screenshot({ path: join(artifactsDir, 'hall-told-console-published.png') })

  // Annulled: the screen and the tablets say so, with the reason.
  await host.live.annul({ voteId, reason: '计票程序有误，经主任会议决定重新表决' })
  for (const t of [pad, phoneTablet]) {
    await expect(t.getByTestId('ended-annulled')).toContainText('本次表决已宣布无效')
    await expect(t.getByTestId('ended-annulled')).toContainText('计票程序有误')
    await expect(t.getByTestId('ended-result')).toHaveCount(0)
  }
  await expect(screen.getByTestId('stage-annulled')).toContainText('本次表决已宣布无效')
  await expect(screen.getByTestId('annul-reason')).toHaveText(
    '理由：计票程序有误，经主任会议决定重新表决',
  )
  await expect(screen.getByTestId('results-chart')).toHaveCount(0)
  await shot(pad, 'annulled-1024x768')
  await shot(phoneTablet, 'annulled-390x844')
  await screen.screenshot({ path: join(artifactsDir, 'hall-told-screen-annulled-1280x720.png') })

  // 重新表决: one click makes a fresh draft of the same vote, and the picker moves to it.
  await expect(page.getByTestId('live-vote-status')).toHaveText('已宣布无效')
  await expect(page.getByTestId('result-heading')).toHaveText('计票结果（已宣布无效，不予公布）')
  await page.screenshot({ path: join(artifactsDir, 'hall-told-console-annulled.png') })
  await page.getByTestId('live-revote').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('未开始')
  const votes = host.session.meeting.data.votes
  expect(votes).toHaveLength(2)
  expect(votes[1]).toMatchObject({ title: votes[0]!.title, revoteOf: voteId, status: 'draft' })
  expect(votes[1]!.candidates).toEqual(votes[0]!.candidates)
  const log = await host.session.audit.entries()
  expect(log.map((e) => e.type)).toContain('vote.revote-created')
  await page.screenshot({ path: join(artifactsDir, 'hall-told-console-revote.png') })
})

test('a rating’s result reaches the tablets as each 等次 with its 满意率, and the 总体满意率', async ({
  browser,
  host,
  base,
}) => {
  const deputies = await demo(host, 3)
  const url = (i: number) => `${base}/tablet/#c=${encodeURIComponent(deputies[i]!.credential)}`
  const tablets = [await tablet(browser, url(0), phone), await tablet(browser, url(1), ipad)]
  const screen = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await screen.goto(`${base}/screen/`)
  const ids = host.session.meeting.data.projects.map((p) => p.id).slice(0, 3)
  const { voteId } = await host.votes.create({
    title: '2026年度民生实事项目满意度测评',
    rules: defaultRules('rating'),
    candidateIds: ids,
  })
  await host.votes.open({ voteId })
  const marks = [
    ['satisfied', 'basic', 'unsatisfied'],
    ['satisfied', 'abstain', 'basic'],
  ] as const
  for (const [i, t] of tablets.entries()) {
    await expect(t.getByTestId('ballot-instruction')).toHaveText(
      '每项都需表态：满意、基本满意、不满意或弃权',
    )
    for (const [j, id] of ids.entries()) await t.getByTestId(`mark-${id}-${marks[i]![j]}`).click()
    await t.getByRole('button', { name: '核对选票' }).click()
    await t.getByTestId('confirm').click()
    await expect(t.getByTestId('recorded')).toHaveText('已记录')
  }
  await host.votes.close(voteId)
  await host.votes.publish(voteId)
  // 3 seated: 2 needed. P1 2 满意 → 满意 100%; P2 1 基本满意 of 2 → 50%; P3 1 of 2 → 50%.
  for (const t of tablets) {
    await expect(t.getByTestId('ended-overall')).toHaveText('总体满意率 66.7%')
    await expect(t.getByTestId('ended-item').first()).toContainText('满意率 100.0%')
    await expect(t.getByTestId('ended-item').nth(1)).toContainText('满意率 50.0%')
  }
  await expect(screen.getByTestId(`rate-${ids[1]}`)).toHaveText('50%')
  await shot(tablets[0]!, 'rating-result-390x844')
  await screen.keyboard.press('Space') // the presenter skips the reveal
  await screen.screenshot({ path: join(artifactsDir, 'hall-told-screen-rating-1280x720.png') })
})
