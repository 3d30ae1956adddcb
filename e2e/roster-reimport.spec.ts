import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Locator, Page } from '@playwright/test'
import { artifactsDir, expect, parsed, test } from './host-fixture'
import { readCardsPdf } from './pdf-qr'

/**
 * Issue 30: the roster is fixed the week before the meeting, after the cards are printed. A
 * second import keeps every card of a deputy still on it; the preview says what changes, and
 * confirming names whose cards stop working.
 */

const header = '姓名,代表团,座位号'
const six = [
  '李明,城关街道代表团,1排1号',
  '王芳,城关街道代表团,1排2号',
  '张伟,河西镇代表团,2排1号',
  '刘洋,河西镇代表团,2排2号',
  '陈静,东岭乡代表团,3排1号',
  '杨帆,东岭乡代表团,3排2号',
]

async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
  return readFile(await file.path())
}

async function checkIn(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } })
  const tablet = await context.newPage()
  await tablet.goto(url)
  await expect(tablet.getByTestId('deputy-name')).toBeVisible()
  return tablet
}

test('a roster imported again keeps every printed card of a deputy still on it', async ({
  browser,
  page,
  host,
}, testInfo) => {
  const shot = (name: string) =>
    page.screenshot({ path: join(artifactsDir, `reimport-${name}.png`) })
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')
  await page.getByTestId('nav-roster').click()

  const file = async (name: string, rows: string[]) => {
    const path = testInfo.outputPath(name)
    await writeFile(path, [header, ...rows].join('\n'))
    return path
  }
  const importFile = async (path: string) => {
    await page.getByTestId('roster-file').setInputFiles(path)
    await expect(page.getByTestId('roster-preview')).toContainText('检查通过', parsed)
  }

  await importFile(await file('roster.csv', six))
  await expect(page.getByTestId('roster-changes')).toHaveCount(0)
  await page.getByTestId('roster-confirm').click()
  await expect(page.getByTestId('roster-count')).toHaveText('共 6 名代表')

  // The cards are printed; two deputies check in with theirs.
  const cards = await readCardsPdf(await download(page, page.getByTestId('cards-pdf')))
  expect(cards.codes).toHaveLength(6)
  const [liMing, wangFang] = await Promise.all([
    checkIn(browser, cards.codes[0] as string),
    checkIn(browser, cards.codes[1] as string),
  ])
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('live-present')).toHaveText('2')

  // The same file again: nothing changes, the cards and check-ins stand.
  await page.getByTestId('nav-roster').click()
  await importFile(await file('roster-again.csv', six))
  const changes = page.getByTestId('roster-changes')
  await expect(changes).toContainText('新增 0')
  await expect(changes).toContainText('删除 0')
  await expect(changes).toContainText('修改 0')
  await expect(changes).toContainText('不变 6')
  await page.getByTestId('roster-confirm').click()
  await expect(page.getByTestId('roster-imported')).toBeVisible()
  const again = await readCardsPdf(await download(page, page.getByTestId('cards-pdf')))
  expect(again.codes).toEqual(cards.codes)
  await page.getByTestId('nav-hall').click()
  await expect(page.getByTestId('live-present')).toHaveText('2')

  // 杨帆 leaves the roster, 周敏 joins: the preview lists both, confirming names 杨帆's card.
  await page.getByTestId('nav-roster').click()
  await importFile(
    await file('roster-changed.csv', [...six.slice(0, 5), '周敏,东岭乡代表团,3排3号']),
  )
  await expect(page.getByTestId('roster-changes-added')).toContainText('周敏（东岭乡代表团）')
  await expect(page.getByTestId('roster-changes-removed')).toContainText('杨帆（东岭乡代表团）')
  await expect(changes).toContainText('不变 5')
  await shot('preview')
  await page.getByTestId('roster-confirm').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('roster-cards-stop')).toHaveText('杨帆（东岭乡代表团）')
  // Past the dialog's fade-in.
  await page.waitForTimeout(400)
  await shot('confirm')
  await dialog.getByRole('button', { name: '确认导入' }).click()
  await expect(page.getByTestId('roster-count')).toHaveText('共 6 名代表')

  // The other cards keep working: the two tablets are still in, a third card still opens.
  await expect(liMing.getByTestId('deputy-name')).toBeVisible()
  await expect(wangFang.getByTestId('deputy-name')).toBeVisible()
  const third = await checkIn(browser, cards.codes[2] as string)
  await expect(third.getByTestId('deputy-name')).toContainText('张伟')
  // 杨帆's card does not.
  const gone = await browser.newPage()
  await gone.goto(cards.codes[5] as string)
  await expect(gone.getByText(/凭证无效|本机已停止使用/)).toBeVisible()
})
