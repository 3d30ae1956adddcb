import { describe, expect, it } from 'vitest'
import type { DesktopHostState } from '../../shared/protocol/desktop-api'
import { hostNotice } from './desktop'

const running: DesktopHostState = {
  phase: 'running',
  port: 8080,
  restarts: 0,
  lastCrashAt: null,
  nextRestartInMs: null,
  message: null,
  dataDir: '/data',
  openVote: null,
}

describe('hostNotice', () => {
  it('says nothing in a plain browser or while all is well', () => {
    expect(hostNotice(null)).toBeNull()
    expect(hostNotice(running)).toBeNull()
    expect(hostNotice({ ...running, phase: 'starting' })).toBeNull()
  })

  it('tells staff about a restart in progress, after it, and when the shell gave up', () => {
    expect(
      hostNotice({ ...running, phase: 'restarting', nextRestartInMs: 1000, lastCrashAt: 'T' }),
    ).toEqual({ kind: 'restarting', inMs: 1000 })
    expect(
      hostNotice({ ...running, restarts: 2, lastCrashAt: '2026-11-23T09:00:00.000Z' }),
    ).toEqual({ kind: 'restarted', times: 2, at: '2026-11-23T09:00:00.000Z' })
    expect(hostNotice({ ...running, phase: 'failed', message: 'exit 1' })).toEqual({
      kind: 'failed',
      message: 'exit 1',
    })
  })
})
