import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { PaperBallot } from '../shared/protocol/paper-count.schema'
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
 * The paper count at scale (issue 24 item 5): a 4选2 with 50 deputies present, 20 vote by
 * tablet, then the vote goes to paper; 30 papers in two batches (5 and 25), each entered twice
 * by two 计票人 on two consoles (batch 1 typed in Chromium on both, batch 2 over the console's
 * socket with one paper read otherwise), the mismatch resolved by a 监票人 in the console, then
 * closed, published, the 宣布稿 saying 30 came from paper, its Word copies read back.
 */

const title = '2027年度民生实事项目票决（纸质计票）'
const tellers = ['陈静', '王磊']

/** The ith of the 30 papers: two marks, or one; every tenth from the 4th over-voted, from the 5th spoiled. */
function paperOf(i: number, ids: string[]): PaperBallot {
  const [a, b, c, d] = ids as [string, string, string, string]
  if (i % 10 === 3) return { marks: { [a]: 'for', [b]: 'for', [c]: 'for' } }
  if (i % 10 === 4) return { marks: {}, spoiled: true }
  const marks = [[a, b], [c], [b, d]][i % 3]!
  return { marks: Object.fromEntries(marks.map((id) => [id, 'for'])) }
}

/** A teller's whole entry of batch 1 in a console page, paper by paper, then submitted. */
async function typeBatch(page: Page, teller: string, papers: PaperBallot[], shot?: string) {
  await page.getByTestId('paper-begin-batch').fill('1')
  await page.getByTestId('paper-begin-size').fill(String(papers.length))
  await page.getByTestId('paper-begin-teller').selectOption(teller)
  await page.getByTestId('paper-begin-go').click()
  const form = page.getByTestId('paper-entry')
  await expect(form).toContainText(`第 1 批 · 第`)
  for (const [i, paper] of papers.entries()) {
    await expect(page.getByTestId('paper-entry-place')).toHaveText(
      `第 ${i + 1} 张 / 共 ${papers.length} 张`,
    )
    if (paper.spoiled) await page.getByTestId('paper-entry-mark-spoiled').check()
    else
      for (const id of Object.keys(paper.marks))
        await page.getByTestId(`paper-entry-mark-${id}`).check()
    if (i === 3) {
      await expect(page.getByTestId('paper-entry-mark-over-vote')).toBeVisible()
      if (shot) await form.screenshot({ path: join(artifactsDir, shot) })
    }
    await page.getByTestId('paper-entry-save').click()
    await expect(page.getByTestId('paper-entry-saved')).toHaveText(
      `已保存 ${i + 1}/${papers.length} 张`,
    )
  }
  await page.getByTestId('paper-entry-finish').click()
  await page.getByRole('dialog').getByTestId('confirm-dialog-ok').click()
  await expect(form).toHaveCount(0)
}

