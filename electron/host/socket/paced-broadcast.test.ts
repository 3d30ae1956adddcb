import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PACED_PAUSE_MS, PACED_SLICE, PacedBroadcast } from './paced-broadcast'

/** A namespace of `n` sockets that records each emit: the ids it went to and the payload. */
function fakeNamespace(n: number) {
  const sockets = new Map(Array.from({ length: n }, (_, i) => [`s${i}`, null]))
  const sent: { ids: string[]; event: string; payload: number }[] = []
  return {
    sockets,
    sent,
    to: (ids: string[]) => ({
      emit: (event: 'x', payload: number) => sent.push({ ids, event, payload }),
    }),
  }
}

describe('PacedBroadcast', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends to every socket in slices with a pause between them', () => {
    const nsp = fakeNamespace(2 * PACED_SLICE + 10)
    new PacedBroadcast<'x', number>(nsp, 'x').send(1)
    expect(nsp.sent.map((s) => s.ids.length)).toEqual([PACED_SLICE])
    vi.advanceTimersByTime(PACED_PAUSE_MS - 1)
    expect(nsp.sent).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(nsp.sent).toHaveLength(2)
    vi.advanceTimersByTime(PACED_PAUSE_MS)
    expect(nsp.sent.map((s) => s.ids.length)).toEqual([PACED_SLICE, PACED_SLICE, 10])
    expect(new Set(nsp.sent.flatMap((s) => s.ids)).size).toBe(2 * PACED_SLICE + 10)
    expect(nsp.sent.every((s) => s.event === 'x' && s.payload === 1)).toBe(true)
    vi.advanceTimersByTime(100)
    expect(nsp.sent).toHaveLength(3)
  })

  it('a newer send replaces one still going out; stop drops what is left', () => {
    const nsp = fakeNamespace(3 * PACED_SLICE)
    const out = new PacedBroadcast<'x', number>(nsp, 'x')
    out.send(1)
    out.send(2)
    vi.advanceTimersByTime(10 * PACED_PAUSE_MS)
    expect(nsp.sent.map((s) => s.payload)).toEqual([1, 2, 2, 2])
    out.send(3)
    out.stop()
    vi.advanceTimersByTime(10 * PACED_PAUSE_MS)
    expect(nsp.sent.map((s) => s.payload)).toEqual([1, 2, 2, 2, 3])
  })

  it('sends nothing to an empty namespace', () => {
    const nsp = fakeNamespace(0)
    new PacedBroadcast<'x', number>(nsp, 'x').send(1)
    vi.runAllTimers()
    expect(nsp.sent).toEqual([])
  })
})
