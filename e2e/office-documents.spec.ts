import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import {
  docxText,
  hasSoffice,
  needsSoffice,
} from '../electron/host/documents/office-inspect.fixture'
import { pdfText } from '../electron/host/documents/pdf-inspect.fixture'
import { artifactsDir, expect, test } from './host-fixture'
import { HallDriver } from './screen-driver'

/**
 * What the office prints, signs and reads (issue 24, items 1–3): scrutineers recorded and
 * approved in the console, a vote run and published, the chair's announcement read from 会场,
 * and its Word copy downloaded and read back through LibreOffice.
 */
test('scrutineers approved, a vote published, the announcement read and its DOCX saved', async ({
  page,
  host,
  base,
}) => {
  await host.meetings.loadDemo(12)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-scrutineers').click()

  // Two rows typed: a 总监票人, then a 监票人 left blank at first, which is named as row 2.
  const add = page.getByRole('button', { name: '添加一人' })
  await add.click()
  await add.click()
  const rows = page.getByTestId('scrutineer-row')
  await rows.nth(0).getByLabel('姓名').fill('周建国')
  await rows.nth(0).getByLabel('代表团或单位').fill('城关代表团')
  await expect(page.getByText('第 2 行：请填写姓名')).toBeVisible()
  await expect(page.getByRole('button', { name: '保存名单' })).toBeDisabled()
  await rows.nth(1).getByLabel('职责').selectOption('scrutineer')
  await rows.nth(1).getByLabel('姓名').fill('李秀英')
  await add.click()
  await rows.nth(2).getByLabel('职责').selectOption('teller')
  await rows.nth(2).getByLabel('姓名').fill('陈静')
  await page.getByRole('button', { name: '保存名单' }).click()
  await expect(page.getByText('待会议通过')).toBeVisible()
  await page.screenshot({ path: join(artifactsDir, 'office-scrutineers-form.png') })

  await page.getByRole('button', { name: '会议通过' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('总监票人 周建国、监票人 李秀英、计票人 陈静')
  await dialog.getByRole('button', { name: '会议通过' }).click()
  await expect(page.getByText(/已经会议通过（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d）/)).toBeVisible()
  await expect(page.getByRole('button', { name: '会议通过' })).toBeDisabled()
  expect(host.session.meeting.data.meeting?.scrutineers.approvedAt).not.toBeNull()
  await page.screenshot({ path: join(artifactsDir, 'office-scrutineers-approved.png') })

  // A 4选2 among three tablets, closed and published.
  const deputies = host.session.meeting.data.deputies
  const projects = host.session.meeting.data.projects.map((p) => p.id).slice(0, 4)
  const driver = new HallDriver(base, host.staffToken)
  await driver.checkIn(deputies.slice(0, 3).map((d) => d.credential))
  const title = '2027年度民生实事项目票决'
  const voteId = await driver.createVote(title, defaultRules('select', 2), projects)
  const [a, b] = projects
  await driver.runVote(voteId, [{ [a!]: 'for', [b!]: 'for' }, { [a!]: 'for' }, { [a!]: 'for' }])
  await host.archiver.idle()

  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('scrutineers-not-approved')).toHaveCount(0)
  const announcement = page.getByTestId('announcement')
  await expect(announcement).toContainText(`《${title}》表决结果宣布稿`)
  await expect(announcement).toContainText('本次会议应到代表12人，实到代表3人。')
  await expect(announcement).toContainText(
    '本次表决发出选票3张，收回选票3张，其中有效票3张，无效票0张。',
  )
  await expect(announcement).toContainText('宣布完毕。')
  await announcement.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(artifactsDir, 'office-announcement.png') })
  // The whole panel in one view, below the console's sticky header.
  await page.setViewportSize({ width: 1366, height: 1500 })
  await page.getByRole('heading', { name: '宣布稿' }).evaluate((e) => e.scrollIntoView())
  await page.mouse.wheel(0, -120)
  await page.screenshot({ path: join(artifactsDir, 'office-announcement-panel.png') })
  await page.setViewportSize({ width: 1366, height: 900 })

  // The English console reads it in English.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(announcement).toContainText('Of 12 deputies, 3 are present.')
  await page.getByRole('button', { name: '中文' }).click()

  // The paper ballot of the same vote, from 表决议程.
  await page.getByTestId('nav-agenda').click()
  const [ballot] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('paper-ballot').click(),
  ])
  expect(ballot.suggestedFilename()).toBe(`${title}-纸质选票.pdf`)
  const ballotText = pdfText(await readFile((await ballot.path())!)).replace(/\s+/g, '')
  expect(ballotText).toContain('4选2：最多选2项')
  expect(ballotText).toContain('本票为无记名投票')
  await page.getByTestId('nav-hall').click()

  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '下载宣布稿（Word）' }).click(),
  ])
  expect(saved.suggestedFilename()).toBe(`${title}-宣布稿.docx`)
  const docx = await readFile((await saved.path())!)
  expect(docx.subarray(0, 2).toString()).toBe('PK')
  test.skip(!hasSoffice, needsSoffice)
  const text = docxText(docx).replace(/\s+/g, '')
  expect(text).toContain(`《${title}》表决结果宣布稿`)
  expect(text).toContain('本次会议应到代表12人，实到代表3人。')
  expect(text).toContain('宣布完毕。')
  driver.close()
})
