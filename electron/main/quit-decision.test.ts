import { describe, expect, it } from 'vitest'
import { decideDataFolderChange, nextQuitStep, powerSaveChange } from './quit-decision'
import type { QuitState } from './quit-decision'

const vote = { id: 'V1', title: '2027年民生实事项目' }
const idle: QuitState = { openVote: null, hostRunning: true, answer: 'none', flushed: false }

describe('nextQuitStep', () => {
  it('with no vote open, flushes the host and exits', () => {
    expect(nextQuitStep(idle)).toEqual({ step: 'flush' })
    expect(nextQuitStep({ ...idle, flushed: true })).toEqual({ step: 'exit' })
  })

  it('asks first while a vote is open', () => {
    expect(nextQuitStep({ ...idle, openVote: vote })).toEqual({
      step: 'ask',
      voteTitle: '2027年民生实事项目',
    })
  })

  it('stays when staff keep the vote going', () => {
    expect(nextQuitStep({ ...idle, openVote: vote, answer: 'stay' })).toEqual({ step: 'stay' })
  })

  it('flushes then exits when staff confirm', () => {
    const confirmed = { ...idle, openVote: vote, answer: 'quit' as const }
    expect(nextQuitStep(confirmed)).toEqual({ step: 'flush' })
    expect(nextQuitStep({ ...confirmed, flushed: true })).toEqual({ step: 'exit' })
  })

  it('exits at once when the host is already down', () => {
    expect(nextQuitStep({ ...idle, hostRunning: false })).toEqual({ step: 'exit' })
    // Asking still comes first: the staff may prefer to wait for a restart.
    expect(nextQuitStep({ ...idle, hostRunning: false, openVote: vote }).step).toBe('ask')
  })
})

describe('decideDataFolderChange', () => {
  it('refuses while a vote is open', () => {
    expect(decideDataFolderChange(vote, '/a', '/b')).toEqual({
      change: 'refused',
      reason: 'vote-open',
    })
  })
  it('does nothing when the dialog was cancelled or the folder is the same', () => {
    expect(decideDataFolderChange(null, '/a', null)).toEqual({ change: 'unchanged' })
    expect(decideDataFolderChange(null, '/a', '/a')).toEqual({ change: 'unchanged' })
  })
  it('switches to the chosen folder', () => {
    expect(decideDataFolderChange(null, '/a', '/b')).toEqual({ change: 'switch', dataDir: '/b' })
  })
})

describe('powerSaveChange', () => {
  it.each([
    [false, true, 'start'],
    [true, false, 'stop'],
    [true, true, null],
    [false, false, null],
  ] as const)('blocking=%s voteOpen=%s → %s', (blocking, open, change) => {
    expect(powerSaveChange(blocking, open)).toBe(change)
  })
})
