import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DataVersions } from './data-versions'
import {
  libraryVersions,
  meetingVersions,
  upgrade,
  upgradeLibrary,
  upgradeMeetingData,
  upgradeYear,
  yearVersions,
} from './data-versions'
import { DurableJsonFile } from './durable-json-file'
import { emptyMeetingData } from './meeting.store'
import { verifyMeetingData } from './verify-meeting'
import { verifyYear } from './year.store'

/** Three versions of a made-up file: 1 → 2 renames `n` to `count`, 2 → 3 adds `unit`. */
const made: DataVersions = {
  current: 3,
  steps: {
    1: ({ n, ...rest }) => ({ ...rest, count: n }),
    2: (data) => ({ ...data, unit: 'votes' }),
  },
}

function frozen<T>(value: T): T {
  return Object.freeze(value)
}

describe('upgrade', () => {
  it('takes a file up one step at a time, setting each version, and leaves the input be', () => {
    const v1 = frozen({ version: 1, n: 3, title: 't' })
    expect(upgrade(made, v1)).toEqual({ version: 3, title: 't', count: 3, unit: 'votes' })
    expect(upgrade(made, frozen({ version: 2, title: 't', count: 5 }))).toEqual({
      version: 3,
      title: 't',
      count: 5,
      unit: 'votes',
    })
    expect(v1).toEqual({ version: 1, n: 3, title: 't' })
  })

  it('hands the current version back as it is', () => {
    const current = { version: 3, count: 1 }
    expect(upgrade(made, current)).toBe(current)
  })

  it.each([
    ['a newer version', { version: 4 }],
    ['a version with no step from it', { version: 0 }],
    ['no version', { n: 1 }],
    ['a version that is not a whole number', { version: '1' }],
    ['a list', [1]],
    ['null', null],
  ])('hands %s back as it is, for the verifier to refuse', (_what, data) => {
    expect(upgrade(made, data)).toBe(data)
  })

  it('leaves what today’s host writes as it is, and the verifier refuses a newer meeting', () => {
    const today = emptyMeetingData()
    expect(upgradeMeetingData(today)).toBe(today)
    expect(verifyMeetingData(upgradeMeetingData(today))).toEqual([])
    const library = { version: libraryVersions.current, active: null, meetings: [] }
    expect(upgradeLibrary(library)).toBe(library)
    const newer = { ...today, version: meetingVersions.current + 1 }
    expect(verifyMeetingData(upgradeMeetingData(newer))).toEqual([
      `version ${meetingVersions.current + 1} is not ${meetingVersions.current}`,
    ])
  })

  it('gives a meeting of version 1 blank details and no rehearsal, and an empty one nothing', () => {
    const v1 = frozen({
      version: 1,
      meeting: frozen({ id: 'M1', title: '旧会议', createdAt: '2026-01-01T00:00:00.000Z' }),
      deputies: [],
      projects: [],
      votes: [],
      screen: { stage: 'welcome', voteId: null },
    })
    const upgraded = upgradeMeetingData(v1)
    expect(upgraded).toEqual({
      ...v1,
      version: meetingVersions.current,
      proposals: [],
      meeting: {
        ...v1.meeting,
        details: { session: '', date: '', venue: '', presiding: '' },
        rehearsal: false,
        scrutineers: { members: [], approvedAt: null },
      },
    })
    expect(verifyMeetingData(upgraded)).toEqual([])
    // Version 1 as it was, which today's verifier refuses: the step is what lets it open.
    expect(verifyMeetingData({ ...v1, version: meetingVersions.current, proposals: [] })).toEqual([
      'meeting has no details or rehearsal flag',
    ])
    const empty = { ...v1, meeting: null }
    expect(upgradeMeetingData(empty)).toEqual({
      ...empty,
      version: meetingVersions.current,
      proposals: [],
    })
  })

  it('gives a meeting of version 3 no proposals and its projects no planned completion', () => {
    const project = frozen({
      id: 'P01',
      title: '老旧小区改造',
      summary: '',
      leadUnit: '',
      budget: 1,
    })
    const v3 = frozen({
      version: 3,
      meeting: null,
      deputies: [],
      projects: frozen([project, frozen({ ...project, id: 'P02', completion: '2027-06' })]),
      votes: [],
      screen: { stage: 'welcome', voteId: null },
    })
    const upgraded = upgradeMeetingData(v3)
    expect(upgraded).toEqual({
      ...v3,
      version: meetingVersions.current,
      projects: [
        { ...project, completion: '' },
        { ...project, id: 'P02', completion: '2027-06' },
      ],
      proposals: [],
    })
    expect(verifyMeetingData(upgraded)).toEqual([])
    // Without the step version 3 has no proposals, and today's verifier refuses it.
    expect(verifyMeetingData({ ...v3, version: meetingVersions.current })).toEqual([
      'proposals is not a list',
    ])
    expect(project).not.toHaveProperty('completion')
  })

  it('gives a meeting of version 4 no scrutineers, not approved, and keeps the rest', () => {
    const v4 = frozen({
      version: 4,
      meeting: frozen({
        id: 'M1',
        title: '会议',
        createdAt: '2026-01-01T00:00:00.000Z',
        details: { session: '第五次会议', date: '', venue: '', presiding: '' },
        rehearsal: true,
      }),
      deputies: [],
      projects: [],
      proposals: [],
      votes: [],
      screen: { stage: 'welcome', voteId: null },
    })
    // Today's verifier refuses version 4 as it was: the step is what lets it open.
    expect(verifyMeetingData({ ...v4, version: meetingVersions.current })).toEqual([
      'meeting has no scrutineers',
    ])
    const upgraded = upgradeMeetingData(v4)
    expect(upgraded).toEqual({
      ...v4,
      version: meetingVersions.current,
      meeting: { ...v4.meeting, scrutineers: { members: [], approvedAt: null } },
    })
    expect(verifyMeetingData(upgraded)).toEqual([])
  })

  it('gives every vote of a version 5 meeting no paper count, and keeps the rest', () => {
    const vote = frozen({
      id: 'V1',
      title: '票决',
      rules: frozen({ kind: 'select', seats: 1 }),
      status: 'published',
      candidates: [],
    })
    const v5 = frozen({
      version: 5,
      meeting: null,
      deputies: [],
      projects: [],
      proposals: [],
      votes: frozen([vote, frozen({ ...vote, id: 'V2', status: 'draft' })]),
      screen: { stage: 'welcome', voteId: null },
    })
    // Today's verifier refuses version 5 as it was: the step is what lets it open.
    expect(verifyMeetingData({ ...v5, version: meetingVersions.current })).toEqual([
      'votes[0] has no paper record',
      'votes[1] has no paper record',
    ])
    const upgraded = upgradeMeetingData(v5)
    expect(upgraded).toEqual({
      ...v5,
      version: meetingVersions.current,
      votes: [
        { ...vote, paper: null },
        { ...vote, id: 'V2', status: 'draft', paper: null },
      ],
    })
    expect(verifyMeetingData(upgraded)).toEqual([])
    expect(vote).not.toHaveProperty('paper')
  })

  it('marks every meeting of a version 1 library as no rehearsal', () => {
    const v1 = frozen({
      version: 1,
      active: 'M1',
      meetings: [frozen({ id: 'M1', title: '旧会议', createdAt: '2026-01-01T00:00:00.000Z' })],
    })
    expect(upgradeLibrary(v1)).toEqual({
      version: 2,
      active: 'M1',
      meetings: [{ ...v1.meetings[0], rehearsal: false }],
    })
  })

  it('gives a year of version 1 no imported lists, and its ratings no import and no late marks', () => {
    const item = frozen({
      candidateId: 'P01',
      projectId: 'P01',
      percent: 80,
      lastDate: '2027-01-05',
    })
    const link = frozen({
      voteId: 'V3',
      fromMeetingId: 'M1',
      fromMeetingTitle: '去年的会议',
      items: [item],
      writtenBackAt: null,
    })
    const v1 = frozen({ version: 1, projects: [], ratings: [link] })
    const v2 = upgradeYear(v1)
    expect(v2).toEqual({
      version: 2,
      projects: [],
      ratings: [{ ...link, fromImportId: null, items: [{ ...item, late: [] }] }],
      imported: [],
    })
    expect(verifyYear(v2)).toEqual([])
    expect(verifyYear(v1)).not.toEqual([])
  })

  it.each([
    ['meeting.json', meetingVersions],
    ['library.json', libraryVersions],
    ['year.json', yearVersions],
  ])('%s has a step from every version before the current one', (_file, versions) => {
    const steps: Readonly<Record<number, unknown>> = versions.steps
    for (let version = 1; version < versions.current; version++) {
      expect(steps[version], `no step from version ${version}`).toBeTypeOf('function')
    }
  })
})

describe('a data file read', () => {
  it('is upgraded before it is verified, and so is its previous copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenary-versions-'))
    try {
      const path = join(dir, 'x.json')
      const verify = (data: unknown) =>
        (data as { version?: number }).version === 3 ? [] : ['not version 3']
      const file = new DurableJsonFile(path, verify, (data) => upgrade(made, data))
      await writeFile(path, JSON.stringify({ version: 1, n: 7 }))
      expect(await file.read()).toEqual({ version: 3, count: 7, unit: 'votes' })

      // The current copy broken: the previous one, older still, is upgraded as well.
      await writeFile(`${path}.prev`, JSON.stringify({ version: 2, count: 6 }))
      await writeFile(path, '{"version":')
      const again = new DurableJsonFile(path, verify, (data) => upgrade(made, data))
      expect(await again.read()).toEqual({ version: 3, count: 6, unit: 'votes' })
      expect(again.recoveries).toEqual([expect.objectContaining({ usedPrevious: true })])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
