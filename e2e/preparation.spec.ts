import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { artifactsDir, expect, parsed, test } from './host-fixture'
import { A4, pdfPageSizes, readCardsPdf } from './pdf-qr'

const fixtures = fileURLToPath(new URL('../electron/host/tables/fixtures/', import.meta.url))
const fixture = (name: string) => join(fixtures, name)

/** What staff do to roster-five-broken.xlsx after reading the preview: fix each row it names. */
async function fixFiveBrokenRoster(out: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(fixture('roster-five-broken.xlsx'))
  const ws = wb.getWorksheet('Sheet1')
  if (!ws) throw new Error('Sheet1 missing')
  ws.getCell('A4').value = '刘洋' // missing name
  ws.getCell('C5').value = '1排5号' // seat of row 3
  ws.getCell('A6').value = '李敏' // same person as row 2
  ws.getCell('D7').value = '1204' // bad ID tail
  ws.getCell('B9').value = '河西镇代表团' // missing delegation
  await wb.xlsx.writeFile(out)
}

async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
  const path = await file.path()
  return readFile(path)
}

async function openTablet(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 768, height: 1024 },
    locale: 'zh-CN',
  })
  const tablet = await context.newPage()
  await tablet.goto(url)
  return tablet
}

test('staff prepare a meeting: roster and projects imported, a 13选10 vote, credential cards', async ({
  browser,
  page,
  host,
  base,
}, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: join(artifactsDir, `prep-${name}.png`) })
  const nav = (id: string) => page.getByTestId(`nav-${id}`).click()
  await page.setViewportSize({ width: 1366, height: 900 })

  // Meetings: the first start has one empty meeting; staff give it its title.
  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')
  await expect(page.getByTestId('current-meeting-title')).toHaveText('未命名会议')
  await page.getByTestId('current-meeting').getByRole('button', { name: '编辑会议信息' }).click()
  const rename = page.getByRole('dialog')
  await rename.getByLabel('会议名称').fill('青川区第三届人民代表大会第六次会议')
  // The details too (issue 29, item 13): a date that is no day is caught before it is sent.
  await rename.getByLabel('会议地点').fill('青川区人民会堂')
  await rename.getByLabel('主持人').fill('张明')
  await rename.getByLabel('会议日期').fill('2027-01-12')
  await rename.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('header-meeting')).toHaveText('青川区第三届人民代表大会第六次会议')
  await expect(page.getByTestId('current-meeting-details')).toHaveText(
    '2027年1月12日 · 青川区人民会堂 · 主持人：张明',
  )
  await shot('meetings')

  // Roster: a broken file is previewed with every problem by row, and cannot be confirmed.
  await nav('roster')
  await page.getByTestId('roster-file').setInputFiles(fixture('roster-five-broken.xlsx'))
  const problems = page.getByTestId('roster-problems')
  await expect(page.getByTestId('roster-problem-count')).toHaveText('5 处问题')
  // 联系电话 is kept by offices for other uses: read past, and named.
  await expect(page.getByTestId('roster-notices')).toHaveText(
    '以下列不属于代表名单，未导入（系统不保存这些信息）：“联系电话”',
  )
  for (const message of [
    '第4行：缺少姓名',
    '第5行：座位号“1排2号”与第3行重复',
    '第6行：代表“李明”（城关街道代表团）与第2行重复',
    '第7行：证件后四位“12A4”无效，应为4位数字，最后一位可以是X',
  ]) {
    await expect(problems.getByText(message, { exact: true })).toBeVisible()
  }
  await expect(problems.getByText(/^第9行：/)).toBeVisible()
  await expect(page.getByTestId('roster-preview-rows').locator('tbody tr')).toHaveCount(8, parsed)
  await expect(page.getByTestId('roster-confirm')).toBeDisabled()
  await expect(page.getByTestId('roster-table')).toHaveCount(0)
  await shot('roster-broken')

  // Fixed, uploaded again: clean, confirmed.
  const fixed = testInfo.outputPath('roster-fixed.xlsx')
  await fixFiveBrokenRoster(fixed)
  await page.getByTestId('roster-file').setInputFiles(fixed)
  await expect(page.getByTestId('roster-preview')).toContainText('检查通过', parsed)
  await expect(page.getByTestId('roster-problems')).toHaveCount(0)
  await page.getByTestId('roster-confirm').click()
  await expect(page.getByTestId('roster-imported')).toHaveText(
    '名单已导入，共 8 名代表；名单中原有代表的代表证和报到状态不变，新增代表已生成代表证。',
  )
  await expect(page.getByTestId('roster-count')).toHaveText('共 8 名代表')

  // One more deputy by hand, then found by search.
  await page.getByRole('button', { name: '添加代表' }).click()
  const form = page.getByRole('dialog')
  await form.getByLabel('姓名').fill('何静')
  await form.getByLabel('代表团').fill('城关街道代表团')
  await form.getByLabel('座位号').fill('1排1号')
  await expect(form.getByText('座位号“1排1号”已是李明的座位')).toBeVisible()
  await expect(form.getByRole('button', { name: '保存' })).toBeDisabled()
  await form.getByLabel('座位号').fill('3排1号')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form).toHaveCount(0)
  await expect(page.getByTestId('roster-count')).toHaveText('共 9 名代表')
  await page.getByLabel('搜索姓名、代表团、座位号').fill('何静')
  await expect(page.getByTestId('roster-count')).toHaveText('找到 1 名（共 9 名）')
  await page.getByLabel('搜索姓名、代表团、座位号').fill('')
  await shot('roster')

  // Projects: the broken CSV shows its rows' problems; the real workbook goes in.
  await nav('projects')
  await page.getByTestId('projects-file').setInputFiles(fixture('projects-broken.csv'))
  const projectProblems = page.getByTestId('projects-problems')
  for (const message of ['第3行：缺少编号', '第4行：缺少项目名称', '第5行：编号“P01”与第2行重复']) {
    await expect(projectProblems.getByText(message, { exact: true })).toBeVisible()
  }
  await expect(page.getByTestId('projects-confirm')).toBeDisabled()
  await page.getByTestId('projects-file').setInputFiles(fixture('projects.xlsx'))
  await expect(page.getByTestId('projects-preview')).toContainText('检查通过', parsed)
  await page.getByTestId('projects-confirm').click()
  await expect(page.getByTestId('project-count')).toHaveText('共 13 个候选项目，按此顺序印在选票上')
  // Reorder: down and back up.
  const rows = page.getByTestId('projects-table').locator('tbody tr')
  await page.getByRole('button', { name: '下移“普惠托育服务扩容”' }).click()
  await expect(rows.nth(0)).toContainText('长者助餐服务点建设')
  await expect(rows.nth(1)).toContainText('普惠托育服务扩容')
  await page.getByRole('button', { name: '上移“普惠托育服务扩容”' }).click()
  await expect(rows.nth(0)).toContainText('普惠托育服务扩容')
  await shot('projects')

  // Agenda: a 差额 vote from the preset, 13 candidates, 10 seats, rules as the summary says.
  await nav('agenda')
  await page.getByRole('button', { name: '添加表决' }).click()
  await page.getByRole('menuitem', { name: /差额票决/ }).click()
  const editor = page.getByTestId('vote-editor')
  await editor.getByLabel('表决名称').fill('2027年度民生实事项目票决')
  const candidates = editor.getByTestId('vote-candidates').getByRole('checkbox')
  await expect(candidates).toHaveCount(13)
  await editor.getByRole('checkbox', { name: /P13/ }).uncheck()
  await expect(editor.getByTestId('rules-summary')).toContainText('12选')
  await editor.getByRole('checkbox', { name: /P13/ }).check()
  await editor.getByLabel('应选项目数').fill('10')
  const summary = '13选10，获全体代表过半数（5票）赞成的项目按得票多少排序，取前10项'
  await expect(editor.getByTestId('rules-summary')).toHaveText(summary)
  await expect(editor.getByLabel('允许代表在投票结束前修改选票')).not.toBeChecked()
  await expect(editor.getByLabel('会务人员审核并发布后显示（默认）')).toBeChecked()
  await expect(editor.getByText('选票提交后不能修改')).toBeVisible()
  await shot('agenda-editor')
  await editor.getByTestId('vote-save').click()
  await expect(editor).toHaveCount(0)
  const card = page.locator('[data-testid^="agenda-V"]')
  await expect(card).toHaveCount(1)
  await expect(card.getByTestId('rules-summary')).toHaveText(summary)
  await expect(card.getByTestId('agenda-vote-status')).toHaveText('未开始')
  await shot('agenda')

  // The hall shows the vote ready to open.
  await nav('hall')
  await expect(page.getByTestId('live-roster')).toHaveText('9')
  await expect(page.getByTestId('live-vote-status')).toHaveText('未开始')
  await shot('hall')
  await nav('export')
  await shot('export')
  const exported = new ExcelJS.Workbook()
  await exported.xlsx.load(
    (await download(page, page.getByTestId('export-xlsx'))) as unknown as ArrayBuffer,
  )
  expect(exported.worksheets.map((w) => w.name)).toEqual(['代表名单', '候选项目', '表决议程'])
  expect(exported.getWorksheet('代表名单')?.actualRowCount).toBe(2 + 9) // title, header, 9
  expect(exported.getWorksheet('候选项目')?.actualRowCount).toBe(2 + 13)
  expect(String(exported.getWorksheet('表决议程')?.getCell('G3').value)).toBe(summary)

  // Credential cards: A4, 8 per page, each QR the join URL of one deputy.
  await nav('roster')
  const pdf = await download(page, page.getByTestId('cards-pdf'))
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const cards = await readCardsPdf(pdf)
  expect(cards.pages).toHaveLength(2) // 9 cards: 8 on the first page, 1 on the second
  for (const size of cards.pages) {
    expect(size.width).toBeCloseTo(A4.width, 0)
    expect(size.height).toBeCloseTo(A4.height, 0)
  }
  expect(cards.codes).toHaveLength(9)
  const joinPrefix = `${base}/tablet/#c=`
  for (const code of cards.codes) {
    expect(code?.startsWith(joinPrefix)).toBe(true)
    // At least 128 random bits: 22 base64url characters.
    expect(decodeURIComponent((code ?? '').slice(joinPrefix.length))).toMatch(
      /^[A-Za-z0-9_-]{22,}$/,
    )
  }
  expect(new Set(cards.codes).size).toBe(9)
  // The same URLs the printer's CSV carries.
  const csv = await download(page, page.getByTestId('credentials-csv'))
  const csvUrls = csv
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[5])
  expect(new Set(csvUrls)).toEqual(new Set(cards.codes))

  // The join sheet for the hall doors: one A4 page.
  await page.getByRole('button', { name: '加入说明（PDF）' }).click()
  const sheetDialog = page.getByRole('dialog')
  await expect(page.getByTestId('join-sheet')).toHaveAttribute('data-disabled', 'true')
  await sheetDialog.getByLabel('会场无线网络名称').fill('QCRD-Hall')
  await sheetDialog.getByLabel('无线网络密码').fill('renda;2027')
  const sheet = await pdfPageSizes(await download(page, page.getByTestId('join-sheet')))
  expect(sheet).toHaveLength(1)
  expect(sheet[0]?.width).toBeCloseTo(A4.width, 0)
  await sheetDialog.getByRole('button', { name: '取消' }).click()

  // A scanned card joins: the first card is 李明's, the ninth (page 2) is 何静's.
  const first = await openTablet(browser, cards.codes[0] ?? '')
  await expect(first.getByTestId('deputy-name')).toContainText('李明')
  const ninth = await openTablet(browser, cards.codes[8] ?? '')
  await expect(ninth.getByTestId('deputy-name')).toContainText('何静')
  await expect(page.getByTestId('deputy-D009')).toContainText('已报到')

  // 何静 lost the card: a new one is issued, the old one stops working at once.
  await page.getByTestId('deputy-D009').getByRole('button', { name: '补发代表证' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '补发' }).click()
  await expect(page.getByTestId('reissued')).toContainText('已为“何静”补发代表证')
  await expect(ninth.getByTestId('tablet-message')).toHaveText('凭证无效，请联系会务人员')
  const lost = await openTablet(browser, cards.codes[8] ?? '')
  await expect(lost.getByTestId('tablet-message')).toHaveText('凭证无效，请联系会务人员')
  const one = await readCardsPdf(
    await download(page, page.getByTestId('reissued').getByRole('link', { name: /何静的代表证/ })),
  )
  expect(one.pages).toHaveLength(1)
  expect(one.codes).toHaveLength(1)
  expect(one.codes[0]).not.toBe(cards.codes[8])
  const renewed = await openTablet(browser, one.codes[0] ?? '')
  await expect(renewed.getByTestId('deputy-name')).toContainText('何静')
  await shot('roster-reissued')

  // Meetings: duplicate this one for the next session, open the original again, delete the copy.
  await nav('meetings')
  const meetingRows = page.getByTestId('meetings-table').locator('tbody tr')
  await meetingRows.filter({ hasText: '第六次会议' }).getByRole('button', { name: '复制' }).click()
  const copy = page.getByRole('dialog')
  await expect(copy.getByLabel('会议名称')).toHaveValue(
    '青川区第三届人民代表大会第六次会议（副本）',
  )
  await copy.getByLabel('会议名称').fill('青川区第三届人民代表大会第七次会议')
  await copy.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('header-meeting')).toHaveText('青川区第三届人民代表大会第七次会议')
  await expect(page.getByTestId('current-meeting')).toContainText(
    '代表 9 人 · 候选项目 13 个 · 表决事项 1 项',
  )
  await expect(meetingRows).toHaveCount(2)
  await shot('meetings-duplicated')
  await meetingRows.filter({ hasText: '第六次会议' }).getByRole('button', { name: '打开' }).click()
  await expect(page.getByTestId('header-meeting')).toHaveText('青川区第三届人民代表大会第六次会议')
  await meetingRows.filter({ hasText: '第七次会议' }).getByRole('button', { name: '删除' }).click()
  await expect(page.getByRole('dialog')).toContainText('青川区第三届人民代表大会第七次会议')
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(meetingRows).toHaveCount(1)

  // Once the vote opens, its rules and candidates are locked: shown, not editable.
  await nav('hall')
  // Two of nine are checked in: this is a preparation walk-through, so no quorum is required
  // (two are here, so the change asks first), and opening names the vote.
  await page.getByTestId('quorum-rule').selectOption('0/1')
  await page.getByRole('dialog').getByRole('button', { name: '更改' }).click()
  await page.getByTestId('live-open').click()
  await expect(page.getByTestId('open-question')).toContainText('将向实到的 2 名代表发出选票')
  await page.getByTestId('confirm-dialog-ok').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('投票中')
  await nav('agenda')
  await expect(card.getByTestId('agenda-vote-status')).toHaveText('投票中')
  await expect(card.getByText('已锁定')).toBeVisible()
  await expect(card.getByRole('button', { name: '编辑' })).toHaveCount(0)
  await card.getByRole('button', { name: '查看规则' }).click()
  await expect(editor.getByText('已锁定')).toBeVisible()
  await expect(editor.getByTestId('vote-save')).toHaveCount(0)
  await expect(editor.getByLabel('表决名称')).toBeDisabled()
  await expect(editor.getByRole('checkbox', { name: /P01/ })).toBeDisabled()
  await expect(editor.getByTestId('rules-summary')).toHaveText(summary)
  await shot('agenda-locked')
})
