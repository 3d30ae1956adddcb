import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ImportPreviewView,
  ProjectRowView,
  RosterRowView,
} from '../../../shared/protocol/preparation.schema'
import type { ConsoleDeputyView } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { call, HostHarness, next } from '../testing/host-harness'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../tables/fixtures/${name}`, import.meta.url)))

async function upload<T>(kind: 'roster' | 'projects', name: string, body: Buffer) {
  const res = await fetch(
    `http://127.0.0.1:${h.host.port}/api/import/${kind}?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.host.staffToken}` },
      body: new Uint8Array(body),
    },
  )
  return { status: res.status, body: (await res.json()) as ImportPreviewView<T> }
}

describe('imports through the host', () => {
  it('previews a broken roster without importing, then confirms a clean one', async () => {
    const staff = await h.staff()
    const broken = await upload<RosterRowView>(
      'roster',
      'roster-five-broken.xlsx',
      fixture('roster-five-broken.xlsx'),
    )
    expect(broken.status).toBe(200)
    expect(broken.body.previewId).toBeNull()
    expect(broken.body.problems.map((p) => p.row)).toEqual([4, 5, 6, 7, 9])
    expect(h.host.session.meeting.data.deputies).toHaveLength(0)

    const clean = await upload<RosterRowView>(
      'roster',
      'roster-3000.xlsx',
      fixture('roster-3000.xlsx'),
    )
    expect(clean.body.problems).toEqual([])
    expect(clean.body.rows).toHaveLength(3000)
    const previewId = clean.body.previewId!
    const roster = next<ConsoleDeputyView[]>(staff, 'console:roster', (r) => r.length === 3000)
    const confirmed = await call(staff, 'roster:confirm', { previewId })
    expect(confirmed).toEqual({ ok: true, data: { deputies: 3000 } })
    const view = await roster
    expect(view[0]).not.toHaveProperty('credential')
    const deputies = h.host.session.meeting.data.deputies
    expect(new Set(deputies.map((d) => d.credential)).size).toBe(3000)
    // A preview is confirmed once.
    expect(await call(staff, 'roster:confirm', { previewId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('refuses a file that is not a spreadsheet and one that is too large', async () => {
    const pdf = await upload('roster', 'not-a-sheet.pdf', fixture('not-a-sheet.pdf'))
    expect(pdf.body.previewId).toBeNull()
    expect(pdf.body.problems[0]?.code).toBe('wrong-file-type')
    const huge = await upload('roster', 'huge.csv', Buffer.alloc(21 * 1024 * 1024, 0x41))
    expect(huge.status).toBe(413)
  })

  it('imports projects, then edits and reorders them; draft votes follow', async () => {
    const staff = await h.staff()
    const up = await upload<ProjectRowView>('projects', 'projects.xlsx', fixture('projects.xlsx'))
    expect(up.body.problems).toEqual([])
    const n = up.body.rows.length
    expect(await call(staff, 'projects:confirm', { previewId: up.body.previewId! })).toEqual({
      ok: true,
      data: { projects: n },
    })
    const ids = h.host.session.meeting.data.projects.map((p) => p.id)
    const created = await call(staff, 'vote:create', {
      title: '票决',
      rules: defaultRules('select', 2),
      candidateIds: ids.slice(0, 3),
    })
    if (!created.ok) throw new Error('vote:create failed')
    const first = h.host.session.meeting.data.projects[0]
    if (!first) throw new Error('projects imported')
    expect(
      await call(staff, 'project:update', { ...first, projectId: first.id, title: '新的标题' }),
    ).toEqual({ ok: true, data: null })
    expect(h.host.session.meeting.data.votes[0]?.candidates[0]?.title).toBe('新的标题')
    const reversed = [...ids].reverse()
    expect(await call(staff, 'projects:reorder', { ids: reversed })).toEqual({
      ok: true,
      data: null,
    })
    expect(h.host.session.meeting.data.projects.map((p) => p.id)).toEqual(reversed)
    expect(await call(staff, 'projects:reorder', { ids: reversed.slice(1) })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    // A duplicate number is refused and changes nothing.
    const before = JSON.stringify(h.host.session.meeting.data)
    expect(
      await call(staff, 'project:add', { id: ids[1]!, title: '重复编号的项目' }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(JSON.stringify(h.host.session.meeting.data)).toBe(before)
  })
})

describe('deputies and credentials by hand', () => {
  it('adds, edits and removes deputies; a reissued card stops the old tablet at once', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(10)
    const added = await call(staff, 'deputy:add', {
      name: '新代表',
      delegation: '城关街道代表团',
      seat: '99排1号',
      idLast4: '123x',
    })
    if (!added.ok) throw new Error(JSON.stringify(added.error))
    const deputy = h.host.session.meeting.data.deputies.find((d) => d.id === added.data.deputyId)
    expect(deputy).toMatchObject({ name: '新代表', idLast4: '123X', present: false })
    expect(
      await call(staff, 'deputy:add', { name: '另一位', delegation: 'x', seat: '99排1号' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request', detail: expect.stringMatching(/seat/) },
    })

    const old = deputy?.credential ?? ''
    const tablet = await h.deputy(old)
    const revoked = next<void>(tablet.socket, 'deputy:revoked')
    const reissued = await call(staff, 'deputy:reissue', {
      deputyId: added.data.deputyId,
    })
    if (!reissued.ok) throw new Error('reissue failed')
    expect(reissued.data.credential).not.toBe(old)
    await revoked
    const stale = h.connect('/deputy', { credential: old })
    await expect(next<Error>(stale, 'connect_error')).resolves.toMatchObject({
      message: 'unauthorized',
    })
    const fresh = await h.deputy(reissued.data.credential)
    expect(fresh.state.me.name).toBe('新代表')

    expect(await call(staff, 'deputy:remove', { deputyId: added.data.deputyId })).toEqual({
      ok: true,
      data: null,
    })
    expect(h.host.session.meeting.data.deputies).toHaveLength(10)
  })

  it("answers one deputy's card, and 404 for a deputy who is not on the roster", async () => {
    await h.host.meetings.loadDemo(10)
    const get = (query: string) =>
      fetch(`http://127.0.0.1:${h.host.port}/api/credentials.pdf?${query}`, {
        headers: { Authorization: `Bearer ${h.host.staffToken}` },
      })
    const one = await get('deputy=D001')
    expect(one.status).toBe(200)
    expect(one.headers.get('content-type')).toBe('application/pdf')
    expect((await get('deputy=D999')).status).toBe(404)
  })
})

describe('the agenda', () => {
  it('edits and removes a draft vote; rules and candidates lock once it opens', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 10)
    const ids = h.host.session.meeting.data.projects.map((p) => p.id)
    const edit = {
      voteId,
      title: '改过的票决',
      rules: { ...defaultRules('select', 5), allowChange: true },
      candidateIds: ids.slice(0, 8),
    }
    expect(await call(staff, 'vote:update', edit)).toEqual({ ok: true, data: null })
    const vote = h.host.session.meeting.data.votes[0]
    expect(vote?.title).toBe('改过的票决')
    expect(vote?.candidates).toHaveLength(8)
    expect(vote?.rules.seats).toBe(5)
    expect(
      await call(staff, 'vote:update', { ...edit, rules: defaultRules('select', 9) }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request' } })

    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    expect(await call(staff, 'vote:update', { ...edit, title: '开始后' })).toMatchObject({
      ok: false,
      error: { code: 'vote-not-draft' },
    })
    expect(await call(staff, 'vote:remove', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'vote-not-draft' },
    })
    expect(h.host.session.meeting.data.votes[0]?.title).toBe('改过的票决')
  })
})
