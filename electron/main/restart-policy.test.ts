import { describe, expect, it } from 'vitest'
import { decideRestart } from './restart-policy'
import type { RestartPolicy } from './restart-policy'

const policy: RestartPolicy = {
  maxCrashes: 4,
  windowMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 3_000,
}

describe('decideRestart', () => {
  it('restarts after a first crash with the base delay', () => {
    expect(decideRestart([], 1_000, policy)).toEqual({
      action: 'restart',
      delayMs: 500,
      attempt: 1,
      crashes: [1_000],
    })
  })

  it('doubles the delay for every crash in the window, capped', () => {
    const delays: number[] = []
    let crashes: number[] = []
    for (const now of [0, 1_000, 2_000]) {
      const d = decideRestart(crashes, now, policy)
      if (d.action !== 'restart') throw new Error('expected a restart')
      delays.push(d.delayMs)
      crashes = d.crashes
    }
    expect(delays).toEqual([500, 1_000, 2_000])
    const capped = decideRestart([0, 1], 2, { ...policy, maxCrashes: 10 })
    expect(capped).toMatchObject({ action: 'restart', attempt: 3, delayMs: 2_000 })
    expect(decideRestart([0, 1, 2, 3], 4, { ...policy, maxCrashes: 10 })).toMatchObject({
      delayMs: 3_000,
    })
  })

  it('gives up at the Nth crash inside the window', () => {
    expect(decideRestart([0, 10_000, 20_000], 30_000, policy)).toEqual({
      action: 'give-up',
      crashesInWindow: 4,
      crashes: [0, 10_000, 20_000, 30_000],
    })
  })

  it('forgets crashes older than the window', () => {
    const d = decideRestart([0, 10_000, 20_000], 75_000, policy)
    expect(d).toEqual({ action: 'restart', delayMs: 1_000, attempt: 2, crashes: [20_000, 75_000] })
  })

  it('ignores crash times from the future (a clock set back)', () => {
    expect(decideRestart([90_000, 95_000], 10_000, policy)).toMatchObject({ attempt: 1 })
  })
})
