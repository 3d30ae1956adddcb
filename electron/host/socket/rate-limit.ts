/**
 * Limits for an untrusted hall network: a token bucket per connection for requests, and a
 * failure counter per address for handshakes (credential guessing). Clocks are injected so the
 * limits are tested without waiting.
 */

export interface BucketOptions {
  /** Requests allowed at once. */
  burst: number
  /** Requests refilled per second. */
  perSecond: number
}

/** A token bucket: `take()` answers false once the burst is spent faster than it refills. */
export class TokenBucket {
  readonly #options: BucketOptions
  readonly #now: () => number
  #tokens: number
  #at: number

  constructor(options: BucketOptions, now: () => number = Date.now) {
    this.#options = options
    this.#now = now
    this.#tokens = options.burst
    this.#at = now()
  }

  take(): boolean {
    const now = this.#now()
    const refilled = ((now - this.#at) / 1000) * this.#options.perSecond
    this.#tokens = Math.min(this.#options.burst, this.#tokens + refilled)
    this.#at = now
    if (this.#tokens < 1) return false
    this.#tokens -= 1
    return true
  }
}

export interface FailureLimitOptions {
  /** Failures from one address within `windowMs` before it is blocked. */
  maxFailures: number
  windowMs: number
  /** How long a blocked address is refused, even with a right credential. */
  blockMs: number
}

/**
 * Counts failed handshakes per address. A tablet that mistypes nothing never fails (it opens the
 * URL on its card), so a handful of failures a minute is already unusual; a guesser is blocked
 * long enough that 128-bit credentials stay out of reach by many orders of magnitude.
 */
export class FailureLimiter {
  readonly #options: FailureLimitOptions
  readonly #now: () => number
  readonly #entries = new Map<string, { failures: number[]; blockedUntil: number }>()

  constructor(options: FailureLimitOptions, now: () => number = Date.now) {
    this.#options = options
    this.#now = now
  }

  blocked(address: string): boolean {
    const entry = this.#entries.get(address)
    return entry !== undefined && entry.blockedUntil > this.#now()
  }

  fail(address: string): void {
    const now = this.#now()
    const entry = this.#entries.get(address) ?? { failures: [], blockedUntil: 0 }
    entry.failures = entry.failures.filter((t) => now - t < this.#options.windowMs)
    entry.failures.push(now)
    if (entry.failures.length >= this.#options.maxFailures) {
      entry.blockedUntil = now + this.#options.blockMs
      entry.failures = []
    }
    this.#entries.set(address, entry)
    this.#prune(now)
  }

  /** Keeps the map from growing with every address that ever failed once. */
  #prune(now: number): void {
    if (this.#entries.size < 10_000) return
    for (const [address, entry] of this.#entries) {
      const recent = entry.failures.some((t) => now - t < this.#options.windowMs)
      if (!recent && entry.blockedUntil <= now) this.#entries.delete(address)
    }
  }
}

/** Loopback addresses as Node reports them, IPv4, IPv6 and IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  return (
    address === '::1' ||
    address.startsWith('127.') ||
    address.startsWith('::ffff:127.') ||
    address === 'localhost'
  )
}
