import { join } from 'node:path'
import { artifactsDir, expect, test } from './host-fixture'

/**
 * Issue 29, items 13 and 14 in real Chromium: a meeting created with its details and as a
 * rehearsal, and every page of it saying 演练.
 */

test('a rehearsal created with its details: the console, a tablet and the screen say so', async ({
  page,
  browser,
  host,
  base,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')
  await page.getByRole('button', { name: '新建会议' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('会议名称').fill('2027年度民生实事项目票决（演练）')
  await dialog.getByLabel('届次会次').fill('青川区第十八届人民代表大会第五次会议')
  await dialog.getByLabel('会议日期').fill('2027-01-11')
  await dialog.getByLabel('会议地点').fill('青川区人民会堂')
  // Too long: said under the field, in Chinese, and 保存 waits.
  await dialog.getByLabel('主持人').fill('张'.repeat(51))
  await expect(dialog).toContainText('主持人最多 50 个字')
  await expect(dialog.getByRole('button', { name: '保存' })).toBeDisabled()
  await dialog.getByLabel('主持人').fill('张明')
  await dialog.getByTestId('meeting-rehearsal').check()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(artifactsDir, 'details-create.png') })
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()

  await expect(page.getByTestId('rehearsal-banner')).toHaveText(
    '演练 · 本次会议为演练，表决结果不作数，不进入正式归档',
  )
  await expect(page.getByTestId('current-meeting-details')).toHaveText(
    '青川区第十八届人民代表大会第五次会议2027年1月11日 · 青川区人民会堂 · 主持人：张明',
  )
  await expect(page.getByTestId('meetings-table').getByTestId('rehearsal-badge')).toHaveCount(1)
  await page.screenshot({ path: join(artifactsDir, 'details-console.png') })
  expect(host.session.meeting.data.meeting).toMatchObject({
    rehearsal: true,
    details: { date: '2027-01-11', presiding: '张明' },
  })

  // Its tablets and its screen.
  await host.meetings.loadDemo(12)
  // The demo names the meeting after itself: given its name back.
  await host.session.meeting.updateAgenda((d) => {
    d.meeting!.title = '2027年度民生实事项目票决（演练）'
  })
  host.session.announce({ type: 'meeting' })
  const credential = host.session.meeting.data.deputies[0]!.credential
  const tabletContext = await browser.newContext({
    viewport: { width: 820, height: 1180 },
    locale: 'zh-CN',
  })
  const tablet = await tabletContext.newPage()
  await tablet.goto(`${base}/tablet/#c=${credential}`)
  await expect(tablet.getByTestId('rehearsal-banner')).toHaveText(
    '演练 · 本次为演练，选票不计入正式结果',
  )
  await tablet.screenshot({ path: join(artifactsDir, 'details-tablet.png') })

  const screenContext = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'zh-CN',
  })
  const screen = await screenContext.newPage()
  await screen.goto(`${base}/screen/?motion=off`)
  await expect(screen.getByTestId('rehearsal-banner')).toBeVisible()
  await expect(screen.getByTestId('rehearsal-watermark')).toHaveText('演练')
  await expect(screen.getByTestId('welcome-session')).toHaveText(
    '青川区第十八届人民代表大会第五次会议',
  )
  await expect(screen.getByTestId('welcome-details')).toHaveText(
    '2027年1月11日 · 青川区人民会堂 · 主持人：张明',
  )
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await screen.setViewportSize(size)
    await screen.waitForTimeout(300)
    await screen.screenshot({
      path: join(artifactsDir, `details-screen-${size.width}x${size.height}.png`),
    })
  }
  // Another stage keeps the banner.
  await host.hall.session.meeting.updateAgenda((d) => {
    d.screen = { stage: 'checkin', voteId: null }
  })
  host.session.announce({ type: 'screen' })
  await expect(screen.getByTestId('stage-checkin')).toBeVisible()
  await expect(screen.getByTestId('rehearsal-banner')).toBeVisible()
  await screen.screenshot({ path: join(artifactsDir, 'details-screen-checkin-1920x1080.png') })
})
