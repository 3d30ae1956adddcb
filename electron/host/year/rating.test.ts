import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { chinaToday } from '../../../shared/year/year.schema'
import { call, callRaw, HostHarness } from '../testing/host-harness'
import { must, runVote, twoYears as twoYearsOf } from './year-testing'

const twoYears = () => twoYearsOf(h)

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

/** Every file of a folder with its bytes, to show a meeting left as it was. */
async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name)
    if ((await stat(path)).isFile()) out[name] = (await readFile(path)).toString('base64')
  }
  return out
}

describe('验单: the rating made from last year', () => {
  it("makes a 满意度测评 of last year's projects in one click, a second click the same", async () => {
    const { staff, lastYear, lastDir, projects } = await twoYears()
    const before = await files(lastDir)
    expect(must(await call(staff, 'year:previous', {}))).toEqual([
      expect.objectContaining({ meetingId: lastYear, projects: 2 }),
    ])
    const { voteId } = must(await call(staff, 'year:rating-create', { meetingId: lastYear }))
    expect(must(await call(staff, 'year:rating-create', { meetingId: lastYear })).voteId).toBe(
      voteId,
    )
    const votes = h.host.session.meeting.data.votes.filter((v) => v.rules.kind === 'rating')
    expect(votes).toHaveLength(1)
    const vote = votes[0]!
    // This year's meeting (a new demo) uses the same 编号 for the same projects: they are reused.
    expect(vote.candidates.map((c) => c.title)).toEqual(projects.map((p) => p.title))
    const link = must(await call(staff, 'year:view', {})).ratings[0]!
    expect(link.items.map((i) => [i.percent, i.lastDate])).toEqual([
      [100, chinaToday()],
      [0, ''],
    ])
    expect(await files(lastDir)).toEqual(before)
    expect(await h.auditTypes()).toContain('year.rating-created')
  })

  it('refuses this meeting itself, an unknown one, one with no year, and __proto__', async () => {
    const { staff } = await twoYears()
    const own = h.host.session.meetingId!
    for (const meetingId of [own, 'M-none', '__proto__', 'constructor']) {
      const answer = await callRaw(staff, 'year:rating-create', { meetingId })
      expect(answer.ok, meetingId).toBe(false)
    }
    expect(h.host.session.meeting.data.votes).toEqual([])
  })

  it("writes each grade back to last year's projects once published, and nothing else of it", async () => {
    const { staff, lastYear, lastDir, projects } = await twoYears()
    const meetingBefore = await readFile(join(lastDir, 'meeting.json'), 'utf8')
    const auditBefore = await readFile(join(lastDir, 'audit.jsonl'), 'utf8')
    const yearBefore = JSON.parse(await readFile(join(lastDir, 'year.json'), 'utf8'))
    const { voteId } = must(await call(staff, 'year:rating-create', { meetingId: lastYear }))
    const s = 'satisfied'
    const b = 'basic'
    await runVote(
      h,
      staff,
      defaultRules('rating'),
      [
        [s, b],
        [s, b],
        [s, 'unsatisfied'],
        [s, b],
      ],
      voteId,
    )
    const after = JSON.parse(await readFile(join(lastDir, 'year.json'), 'utf8'))
    expect(
      after.projects.map((p: { grade: { grade: string; positiveRate: number } }) => [
        p.grade.grade,
        p.grade.positiveRate,
      ]),
    ).toEqual([
      ['satisfied', 1],
      ['unsatisfied', 0.75],
    ])
    expect(after.projects[0].grade.meetingId).toBe(h.host.session.meetingId)
    // The rest of last year's year, its meeting and its audit log are as they were.
    const withoutGrades = (y: typeof after) => ({
      ...y,
      projects: y.projects.map((p: object) => ({ ...p, grade: null })),
    })
    expect(withoutGrades(after)).toEqual(withoutGrades(yearBefore))
    expect(await readFile(join(lastDir, 'meeting.json'), 'utf8')).toBe(meetingBefore)
    expect(await readFile(join(lastDir, 'audit.jsonl'), 'utf8')).toBe(auditBefore)
    expect(must(await call(staff, 'year:view', {})).ratings[0]!.writtenBackAt).not.toBeNull()
    const entries = await h.host.session.audit.entries()
    expect(entries.filter((e) => e.type === 'year.grades-written-back')).toHaveLength(1)
    await h.host.archiver.idle()
    // Opened again, last year's board shows the grades.
    must(await call(staff, 'meeting:open', { meetingId: lastYear }))
    const last = must(await call(staff, 'year:view', {})).projects
    expect(last.map((p) => p.id)).toEqual(projects.map((p) => p.id))
    expect(last[0]!.grade?.grade).toBe('satisfied')
  })

  it("duplicating last year's meeting leaves its year behind and unchanged; deleting takes the year", async () => {
    const { staff, lastYear, lastDir } = await twoYears()
    const before = await files(lastDir)
    const copy = must(
      await call(staff, 'meeting:duplicate', { meetingId: lastYear, title: '复制的会议' }),
    )
    expect(must(await call(staff, 'year:view', {})).projects).toEqual([])
    expect(await files(lastDir)).toEqual(before)
    expect(copy.meetingId).toBe(h.host.session.meetingId)
    must(await call(staff, 'meeting:delete', { meetingId: lastYear }))
    const trash = await readdir(join(h.dataDir, 'trash'))
    const moved = trash.find((name) => name.startsWith(lastYear))!
    expect(
      JSON.parse(await readFile(join(h.dataDir, 'trash', moved, 'year.json'), 'utf8')).projects,
    ).toHaveLength(2)
    expect(must(await call(staff, 'year:previous', {}))).toEqual([])
  })
})
