import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import { artifactsDir, expect, parsed, test } from './host-fixture'
import { groupProposals } from './year-helpers'

/**
 * Issue 23, part 1 (点单 / 选单): citizens' proposals imported in the console, grouped under
 * candidate projects, and read by a deputy in a candidate's detail before voting on it.
 */

const proposals = [
  '编号,建议内容,来源渠道,提出日期,镇街/片区,联系电话',
  'JY-001,建议增设社区食堂，解决老人吃饭难,12345热线,2026-03-05,城关街道,13800000001',
  'JY-002,老年助餐点延长供餐时间,12345热线,2026/3/6,城关街道,',
  'JY-003,社区养老服务站增加日间照料,代表联系站,2026年3月7日,东城街道,',
  'JY-004,老旧小区加装电梯,网上征集,2026-03-08,东城街道,',
  'JY-005,学校门口设置护学岗,网上征集,2026-03-09,西河镇,',
  'JY-006,修缮进村道路,代表联系站,2026-03-10,西河镇,',
]

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifactsDir, `proposals-${name}.png`), fullPage: true })

test('proposals imported and grouped; a deputy reads a candidate’s proposals, closes it and votes', async ({
  browser,
  page,
  host,
  base,
}, testInfo) => {
  await host.meetings.loadDemo(12)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const [p01, p02] = host.session.meeting.data.projects
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await expect(page.getByTestId('connection')).toHaveText('已连接')

  // Import: the preview reads past 联系电话 with a notice; nothing is kept until confirmed.
  await page.getByTestId('nav-proposals').click()
  await expect(page.getByTestId('proposal-count')).toHaveText('共 0 条建议，未归类 0 条')
  const file = testInfo.outputPath('征集建议.csv')
  await writeFile(file, proposals.join('\n'))
  await page.getByTestId('proposals-file').setInputFiles(file)
  await expect(page.getByTestId('proposals-preview')).toContainText('检查通过', parsed)
  await expect(page.getByTestId('proposals-notices')).toContainText('“联系电话”')
  await expect(page.getByTestId('proposals-preview-rows')).toContainText('2026-03-07')
  await page.getByTestId('proposals-confirm').click()
  await expect(page.getByTestId('proposals-imported')).toHaveText('已导入 6 条征集建议。')
  await expect(page.getByTestId('proposal-count')).toHaveText('共 6 条建议，未归类 6 条')

  // Group: three under P01, two under P02; moving one asks first.
  await groupProposals(page, ['JY-001', 'JY-002', 'JY-003'], p01!.id)
  await expect(page.getByTestId('proposal-count')).toHaveText('共 6 条建议，未归类 3 条')
  await groupProposals(page, ['JY-003', 'JY-004'], p02!.id)
  const dialog = page.getByRole('dialog', { name: '确认改归项目' })
  await expect(dialog).toContainText(`JY-003（${p01!.id}）`)
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('proposal-count')).toHaveText('共 6 条建议，未归类 2 条')
  await expect(page.getByTestId('proposal-JY-003').getByTestId('proposal-project')).toContainText(
    p02!.id,
  )
  // Back under P01, so it holds a hotline's two and a liaison station's one.
  await groupProposals(page, ['JY-003'], p01!.id)
  await page
    .getByRole('dialog', { name: '确认改归项目' })
    .getByRole('button', { name: '确定' })
    .click()
  await expect(page.getByTestId('proposal-JY-003').getByTestId('proposal-project')).toContainText(
    p01!.id,
  )

  // Filters: by project, ungrouped, by channel.
  await page.getByTestId('proposal-filter-group').click()
  await page.getByRole('option', { name: '未归类' }).click()
  await expect(page.getByTestId('proposals-table').locator('tbody tr')).toHaveCount(2)
  await page.getByTestId('proposal-filter-group').click()
  await page.getByRole('option', { name: new RegExp(`^${p01!.id} `) }).click()
  await expect(page.getByTestId('proposals-table').locator('tbody tr')).toHaveCount(3)
  await page.getByTestId('proposal-filter-group').click()
  await page.getByRole('option', { name: '全部建议' }).click()
  await page.getByTestId('proposal-filter-channel').click()
  await page.getByRole('option', { name: '网上征集' }).click()
  await expect(page.getByTestId('proposals-table').locator('tbody tr')).toHaveCount(2)
  await shot(page, 'console-zh')
  await page.getByRole('button', { name: /语言 \/ Language/ }).click()
  await expect(page.getByTestId('proposal-count')).toHaveText('6 proposals, 2 ungrouped')
  await shot(page, 'console-en')
  await page.getByRole('button', { name: /语言 \/ Language/ }).click()

  // The project shows its proposals; its planned completion is typed in the editor.
  await page.getByTestId('nav-projects').click()
  const row = page.getByTestId(`project-${p01!.id}`)
  await expect(row.getByTestId('project-proposals')).toContainText('群众点单 3 件')
  await expect(row.getByTestId('project-proposals')).toContainText('12345热线 2、代表联系站 1')
  await row.getByRole('button', { name: '编辑' }).click()
  await page.getByTestId('project-completion').fill('2027年12月')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(row).toContainText('2027年12月')
  await shot(page, 'projects-zh')

  // A vote on those projects opens; the deputy's tablet reads P01's detail, closes it, votes.
  const { voteId } = await host.votes.create({
    title: '2027年度民生实事项目票决',
    rules: defaultRules('select', 2),
    candidateIds: host.session.meeting.data.projects.slice(0, 4).map((p) => p.id),
  })
  const deputy = host.session.meeting.data.deputies[0]!
  const context = await browser.newContext({
    viewport: { width: 768, height: 1024 },
    locale: 'zh-CN',
    hasTouch: true,
  })
  const tablet = await context.newPage()
  await tablet.goto(`${base}/tablet/#c=${deputy.credential}`)
  await expect(tablet.getByTestId('deputy-name')).toBeVisible()
  await host.votes.open({ voteId })
  await tablet.getByTestId(`candidate-${p02!.id}`).click()
  await expect(tablet.getByTestId(`candidate-${p02!.id}`)).toHaveAttribute('aria-checked', 'true')

  await tablet.getByTestId(`details-${p01!.id}`).click()
  const detail = tablet.getByTestId(`detail-${p01!.id}`)
  await expect(detail).toBeVisible()
  await expect(detail).toContainText(p01!.title)
  await expect(detail).toContainText('群众点单 3 件')
  await expect(detail).toContainText('来源：12345热线 2、代表联系站 1')
  await expect(detail).toContainText(`牵头单位：${p01!.leadUnit}`)
  await expect(detail).toContainText(`投资额：${p01!.budget} 万元`)
  await expect(detail).toContainText('计划完成：2027年12月')
  await tablet.screenshot({ path: join(artifactsDir, 'proposals-tablet-detail-zh.png') })
  await tablet.getByTestId('detail-close').click()
  await tablet.getByRole('button', { name: /语言 \/ Language/ }).click()
  await tablet.getByTestId(`details-${p01!.id}`).click()
  await expect(detail).toContainText('3 citizens’ proposals')
  await expect(detail).toContainText('Planned completion: 2027-12')
  await tablet.screenshot({ path: join(artifactsDir, 'proposals-tablet-detail-en.png') })
  await tablet.getByTestId('detail-close').click()
  await expect(detail).toBeHidden()
  await tablet.getByRole('button', { name: /语言 \/ Language/ }).click()

  // Closed, the ballot is as it was: P02 still marked; mark P01 and vote.
  await expect(tablet.getByTestId(`candidate-${p02!.id}`)).toHaveAttribute('aria-checked', 'true')
  await tablet.getByTestId(`candidate-${p01!.id}`).click()
  await tablet.getByRole('button', { name: '核对选票' }).click()
  await tablet.getByTestId('confirm').click()
  await expect(tablet.getByTestId('recorded')).toHaveText('已记录')
})
