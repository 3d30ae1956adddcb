import type { Mark } from '../../../../shared/protocol/marks'
import { existsSync, readdirSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recountArchive } from '../../../cli/recount-archive'
import type { DeputyState } from '../../../../shared/protocol/views'
import { call, HostHarness, next } from '../../testing/host-harness'
import { joinCodeFromCredential, meetingVersions } from './data-versions'
import type { MeetingData } from './meeting.store'
import { MeetingStore } from './meeting.store'

/**
 * Data folders written by earlier releases (fixtures/data-*, made by fixtures/make-data.ts), each
 * opened by today's host from a copy: it must find everything as it was (upgraded by
 * data-versions.ts, a version 1 sealed box rewritten as version 2), recount every archive, and
 * hold a new vote in the same meeting.
 */

const fixtures = join(import.meta.dirname, 'fixtures')
const releases = readdirSync(fixtures).filter((name) => name.startsWith('data-'))

type BoxOnDisk = {
  version: number
  ballots: unknown[]
  voted: string[]
  received?: string[]
  receipts?: Record<string, string>
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T
}

it('has a data folder of at least one earlier release to open', () => {
  expect(releases.length).toBeGreaterThan(0)
})

describe.each(releases)('%s, written by an earlier release', (release) => {
  let h: HostHarness
  /** The meeting's folder in the copy, and what it held before today's host opened it. */
  let meetingDir = ''
  let before: { meeting: MeetingData; boxes: Map<string, BoxOnDisk> }

  beforeEach(async () => {
    h = new HostHarness()
    h.dataDir = await mkdtemp(join(tmpdir(), 'plenary-release-'))
    h.keyDir = await mkdtemp(join(tmpdir(), 'plenary-keys-'))
    await cp(join(fixtures, release), h.dataDir, { recursive: true })
    const library = await readJson<{ active: string }>(join(h.dataDir, 'library.json'))
    meetingDir = join(h.dataDir, 'meetings', library.active)
    const boxes = new Map<string, BoxOnDisk>()
    for (const name of await readdir(join(meetingDir, 'ballots'))) {
      if (name.endsWith('.json')) boxes.set(name, await readJson(join(meetingDir, 'ballots', name)))
    }
    before = { meeting: await readJson(join(meetingDir, 'meeting.json')), boxes }
    await h.start()
  })

  afterEach(async () => {
    await h.teardown()
  })

  it('opens as it was: no alert, the meeting upgraded, version 1 boxes rewritten as version 2', async () => {
    expect(h.host.session.alerts).toEqual([])
    expect(h.host.session.dataDir).toBe(meetingDir)
    const now = h.host.session.meeting.data
    expect(now.version).toBe(meetingVersions.current)
    expect(now.deputies.map((d) => [d.id, d.credential, d.present])).toEqual(
      before.meeting.deputies.map((d) => [d.id, d.credential, d.present]),
    )
    // Projects made before they had a planned completion have none; no proposals before them.
    expect(now.projects).toEqual(
      before.meeting.projects.map((p) => ({ ...p, completion: p.completion ?? '' })),
    )
    expect(now.proposals).toEqual(before.meeting.proposals ?? [])
    // Cards printed before join codes get theirs from their credentials, and join by them.
    const codes = new Map(before.meeting.deputies.map((d) => [d.id, d.joinCode]))
    for (const d of now.deputies)
      expect(d.joinCode).toBe(codes.get(d.id) ?? joinCodeFromCredential(d.credential))
    const byCode = h.connect('/deputy', { code: now.deputies[0]!.joinCode })
    expect((await next<DeputyState>(byCode, 'deputy:state')).me.name).toBe(now.deputies[0]!.name)
    // Read as another meeting (to duplicate it), the file is upgraded the same way.
    const peeked = await MeetingStore.readOnly(meetingDir)
    expect(peeked.deputies.map((d) => d.joinCode)).toEqual(now.deputies.map((d) => d.joinCode))
    // Made before meetings had details or could be rehearsals: blank details, a real meeting.
    expect(now.meeting).toEqual({
      details: { session: '', date: '', venue: '', presiding: '' },
      rehearsal: false,
      scrutineers: { members: [], approvedAt: null },
      ...before.meeting.meeting,
    })
    expect(h.host.hall.library.meetings.every((m) => m.rehearsal === false)).toBe(true)
    const summary = (votes: MeetingData['votes']) =>
      votes.map((v) => [v.id, v.status, v.rules, v.candidates, v.attendance, v.result])
    expect(summary(now.votes)).toEqual(summary(before.meeting.votes))
    expect(now.votes.some((v) => v.status === 'published')).toBe(true)

    expect([...before.boxes.values()].some((box) => box.version === 1)).toBe(true)
    for (const [name, old] of before.boxes) {
      const box = await readJson<BoxOnDisk>(join(meetingDir, 'ballots', name))
      expect(box.version, name).toBe(2)
      expect(box.ballots).toEqual(old.ballots)
      expect(box.voted).toEqual(old.voted)
      expect(box.received).toEqual(old.received ?? Object.values(old.receipts ?? {}).sort())
      expect(box).not.toHaveProperty('receipts')
      expect(existsSync(join(meetingDir, 'ballots', `${name}.prev`))).toBe(false)
    }
  })

  it('is copied as a new meeting straight from its file as that release wrote it', async () => {
    const onDisk = await readJson<{ version: number }>(join(meetingDir, 'meeting.json'))
    expect(onDisk.version).toBeLessThan(meetingVersions.current)
    const staff = await h.staff()
    const copied = await call(staff, 'meeting:duplicate', {
      meetingId: h.host.session.meetingId ?? '',
      title: '复制的会议',
    })
    expect(copied).toMatchObject({ ok: true })
    expect(h.host.session.meeting.data.meeting).toMatchObject({
      title: '复制的会议',
      details: { session: '', date: '', venue: '', presiding: '' },
      rehearsal: false,
    })
    expect(h.host.session.meeting.data.deputies).toHaveLength(before.meeting.deputies.length)
  })

  it('recounts every archive, then holds a new vote and recounts it', async () => {
    const published = h.host.session.meeting.data.votes.filter((v) => v.status === 'published')
    for (const vote of published) {
      const recount = await recountArchive(h.host.archiver.dirOf(vote.id))
      expect(
        recount.lines.filter((l) => l.startsWith('✗')),
        vote.id,
      ).toEqual([])
      expect(recount.ok).toBe(true)
    }

    const staff = await h.staff()
    const { deputies, projects } = h.host.session.meeting.data
    const created = await call(staff, 'vote:create', {
      title: '新的表决',
      rules: { ...published[0]!.rules },
      candidateIds: projects.map((p) => p.id),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const { voteId } = created.data
    const tablets = await Promise.all(
      deputies.filter((d) => d.present).map((d) => h.deputy(d.credential)),
    )
    const opened = await call(staff, 'vote:open', { voteId })
    expect(opened).toEqual({ ok: true, data: null })
    for (const [i, { socket }] of tablets.entries()) {
      const marks: Record<string, Mark> = { [projects[i % projects.length]!.id]: 'for' }
      const sent = await call(socket, 'ballot:submit', { voteId, ballotId: `again-${i}-id`, marks })
      expect(sent.ok).toBe(true)
    }
    expect(await call(staff, 'vote:close', { voteId })).toEqual({ ok: true, data: null })
    expect(await call(staff, 'vote:publish', { voteId })).toEqual({ ok: true, data: null })
    await h.host.archiver.idle()
    const recount = await recountArchive(h.host.archiver.dirOf(voteId))
    expect(recount.lines.filter((l) => l.startsWith('✗'))).toEqual([])
    expect(recount.lines.join('\n')).toContain(`收回 ${tablets.length}`)

    // The meeting is written in today's version, and a restart reads back what was written.
    const written = await readJson<MeetingData>(join(meetingDir, 'meeting.json'))
    expect(written.version).toBe(meetingVersions.current)
    await h.stop()
    await h.start()
    expect(h.host.session.alerts).toEqual([])
    expect(h.host.session.meeting.data.votes.find((v) => v.id === voteId)?.status).toBe('published')
  })
})
