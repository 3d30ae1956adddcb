import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest'
import { emptyMeetingDetails } from '../../../../shared/protocol/meeting-details.schema'
import type { Deputy, Meeting } from '../../../../shared/protocol/meeting.schema'
import { defaultRules } from '../../../../shared/protocol/vote-rules.schema'
import { demoMeeting } from '../../demo/demo-meeting'
import type { AgendaData } from './meeting.store'
import { meetingVersions } from './data-versions'
import { emptyMeetingData, MeetingStore } from './meeting.store'
import { verifyMeetingData } from './verify-meeting'
import { DataFileError } from './durable-json-file'
import { openUnder } from '../../testing/open-handles'
import type { DeputyId, MeetingId, VoteId } from '../../../../shared/protocol/ids'

let dir = ''
let store: MeetingStore

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-meeting-'))
  store = await MeetingStore.open(dir)
})

afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

/** 200 deputies: several of the roster's cached blocks, with Chinese names. */
function roster(): Deputy[] {
  return demoMeeting(200).deputies.map((d, i) => ({
    id: `D${String(i + 1).padStart(3, '0')}` as DeputyId,
    ...d,
    credential: `cred-${i + 1}`,
    joinCode: `CODE${i + 1}`,
    present: false,
  }))
}

function meeting(id: string, title: string, createdAt: string): Meeting {
  return {
    id: id as MeetingId,
    title,
    createdAt,
    details: { ...emptyMeetingDetails },
    rehearsal: false,
    scrutineers: { members: [], approvedAt: null },
  }
}

/** The file as another reader sees it, and the store opened on it again. */
async function reopen(): Promise<{ onDisk: unknown; text: string }> {
  await store.close()
  const text = await readFile(join(dir, 'meeting.json'), 'utf8')
  store = await MeetingStore.open(dir)
  expect(store.recoveries).toEqual([])
  return { onDisk: JSON.parse(text), text }
}

const agendaChange = (stage: 'voting' | 'results') => (data: AgendaData) => {
  data.votes.push({
    id: `V-${stage}` as VoteId,
    title: '表决',
    rules: defaultRules('select', 13),
    candidates: [],
    status: 'draft',
    openedAt: null,
    closedAt: null,
    attendance: null,
    result: null,
    paper: null,
  })
  data.screen = { stage, voteId: `V-${stage}` as VoteId }
}

describe('MeetingStore writes', () => {
  it('an agenda write keeps the roster intact on disk', async () => {
    await store.update((data) => {
      data.meeting = meeting('M1', '会议', '2027-01-15T00:00:00.000Z')
      data.deputies = roster()
    })
    const before = structuredClone(store.data)
    await store.updateAgenda(agendaChange('voting'))
    const { onDisk, text } = await reopen()
    expect(onDisk).toEqual({
      ...before,
      votes: [expect.objectContaining({ id: 'V-voting' })],
      screen: { stage: 'voting', voteId: 'V-voting' },
    })
    expect(store.data.deputies).toEqual(before.deputies)
    // The same document as a whole stringify, key order included.
    expect(text).toBe(JSON.stringify(store.data))
    expect(verifyMeetingData(onDisk)).toEqual([])
  })

  it('an agenda write after a roster change writes the changed roster', async () => {
    await store.update((data) => {
      data.deputies = roster()
    })
    await store.updateAgenda(agendaChange('voting'))
    // A roster change (a rename, a new card, one removed), then an agenda write that reuses
    // whatever roster bytes the store holds: they must be the changed roster's.
    await store.update((data) => {
      data.deputies[4]!.name = '改名'
      data.deputies[150]!.credential = 'reissued'
      data.deputies.splice(100, 1)
    })
    await store.updateAgenda(agendaChange('results'))
    const { onDisk, text } = await reopen()
    expect(text).toBe(JSON.stringify(store.data))
    const deputies = (onDisk as { deputies: Deputy[] }).deputies
    expect(deputies).toHaveLength(199)
    expect(deputies[4]?.name).toBe('改名')
    expect(deputies.map((d) => d.id)).not.toContain('D101')
    expect(store.deputyByCredential('reissued')?.id).toBe('D151')
    expect(store.deputyByCredential('cred-151')).toBeUndefined()
  })

  it('a change to some deputies writes theirs and keeps the index', async () => {
    await store.update((data) => {
      data.deputies = roster()
    })
    await store.updateAgenda(agendaChange('voting'))
    expect(store.deputy('D150' as DeputyId)?.present).toBe(false)
    const seen: string[] = []
    await store.updateDeputies(
      ['D150', 'D003', 'nobody', 'D150'] as DeputyId[],
      (data, deputies) => {
        seen.push(...deputies.map((d) => d.id))
        for (const d of deputies) d.present = true
        data.screen = { stage: 'checkin', voteId: null }
      },
    )
    // In roster order, each once, the unknown left out.
    expect(seen).toEqual(['D003', 'D150'])
    expect(store.deputy('D150' as DeputyId)?.present).toBe(true)
    expect(store.deputyByCredential('cred-3')?.present).toBe(true)
    const { onDisk, text } = await reopen()
    expect(text).toBe(JSON.stringify(store.data))
    const present = (onDisk as { deputies: Deputy[] }).deputies.filter((d) => d.present)
    expect(present.map((d) => d.id)).toEqual(['D003', 'D150'])
    expect(store.data.screen.stage).toBe('checkin')
  })

  it('a change to one vote writes that vote, and a vote gone writes nothing', async () => {
    await store.update((data) => {
      data.deputies = roster()
    })
    await store.updateAgenda(agendaChange('voting'))
    await store.updateAgenda(agendaChange('results'))
    await store.updateVote('V-voting' as VoteId, (vote, data) => {
      vote.status = 'open'
      data.screen = { stage: 'voting', voteId: vote.id }
    })
    const { onDisk, text } = await reopen()
    expect(text).toBe(JSON.stringify(store.data))
    expect((onDisk as typeof store.data).votes.map((v) => [v.id, v.status])).toEqual([
      ['V-voting', 'open'],
      ['V-results', 'draft'],
    ])
    expect(store.data.screen).toEqual({ stage: 'voting', voteId: 'V-voting' })
    // Every write renames a new file over the old one: the same inode means none was made.
    const before = await stat(join(dir, 'meeting.json'))
    let called = false
    await store.updateVote('V-gone' as VoteId, () => {
      called = true
    })
    await store.close()
    expect(called).toBe(false)
    expect((await stat(join(dir, 'meeting.json'))).ino).toBe(before.ino)
  })

  it('loads a file written whole by an older host, and keeps its fields when it writes', async () => {
    // Key order and fields as lowdb wrote them, without a quorum (older files have none), as
    // version 2 (cards with join codes, meetings without details) wrote them.
    const old = {
      version: 2,
      meeting: { id: 'M0', title: '旧会议', createdAt: '2026-01-01T00:00:00.000Z' },
      deputies: roster().slice(0, 3),
      projects: [],
      votes: [],
      screen: { stage: 'welcome', voteId: null },
    }
    await store.close()
    await writeFile(join(dir, 'meeting.json'), JSON.stringify(old), 'utf8')
    store = await MeetingStore.open(dir)
    // Brought up to today's version as read (data-versions.ts): blank details, no rehearsal,
    // no proposals, no scrutineers.
    const upgraded = {
      ...old,
      version: meetingVersions.current,
      meeting: {
        ...old.meeting,
        details: { ...emptyMeetingDetails },
        rehearsal: false,
        scrutineers: { members: [], approvedAt: null },
      },
      proposals: [],
    }
    expect(store.data).toEqual(upgraded)
    await store.updateAgenda((data) => {
      data.screen = { stage: 'blank', voteId: null }
    })
    const { text } = await reopen()
    expect(text).toBe(JSON.stringify({ ...upgraded, screen: { stage: 'blank', voteId: null } }))
  })

  it('refuses a roster change outside update, at compile time', () => {
    // Never run: `npm run typecheck` fails if any of these lines stops being an error.
    const agenda = (data: AgendaData) => {
      // @ts-expect-error the roster is read-only in an agenda change
      data.deputies[0]!.present = true
      // @ts-expect-error nor can a deputy be added
      data.deputies.push(roster()[0]!)
      // @ts-expect-error nor the roster replaced
      data.deputies = []
    }
    const deputies: Parameters<MeetingStore['updateDeputies']>[1] = (_data, [d]) => {
      // @ts-expect-error the index finds a deputy by id and credential: not changed here
      d!.credential = 'x'
    }
    const lookups = () => {
      // @ts-expect-error what the store hands out is read-only
      store.deputy('D001')!.present = true
    }
    expectTypeOf(agenda).toBeFunction()
    expectTypeOf(deputies).toBeFunction()
    expectTypeOf(lookups).toBeFunction()
  })
})

