import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { countdown, finalHeading, qrPath, quorumState, turnoutPercent } from './stage-data'

describe('quorum', () => {
  it('shows what the host decided', () => {
    const attendance = {
      roster: 327,
      present: 217,
      absent: 100,
      leave: 10,
      quorum: { numerator: 2, denominator: 3 },
      quorumNeeded: 218,
      quorumMet: false,
    }
    expect(quorumState(attendance)).toEqual({ needed: 218, met: false })
    expect(quorumState({ ...attendance, present: 218, quorumMet: true })).toEqual({
      needed: 218,
      met: true,
    })
  })
})

describe('turnout and countdown', () => {
  it('turns issued and cast into a bar', () => {
    expect(turnoutPercent({ cast: 157, issued: 314 })).toBe(50)
    expect(turnoutPercent({ cast: 0, issued: 0 })).toBe(0)
  })

  it('counts down by the host clock and turns urgent in the last minute', () => {
    const deadline = 1_000_000
    expect(countdown(deadline, deadline - 125_000, 600)).toMatchObject({
      text: '02:05',
      urgent: false,
      expired: false,
    })
    expect(countdown(deadline, deadline - 59_500, 600)).toMatchObject({
      text: '01:00',
      urgent: true,
    })
    expect(countdown(deadline, deadline + 5_000, 600)).toMatchObject({
      text: '00:00',
      expired: true,
    })
    expect(countdown(deadline, deadline - 3_725_000).text).toBe('1:02:05')
    // A two-minute limit warns in its last 12 s, not the whole way.
    expect(countdown(deadline, deadline - 30_000, 120).urgent).toBe(false)
    expect(countdown(deadline, deadline - 12_000, 120).urgent).toBe(true)
  })
})

describe('final heading', () => {
  it('takes the year from the vote title', () => {
    expect(finalHeading('2027年度民生实事项目票决')).toEqual({
      year: '2027',
      title: '2027年度民生实事项目',
    })
    expect(finalHeading('重点工程票决（另行票决）')).toEqual({ year: null, title: '重点工程' })
  })
})

describe('join QR', () => {
  it('draws exactly the dark modules of the matrix', () => {
    const { modules } = QRCode.create('http://192.168.1.10:8080/tablet/', {
      errorCorrectionLevel: 'M',
    })
    const dark = (r: number, c: number) => modules.get(r, c) === 1
    const path = qrPath(modules.size, dark)
    let drawn = 0
    for (const m of path.matchAll(/h(\d+)/g)) drawn += Number(m[1])
    let expected = 0
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) if (dark(r, c)) expected++
    expect(drawn).toBe(expected)
    expect(qrPath(2, (r, c) => r === c)).toBe('M0 0h1v1h-1zM1 1h1v1h-1z')
  })
})
