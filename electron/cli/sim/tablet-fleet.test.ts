import { describe, expect, it } from 'vitest'
import { firstSendDelayMs } from './tablet-fleet'

describe('when a virtual tablet first sends', () => {
  it('not before the fastest deputy could have read and confirmed, nor after the spread', () => {
    expect(firstSendDelayMs({ spreadS: 10 }, () => 0)).toBe(1000)
    expect(firstSendDelayMs({ spreadS: 10 }, () => 0.5)).toBe(5500)
    expect(firstSendDelayMs({ spreadS: 10 }, () => 1)).toBe(10_000)
  })

  it('a short spread reads in a tenth of it; --read is kept within the spread', () => {
    expect(firstSendDelayMs({ spreadS: 0.5 }, () => 0)).toBe(50)
    expect(firstSendDelayMs({ spreadS: 10, readS: 0 }, () => 0)).toBe(0)
    expect(firstSendDelayMs({ spreadS: 2, readS: 5 }, () => 0)).toBe(2000)
  })
})
