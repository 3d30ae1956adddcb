import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { readFile } from 'node:fs/promises'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, test } from './host-fixture'
import { HallDriver } from './screen-driver'

/**
 * The clerk's record in the console (issue 29, item 12): the audit log in sentences with the raw
 * data behind a switch, archive files saved under the vote's name, 全部下载 as one zip.
 */
test('the console reads the audit log as sentences and saves the archive by name', async ({
  page,
  host,
  base,
}) => {
  await host.meetings.loadDemo(12)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const deputies = host.session.meeting.data.deputies
  const projects = host.session.meeting.data.projects.map((p) => p.id)
  const driver = new HallDriver(base, host.staffToken)
  await driver.checkIn(deputies.slice(0, 3).map((d) => d.credential))
  const title = '2027年度民生实事项目票决'
  const voteId = await driver.createVote(title, defaultRules('select', 10), projects)
  await driver.runVote(voteId, [{ [projects[0]!]: 'for' }, {}, { [projects[1]!]: 'for' }])
  await host.archiver.idle()

  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-hall').click()
  await page.getByTestId('audit-refresh').click()
  const sentences = page.getByTestId('audit-text')
  await expect(sentences.filter({ hasText: `会务人员公布表决《${title}》的结果` })).toBeVisible()
  await expect(
    sentences.filter({
      hasText: `会务人员开启表决《${title}》，发出 3 张（应到 12 人，实到 3 人）`,
    }),
  ).toBeVisible()
  // The raw record only on request.
  await expect(page.getByText('vote.opened')).toHaveCount(0)
  await page.getByTestId('audit-raw').click()
  await expect(page.getByText('vote.opened')).toBeVisible()
  await page.getByTestId('audit-table').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(artifactsDir, 'clerk-audit.png') })

  await page.getByTestId('nav-export').click()
  const [report] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '计票结果报告（PDF）' }).click(),
  ])
  expect(report.suggestedFilename()).toBe(`${title}-计票结果报告.pdf`)
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('archive-zip').click(),
  ])
  const meeting = host.session.meeting.data.meeting?.title ?? ''
  expect(zip.suggestedFilename()).toBe(`${meeting}-归档.zip`)
  const files = unzipSync(new Uint8Array(await readFile((await zip.path())!)))
  expect(Object.keys(files)).toContain(`01-${title}/${title}-计票结果报告.pdf`)
  expect(Buffer.from(files['审计日志.txt']!).toString('utf8')).toContain('会务人员公布表决')
  await page.screenshot({ path: join(artifactsDir, 'clerk-export.png') })
  driver.close()
})
