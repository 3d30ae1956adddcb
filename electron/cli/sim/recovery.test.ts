import { describe, expect, it } from 'vitest'
import { recoveryLines, recoveryReport } from './recovery'

const back = 100_000
const at = (s: number) => back + s * 1000

describe('time to recover per tablet', () => {
  const records = [
    // Cut, no ballot: heard the host 1.5 s after the air came back.
    { lane: 0, sentAt: null, ackedAt: null, heardAfter: at(1.5) },
    // Cut, its ballot pending: heard at 0.8 s, acknowledged at 2.25 s.
    { lane: 0, sentAt: at(-5), ackedAt: at(2.25), heardAfter: at(0.8) },
    // Cut, acknowledged before the cut: only hearing the host counts.
    { lane: 0, sentAt: at(-20), ackedAt: at(-19), heardAfter: at(0.5) },
    // Cut, sent after the air came back: its deputy's delay is no recovery.
    { lane: 0, sentAt: at(3), ackedAt: at(3.1), heardAfter: at(0.2) },
    // Cut and never back.
    { lane: 0, sentAt: at(-5), ackedAt: null, heardAfter: null },
    // Not cut: left out.
    { lane: 1, sentAt: at(-5), ackedAt: at(9), heardAfter: at(0.1) },
  ]
  const ids = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6']

  it('is the later of hearing the host and a pending ballot acknowledged', () => {
    const r = recoveryReport(records, ids, back, (lane) => lane === 0, 3)
    expect(r).toMatchObject({
      tablets: 5,
      pending: 2,
      recovered: 4,
      p50: 0.5,
      p95: 2.25,
      max: 2.25,
    })
    expect(r.slowest).toEqual([
      { deputy: 'D5', backS: null, ackedS: null, recoverS: null },
      { deputy: 'D2', backS: 0.8, ackedS: 2.25, recoverS: 2.25 },
      { deputy: 'D1', backS: 1.5, ackedS: null, recoverS: 1.5 },
    ])
    const lines = recoveryLines(r)
    expect(lines[0]).toContain('p50 0.5 s  p95 2.25 s  max 2.25 s  (4 recovered)')
    expect(lines).toContain('  D5: 未恢复 / not recovered (heard the host – s)')
  })

  it('reports nothing recovered when nobody was cut', () => {
    const r = recoveryReport(records, ids, back, () => false)
    expect(r).toMatchObject({ tablets: 0, recovered: 0, p50: 0, max: 0, slowest: [] })
    expect(recoveryLines(r)).toHaveLength(1)
  })
})
