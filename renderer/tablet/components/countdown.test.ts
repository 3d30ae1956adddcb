import { describe, expect, it } from 'vitest'
import { formatRemaining, spokenRemaining } from './Countdown'

describe('the tablet countdown', () => {
  it('shows minutes and seconds, never below zero', () => {
    expect(formatRemaining(600_000)).toBe('10:00')
    expect(formatRemaining(59_001)).toBe('1:00')
    expect(formatRemaining(-5_000)).toBe('0:00')
  })

  it('is spoken each whole minute, then at 30 and 10 seconds: not every second', () => {
    const said = new Set<string>()
    for (let ms = 600_000; ms >= -1000; ms -= 1000) said.add(JSON.stringify(spokenRemaining(ms)))
    expect([...said]).toEqual([
      ...Array.from({ length: 9 }, (_, i) => JSON.stringify({ minutes: 10 - i })),
      JSON.stringify({ minutes: 1 }),
      JSON.stringify({ seconds: 30 }),
      JSON.stringify({ seconds: 10 }),
      'null',
    ])
  })
})