test('30 papers in two batches entered twice, one mismatch resolved, published with N from paper', async ({
  page,
  browser,
  host,
  base,
}) => {
  test.setTimeout(240_000)
  await host.meetings.loadDemo(52)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const driver = new HallDriver(base, host.staffToken)
  await driver.call('scrutineers:set', {
    members: [
      { role: 'chief', name: '周建国' },
      { role: 'scrutineer', name: '李秀英' },
      ...tellers.map((name) => ({ role: 'teller', name })),
    ],
  })
  await driver.call('scrutineers:approve', {})
  const deputies = host.session.meeting.data.deputies
  await driver.checkIn(deputies.slice(0, 50).map((d) => d.credential))
  const ids = host.session.meeting.data.projects.map((p) => p.id).slice(0, 4)
  const voteId = await driver.createVote(title, defaultRules('select', 2), ids)
  await driver.call('vote:open', { voteId })
  await driver.cast(
    voteId,
    Array.from({ length: 20 }, (_, i) => ({ [ids[i % 4]!]: 'for' as const })),
  )

  // The vote goes to paper from the console: asked first, naming what stays.
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(host.consoleUrl)
  await page.getByTestId('nav-hall').click()
  await page.getByTestId('paper-start').click()
  const ask = page.getByRole('dialog')
  await expect(ask).toContainText('已投的 20 张平板选票保留；其余 30 名代表使用纸质选票')
  await page.screenshot({ path: join(artifactsDir, 'paper-start.png') })
  await ask.getByTestId('confirm-dialog-ok').click()
  const panel = page.getByTestId('paper-count')
  await expect(panel).toContainText('平板选票 20 张保留，其余以纸质选票计票')

  // A tablet now says where to vote instead.
  const tabletContext = await browser.newContext({ viewport: { width: 768, height: 1024 } })
  const tablet = await tabletContext.newPage()
  await tablet.goto(`${base}/tablet/#c=${deputies[49]!.credential}`)
  await expect(tablet.getByTestId('tablet-message')).toHaveText(
    '本次表决改用纸质选票：请在工作人员发给您的纸质选票上填写，投入票箱。',
  )
  await tablet.screenshot({ path: join(artifactsDir, 'paper-tablet.png') })

  await page.getByTestId('paper-issued').fill('30')
  await page.getByTestId('paper-returned').fill('30')
  await page.getByTestId('paper-tallies-save').click()
  await expect(page.getByTestId('paper-figures')).toContainText('尚可录入 30 张')

  // A stack larger than the papers left is refused by its figures, and nothing is begun.
  await page.getByTestId('paper-begin-batch').fill('1')
  await page.getByTestId('paper-begin-size').fill('31')
  await page.getByTestId('paper-begin-teller').selectOption(tellers[0]!)
  await page.getByTestId('paper-begin-go').click()
  await expect(page.getByTestId('live-error')).toHaveText(
    '第 1 批 31 张超过尚待计票的 30 张，未录入',
  )
  await expect(page.getByTestId('paper-batches')).toHaveCount(0)

  // Batch 1: 陈静 on this console, 王磊 on a second one (its own tab: another device).
  const papers1 = Array.from({ length: 5 }, (_, i) => paperOf(i, ids))
  await typeBatch(page, tellers[0]!, papers1, 'paper-entry-over-vote.png')
  await expect(page.getByTestId('live-notice')).toHaveText('已提交，等待另一次录入')
  const second = await (
    await browser.newContext({ viewport: { width: 1366, height: 900 } })
  ).newPage()
  await second.goto(host.consoleUrl)
  await second.getByTestId('nav-hall').click()
  await typeBatch(second, tellers[1]!, papers1)
  await expect(second.getByTestId('live-notice')).toHaveText('两次录入一致，本批已计入票箱')
  await expect(page.getByTestId('paper-batch-1')).toContainText('已计入')
  // A third entry of the same batch: refused, by name.
  await second.getByTestId('paper-begin-batch').fill('1')
  await second.getByTestId('paper-begin-size').fill('5')
  await second.getByTestId('paper-begin-teller').selectOption(tellers[0]!)
  await second.getByTestId('paper-begin-go').click()
  await expect(second.getByTestId('live-error')).toHaveText(
    '第 1 批已核对一致并计入票箱，不能再录入',
  )

  // Batch 2 over the console's socket, two devices; 王磊 reads paper 7 (P02 and P04) as P04 alone.
  const papers2 = Array.from({ length: 25 }, (_, i) => paperOf(i + 5, ids))
  for (const [teller, device] of [
    [tellers[0]!, 'socket-device-x'],
    [tellers[1]!, 'socket-device-y'],
  ] as const) {
    const { slot } = await driver.call<{ slot: 1 | 2 }>('paper:begin', {
      voteId,
      batch: 2,
      size: 25,
      teller,
      device,
    })
    for (const [index, paper] of papers2.entries()) {
      const misread = slot === 2 && index === 6 ? { marks: { [ids[3]!]: 'for' as const } } : paper
      await driver.call('paper:type', { voteId, batch: 2, slot, device, index, ballot: misread })
    }
    await driver.call('paper:finish', { voteId, batch: 2, slot, device })
  }
  const mismatch = page.getByTestId('paper-mismatch-2')
  await expect(mismatch).toContainText('第 7 张')
  await expect(page.getByTestId('paper-batch-2')).toContainText('两次录入不一致')
  await mismatch.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(artifactsDir, 'paper-mismatch.png'), fullPage: true })
  // 李秀英 finds paper 7 in the stack: P02 and P04, as the first entry had it.
  for (const id of Object.keys(papers2[6]!.marks))
    await page.getByTestId(`paper-resolve-2-7-${id}`).check()
  await page.getByTestId('paper-resolve-2-scrutineer').selectOption('李秀英')
  await page.getByTestId('paper-resolve-2-save').click()
  await expect(page.getByRole('dialog')).toContainText('由 李秀英 按原票核定第 2 批第 7 张')
  await page.getByRole('dialog').getByTestId('confirm-dialog-ok').click()
  await expect(page.getByTestId('paper-figures')).toContainText('已计入 30 张（其中作废 3 张）')
  await expect(page.getByTestId('paper-batch-2')).toContainText('监票人 李秀英 核定 1 张')
  await panel.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(artifactsDir, 'paper-count-done.png'), fullPage: true })
  // The English console says the same.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByTestId('paper-figures')).toContainText('30 counted (3 spoiled)')
  await panel.screenshot({ path: join(artifactsDir, 'paper-count-en.png') })
  await page.getByRole('button', { name: '中文' }).click()

  // Closed and published from the console.
  await page.getByTestId('live-close').click()
  await page.getByRole('dialog').getByTestId('confirm-dialog-ok').click()
  await page.getByTestId('live-publish').click()
  await page.getByRole('dialog').getByTestId('confirm-dialog-ok').click()
  await expect(page.getByTestId('live-vote-status')).toHaveText('已公布')
  const vote = host.session.meeting.data.votes.find((v) => v.id === voteId)!
  expect(vote.result?.counts).toMatchObject({ issued: 50, cast: 50, invalid: 6 })
  await host.archiver.idle()

  const announcement = page.getByTestId('announcement')
  await expect(announcement).toContainText(
    '收回的选票中，平板选票20张，纸质选票30张；纸质选票发出30张，收回30张，其中作废3张，经计票人分批两次录入、核对一致。',
  )
  await announcement.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(artifactsDir, 'paper-announcement.png') })

  const download = async (name: string) => {
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).first().click(),
    ])
    return { name: saved.suggestedFilename(), bytes: await readFile((await saved.path())!) }
  }
  const word = await download('宣布稿（Word）')
  expect(word.name).toBe(`${title}-宣布稿.docx`)
  const report = await download('计票结果报告（Word）')
  expect(report.name).toBe(`${title}-计票结果报告.docx`)

  // The paper ballot of the vote, from 表决议程.
  await page.getByTestId('nav-agenda').click()
  const [ballot] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('paper-ballot').first().click(),
  ])
  expect(ballot.suggestedFilename()).toBe(`${title}-纸质选票.pdf`)
  expect(pdfText(await readFile((await ballot.path())!)).replace(/\s+/g, '')).toContain(
    '4选2：最多选2项',
  )

  test.skip(!hasSoffice, needsSoffice)
  const said = docxText(word.bytes).replace(/\s+/g, '')
  expect(said).toContain('收回的选票中，平板选票20张，纸质选票30张')
  expect(docxText(report.bytes).replace(/\s+/g, '')).toContain('其中平板选票20张，纸质选票30张。')
  driver.close()
})
