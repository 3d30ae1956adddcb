import type { DeputyId } from '../shared/protocol/ids'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { createHost } from '../electron/host'
import type { HostHandle } from '../electron/host'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, test } from './host-fixture'

/** The console kept from mistakes (issue 29, items 4-6), in real Chromium. */

/** After Mantine's dialog and alert transitions (about 200 ms) have settled. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(artifactsDir, `safety-${name}.png`) })
}

async function hall(page: Page, host: HostHandle) {
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('live-section')).toBeVisible()
}

const dialog = (page: Page) => page.getByRole('dialog')
const picked = (page: Page) => page.getByTestId('live-vote-select')

test('opening names the vote; the picker stays on the vote handled; the projector follows it', async ({
  page,
  host,
}) => {
  await host.meetings.loadDemo(3)
  const first = '第一项：2027年度民生实事项目票决'
  const second = '第二项：民生实事项目逐项表决'
  const ids = ['P01', 'P02', 'P03', 'P04']
  const { voteId: a } = await host.votes.create({
    title: first,
    rules: defaultRules('select', 3),
    candidateIds: ids,
  })
  const { voteId: b } = await host.votes.create({
    title: second,
    rules: defaultRules('per-item'),
    candidateIds: ids,
  })
  // One of three present: below the two-thirds quorum, so opening needs a reason.
  const [d1] = host.session.meeting.data.deputies
  await host.attendance.checkIn(d1?.id ?? ('' as DeputyId))
  await hall(page, host)
  await expect(picked(page)).toHaveValue(a)

  await page.getByTestId('override-reason').fill('主任会议决定')
  await page.getByTestId('live-open').click()
  // The old button opened at once; now it asks, naming the vote, its kind, the ballots, the reason.
  const question = page.getByTestId('open-question')
  await expect(question).toContainText(`确定开启“${first}”（差额票决）吗？`)
  await expect(question).toContainText('将向实到的 1 名代表发出选票')
  await expect(question).toContainText('未达法定人数（实到 1 人，需 2 人）')
  await expect(question).toContainText('主任会议决定')
  await shot(page, 'open-confirm')
  await dialog(page).getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('未开始')
  await page.getByTestId('live-open').click()
  await page.getByTestId('confirm-dialog-ok').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('投票中')

  // Alt+P on an open vote, Alt+C on a closed one: they say why they did nothing.
  await page.keyboard.press('Alt+P')
  const keyNotice = page.getByTestId('live-key-notice')
  await expect(keyNotice).toHaveText(
    `Alt+P 公布结果未执行：“${first}”仍在投票，请先截止表决（Alt+C）。`,
  )
  await shot(page, 'key-publish-open')
  await page.keyboard.press('Alt+C')
  await expect(keyNotice).toHaveCount(0)
  await dialog(page).getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('已结束（待公布）')
  await page.keyboard.press('Alt+C')
  await expect(keyNotice).toHaveText(
    `Alt+C 截止表决未执行：“${first}”已截止，结果待公布；公布请按 Alt+P。`,
  )
  await page.keyboard.press('Alt+P')
  await dialog(page).getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('已公布')
  await page.keyboard.press('Alt+O')
  await expect(keyNotice).toContainText(`Alt+O 开启表决未执行：“${first}”状态为已公布`)

  // A reload keeps the vote being handled: it used to jump to the next draft.
  await page.reload()
  await expect(page.getByTestId('live-section')).toBeVisible()
  await expect(picked(page)).toHaveValue(a)
  await expect(page.getByTestId('live-vote-status')).toHaveText('已公布')
  const control = page.getByTestId('screen-control')
  await expect(control.getByTestId('screen-control-vote')).toHaveText(
    `大屏按钮作用于会场中所选的表决：“${first}”`,
  )
  await control.getByTestId('screen-show-results').click()
  await expect(control.getByTestId('screen-showing')).toHaveText(`当前：结果 · “${first}”`)
  expect(host.session.meeting.data.screen).toEqual({ stage: 'results', voteId: a })

  // The next vote is staff's own choice in the picker, and the projector control follows it.
  await picked(page).selectOption(b)
  await expect(control.getByTestId('screen-control-vote')).toHaveText(
    `大屏按钮作用于会场中所选的表决：“${second}”`,
  )
  await control.getByTestId('screen-show-rules').click()
  await expect.poll(() => host.session.meeting.data.screen).toEqual({ stage: 'rules', voteId: b })
  await page.reload()
  await expect(picked(page)).toHaveValue(b)
  await page.getByTestId('override-reason').fill('主任会议决定')
  await page.keyboard.press('Alt+O')
  await expect(question).toContainText(`确定开启“${second}”（逐项表决）吗？`)
  await page.getByTestId('open-question').scrollIntoViewIfNeeded()
  await shot(page, 'open-confirm-second')
  await dialog(page).getByRole('button', { name: '取消' }).click()
  await control.scrollIntoViewIfNeeded()
  await control.screenshot({ path: join(artifactsDir, 'safety-screen-control-follows.png') })
})

test('quiet dangerous changes ask first: the demo, the quorum mid-meeting, 发出 0', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')

  // Loading the demo asks first, and says what it does to the meeting open now.
  await page.getByTestId('load-demo').click()
  await expect(dialog(page)).toContainText('还没有数据：演示数据将载入其中')
  await dialog(page).getByRole('button', { name: '取消' }).click()
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('live-roster')).toHaveText('0')
  await page.getByTestId('nav-meetings').click()
  await page.getByTestId('load-demo').click()
  await dialog(page).getByRole('button', { name: '加载演示会议' }).click()
  await expect(page.getByTestId('current-meeting-title')).toHaveText(
    '青川区第三届人民代表大会第五次会议',
  )
  await page.getByTestId('load-demo').click()
  await expect(page.getByTestId('load-demo-question')).toContainText(
    '已有数据：演示会议将另建为新会议并切换为当前会议',
  )
  await shot(page, 'load-demo-confirm')
  await dialog(page).getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('meetings-table').locator('tbody tr')).toHaveCount(1)

  // Before anyone is here the quorum is preparation: changed at once. Opening with nobody
  // present asks, in red, whether to issue no ballot at all.
  await page.getByTestId('nav-hall').click()
  await page.getByTestId('quorum-rule').selectOption('0/1')
  await expect(page.getByTestId('live-quorum')).toHaveText('已达法定人数')
  await page.getByTestId('nav-agenda').click()
  await page.getByRole('button', { name: '新建差额票决（13选10）' }).click()
  await page.getByTestId('nav-hall').click()
  await page.getByTestId('live-open').click()
  await expect(page.getByTestId('open-nobody')).toContainText('目前实到 0 人：开启后发出 0 张选票')
  await shot(page, 'open-nobody')
  await dialog(page).getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('未开始')

  // Once deputies are here, changing the quorum asks first and says what it changes.
  for (const d of host.session.meeting.data.deputies.slice(0, 200))
    await host.attendance.checkIn(d.id)
  await expect(page.getByTestId('live-present')).toHaveText('200')
  await page.getByTestId('quorum-rule').selectOption('2/3')
  await expect(dialog(page)).toContainText(
    '把法定人数由“不设（演练）”改为“全体代表三分之二以上”吗？应到 327 人，需实到由 0 人变为 218 人；目前实到 200 人，更改后未达法定人数。',
  )
  await shot(page, 'quorum-confirm')
  await dialog(page).getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('quorum-rule')).toHaveValue('0/1')
  expect(host.session.meeting.data.quorum).toEqual({ numerator: 0, denominator: 1 })
  await page.getByTestId('quorum-rule').selectOption('1/2')
  await dialog(page).getByRole('button', { name: '更改' }).click()
  await expect(page.getByTestId('live-quorum')).toHaveText('已达法定人数')
  await expect(page.getByTestId('quorum-rule')).toHaveValue('1/2')
})

test('a host restart keeps the console; a rotated token is refused and the console says what to do', async ({
  browser,
  pageProblems,
}) => {
  // While the host is down the console's reconnects are refused, and Chromium logs each.
  pageProblems.allow(/WebSocket connection to .* failed/)
  const dataDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-token-'))
  const keyDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-token-keys-'))
  const start = (port: number, rotate = false) =>
    createHost({
      dataDir,
      keyDir,
      port,
      host: '127.0.0.1',
      keepStaffToken: true,
      rotateStaffToken: rotate,
      log: () => undefined,
    })
  let host = await start(0)
  const port = host.port
  try {
    await host.meetings.loadDemo(3)
    const page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage()
    await page.goto(host.consoleUrl)
    await page.getByTestId('nav-hall').click()
    await expect(page.getByTestId('connection')).toHaveText('已连接')
    await expect(page.getByTestId('checkin-search')).toBeEnabled()

    // Down: the console says so and its buttons are off, not live-looking.
    await host.close()
    await expect(page.getByTestId('console-offline')).toBeVisible()
    await expect(page.getByTestId('checkin-search')).toBeDisabled()
    await shot(page, 'console-offline')

    // Up again with the same data folder: the same token, and the console carries on by itself.
    host = await start(port)
    await expect(page.getByTestId('connection')).toHaveText('已连接', { timeout: 15_000 })
    await expect(page.getByTestId('console-offline')).toHaveCount(0)
    await expect(page.getByTestId('checkin-search')).toBeEnabled()

    // Rotated: refused, and the console says what to do instead of looking alive.
    await host.close()
    host = await start(port, true)
    const refused = page.getByTestId('console-refused')
    await expect(refused).toBeVisible({ timeout: 15_000 })
    await expect(refused).toContainText('本控制台已失去会务权限')
    await expect(refused).toContainText('请打开主机最近一次启动时打印的控制台地址')
    await expect(page.getByTestId('connection')).toHaveText('令牌被拒')
    await expect(page.getByTestId('checkin-search')).toBeDisabled()
    await shot(page, 'console-refused')
    await page.keyboard.press('Alt+R')
    await expect(page.getByTestId('live-key-notice')).toHaveText(
      'Alt+R 未执行：与主机的连接已断开。',
    )

    // The new console URL pasted into the same tab changes only the fragment: it reconnects.
    const fragment = new URL(host.consoleUrl).hash
    await page.evaluate((hash) => {
      location.hash = hash
    }, fragment)
    await expect(page.getByTestId('connection')).toHaveText('已连接')
    await expect(refused).toHaveCount(0)
    await expect(page.getByTestId('checkin-search')).toBeEnabled()
  } finally {
    await host.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(keyDir, { recursive: true, force: true })
  }
})
