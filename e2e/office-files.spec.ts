import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { artifactsDir, expect, parsed, test } from './host-fixture'

/**
 * Issue 30: lists as offices keep them, through the console. A roster LibreOffice saved (a title
 * row, a hidden 身份证号 column, seats formatted 000, names outside the BMP) imports with the
 * columns it read past named; a project list whose money column says no unit is asked about,
 * and the answer converts it.
 */

const fixture = (name: string) =>
  join(import.meta.dirname, '../electron/host/tables/fixtures/office', name)

test('a LibreOffice roster imports as saved; a budget without a unit is asked about', async ({
  page,
  host,
}, testInfo) => {
  const shot = (name: string) =>
    page.screenshot({ path: join(artifactsDir, `office-files-${name}.png`), fullPage: true })
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')

  await page.getByTestId('nav-roster').click()
  await page.getByTestId('roster-file').setInputFiles(fixture('roster-office.xlsx'))
  await expect(page.getByTestId('roster-preview')).toContainText('检查通过', parsed)
  await expect(page.getByTestId('roster-notices')).toContainText('“身份证号”')
  await shot('roster-preview')
  await page.getByTestId('roster-confirm').click()
  await expect(page.getByTestId('roster-imported')).toBeVisible()
  const first = page.getByTestId('roster-table').locator('tbody tr').first()
  await expect(first).toContainText('A001')
  await expect(first).toContainText('𠮷明')
  await expect(first).toContainText('001')

  await page.getByTestId('nav-projects').click()
  const path = testInfo.outputPath('projects.csv')
  await writeFile(path, '编号,项目名称,投资额\nP01,普惠托育服务扩容,36800000\nP02,长者助餐,\n')
  await page.getByTestId('projects-file').setInputFiles(path)
  await expect(page.getByTestId('projects-problems')).toContainText(
    '“投资额”列没有写明金额单位',
    parsed,
  )
  await expect(page.getByTestId('projects-confirm')).toBeDisabled()
  await shot('unit-question')
  await page.getByTestId('budget-unit-元').click()
  await expect(page.getByTestId('projects-preview')).toContainText('检查通过', parsed)
  await expect(page.getByTestId('projects-notices')).toContainText('已换算为万元')
  await expect(page.getByTestId('projects-preview-rows')).toContainText('3,680')
  await page.getByTestId('projects-confirm').click()
  await expect(page.getByTestId('project-P01')).toContainText('3,680')
  expect(host.session.meeting.data.projects.map((p) => [p.id, p.budget])).toEqual([
    ['P01', 3680],
    ['P02', null],
  ])
})