/** Every entry of the folder with its size, times and inode: any write changes one of them. */
async function snapshot(): Promise<string[]> {
  const names = (await readdir(dir)).sort()
  return Promise.all(
    names.map(async (name) => {
      const s = await stat(join(dir, name))
      return `${name} ${s.size} ${s.ino} ${s.mtimeMs} ${s.ctimeMs}`
    }),
  )
}

describe('MeetingStore.readOnly', () => {
  beforeEach(async () => {
    await store.update((data) => {
      data.meeting = meeting('M1', '去年的会议', '2026-01-15T00:00:00.000Z')
      data.deputies = roster()
    })
    await store.updateAgenda(agendaChange('voting'))
    await store.close()
  })

  it('reads the meeting, holds no file open after, and writes nothing', async () => {
    const before = await snapshot()
    const data = await MeetingStore.readOnly(dir)
    expect(data).toEqual(store.data)
    expect(await openUnder(dir)).toEqual([])
    expect(await snapshot()).toEqual(before)
  })

  it('reads the last good copy of a broken file and leaves the broken one for its own open', async () => {
    const good = structuredClone(store.data)
    await store.updateAgenda((d) => {
      d.screen = { stage: 'blank', voteId: null }
    })
    await store.close()
    await writeFile(join(dir, 'meeting.json'), '{"version": 1, "deputies": [', 'utf8')
    const before = await snapshot()
    expect(await MeetingStore.readOnly(dir)).toEqual(good)
    expect(await openUnder(dir)).toEqual([])
    expect(await snapshot()).toEqual(before)
    // The meeting's own open still finds the broken file, sets it aside and reports it.
    const own = await MeetingStore.open(dir)
    expect(own.recoveries).toMatchObject([{ usedPrevious: true }])
    await own.close()
  })

  it('answers an empty meeting for a folder without one, and refuses one broken beyond repair', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'plenary-meeting-'))
    try {
      expect(await MeetingStore.readOnly(empty)).toEqual(emptyMeetingData())
      expect(await readdir(empty)).toEqual([])
    } finally {
      await rm(empty, { recursive: true, force: true })
    }
    await writeFile(join(dir, 'meeting.json'), 'not json', 'utf8')
    await writeFile(join(dir, 'meeting.json.prev'), '', 'utf8')
    const before = await snapshot()
    await expect(MeetingStore.readOnly(dir)).rejects.toBeInstanceOf(DataFileError)
    expect(await snapshot()).toEqual(before)
  })
})
