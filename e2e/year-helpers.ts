import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import type { HostHandle } from '../electron/host'
import type { Mark } from '../shared/protocol/marks'
import type { VoteRules } from '../shared/protocol/vote-rules.schema'
import { defaultRules } from '../shared/protocol/vote-rules.schema'
import type { MeetingId, VoteId } from '../shared/protocol/ids'
import type { ProgressKind } from '../shared/year/year.schema'
import { expect } from './host-fixture'

/** What the year's specs (year-*, rating-hall) share: votes run on the host, console steps. */

/**
 * Ballots cast on the host itself (its services, as the tablets' ballots reach them) in an open
 * vote: deputy `from + i` casts `marks[i]`, one mark per candidate in ballot order (none past
 * the end). The deputies must be checked in before the vote opened.
 */
export async function castOnHost(
  host: HostHandle,
  voteId: VoteId,
  marks: Mark[][],
  from = 0,
): Promise<void> {
  const data = host.session.meeting.data
  const vote = data.votes.find((v) => v.id === voteId)!
  for (const [i, m] of marks.entries()) {
    const ballot = Object.fromEntries(
      vote.candidates.flatMap((c, j) => (m[j] ? [[c.id, m[j]]] : [])),
    )
    await host.votes.submit(data.deputies[from + i]!.id, {
      voteId,
      ballotId: `e2e-year-${voteId}-${from + i}`,
      marks: ballot,
    })
  }
}

/**
 * A vote run on the host: every deputy checked in, the first `marks.length` deputies casting
 * their marks, then closed and published. For specs about the year after the vote, which the
 * console shows.
 */
export async function publishVote(
  host: HostHandle,
  rules: VoteRules,
  marks: Mark[][],
  candidates: number | VoteId,
): Promise<VoteId> {
  const data = host.session.meeting.data
  await host.attendance.set({ deputyIds: data.deputies.map((d) => d.id), state: 'present' })
  const voteId =
    typeof candidates === 'string'
      ? candidates
      : (
          await host.votes.create({
            title: '2027年度民生实事项目票决',
            rules,
            candidateIds: data.projects.slice(0, candidates).map((p) => p.id),
          })
        ).voteId
  await host.votes.open({ voteId })
  await castOnHost(host, voteId, marks)
  await host.votes.close(voteId)
  await host.votes.publish(voteId)
  await host.year.idle()
  return voteId
}

/**
 * Last year, in short: a demo of 8 deputies (no quorum needed), 5 candidates for 3 seats, 6
 * deputies marking the first three, which are elected and become the year's projects.
 */
export async function electThree(host: HostHandle): Promise<{ meetingId: MeetingId }> {
  await host.meetings.loadDemo(8)
  await host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const meetingId = host.session.meetingId!
  const f: Mark = 'for'
  await publishVote(
    host,
    defaultRules('select', 3),
    Array.from({ length: 6 }, () => [f, f, f]),
    5,
  )
  return { meetingId }
}

/** 群众点单: ticks these proposals in the console's list, then groups them under a project. */
export async function groupProposals(page: Page, ids: string[], project: string): Promise<void> {
  for (const id of ids) await page.getByRole('checkbox', { name: id, exact: true }).check()
  await expect(page.getByTestId('proposal-selected')).toHaveText(`已选 ${ids.length} 条`)
  await page.getByTestId('proposal-target').click()
  await page.getByRole('option', { name: new RegExp(`^${project} `) }).click()
  await page.getByTestId('proposal-assign').click()
}

/** 查单: one progress update typed into the open project's page, saved; an opinion answered. */
export async function addProgress(
  page: Page,
  update: { percent: string; text: string; kind?: ProgressKind; opinion?: string },
): Promise<void> {
  await page.getByTestId('add-progress').click()
  const form = page.getByRole('dialog')
  if (update.kind) await form.getByTestId('progress-kind').selectOption(update.kind)
  await form.getByTestId('progress-percent').fill(update.percent)
  await form.getByTestId('progress-text').fill(update.text)
  if (update.opinion) {
    await form.getByTestId('add-opinion').click()
    await form.getByLabel('代表意见 1').fill(update.opinion)
    await form.getByLabel('已办理答复').check()
    await form.getByRole('textbox', { name: '办理答复' }).fill('已督促施工单位错峰施工')
  }
  await form.getByRole('button', { name: '保存' }).click()
}

/** The bytes a console link downloads. */
export async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
  return readFile(await file.path())
}
