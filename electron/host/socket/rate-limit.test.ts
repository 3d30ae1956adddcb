import { describe, expect, it } from 'vitest'
import { FailureLimiter, isLoopback, TokenBucket } from './rate-limit'

describe('TokenBucket', () => {
  it('allows the burst, refuses past it, and refills with time', () => {
    let now = 0
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ])
    now = 499
    expect(bucket.take()).toBe(false)
    now = 500
    expect(bucket.take()).toBe(true)
    now = 60_000
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ])
  })
})

describe('FailureLimiter', () => {
  it('blocks an address after max failures within the window, for blockMs', () => {
    let now = 0
    const limiter = new FailureLimiter({ maxFailures: 3, windowMs: 1000, blockMs: 5000 }, () => now)
    limiter.fail('10.0.0.5')
    now = 600
    limiter.fail('10.0.0.5')
    now = 1200 // the first failure left the window
    limiter.fail('10.0.0.5')
    expect(limiter.blocked('10.0.0.5')).toBe(false)
    limiter.fail('10.0.0.5')
    expect(limiter.blocked('10.0.0.5')).toBe(true)
    expect(limiter.blocked('10.0.0.6')).toBe(false)
    now = 1200 + 5000
    expect(limiter.blocked('10.0.0.5')).toBe(false)
  })
})

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', false],
    ['::ffff:192.168.1.20', false],
    ['fe80::1', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected)
  })
})
