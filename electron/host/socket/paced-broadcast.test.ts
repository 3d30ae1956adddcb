import { describe, expect, it } from 'vitest'
import { PACED_BUDGET_MS, PACED_SLICE, PacedBroadcast } from './paced-broadcast'

/**
 * A namespace of `n` sockets that records each emit (the ids it went to and the payload); each
 * emit takes `costMs` of the event loop, as writing to that many sockets does.
 */
function fakeNamespace(n: number, costMs = 0) {
  const sockets = new Map(Array.from({ length: n }, (_, i) => [`s${i}`, null]))
  const sent: { ids: string[]; event: string; payload: number }[] = []
  return {
    sockets,
    sent,
    to: (ids: string[]) => ({
      emit: (event: 'x', payload: number) => {
        const until = performance.now() + costMs
        while (performance.now() < until);
        sent.push({ ids, event, payload })
      },
    }),
  }
}

/** One turn of the event loop: what the broadcast left for later runs after the I/O. */
const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('PacedBroadcast', () => {
  it('sends to every socket once, in slices, a few per turn of the event loop', async () => {
    const n = 10 * PACED_SLICE + 3
    const nsp = fakeNamespace(n, PACED_BUDGET_MS / 2)
    new PacedBroadcast<'x', number>(nsp, 'x').send(1)
    // The first turn stops once its time is up: two or three slices, not all eleven. One, if
    // the machine took the CPU away during the first (a busy CI host does): the budget is time.
    expect(nsp.sent.length).toBeGreaterThanOrEqual(1)
    expect(nsp.sent.length).toBeLessThan(4)
    const turns = [nsp.sent.length]
    while (nsp.sent.length < 11 && turns.length < 50) {
      await turn()
      turns.push(nsp.sent.length)
    }
    expect(turns.length).toBeGreaterThan(3)
    expect(nsp.sent.map((s) => s.ids.length)).toEqual([...Array<number>(10).fill(PACED_SLICE), 3])
    expect(nsp.sent.flatMap((s) => s.ids)).toEqual([...nsp.sockets.keys()])
    expect(nsp.sent.every((s) => s.event === 'x' && s.payload === 1)).toBe(true)
    await turn()
    expect(nsp.sent).toHaveLength(11)
  })

  it('sends all at once what fits in one turn', () => {
    const nsp = fakeNamespace(3 * PACED_SLICE)
    new PacedBroadcast<'x', number>(nsp, 'x').send(1)
    expect(nsp.sent.map((s) => s.ids.length)).toEqual([PACED_SLICE, PACED_SLICE, PACED_SLICE])
  })

  it('a newer send replaces one still going out; stop drops what is left', async () => {
    const nsp = fakeNamespace(8 * PACED_SLICE, PACED_BUDGET_MS)
    const out = new PacedBroadcast<'x', number>(nsp, 'x')
    out.send(1)
    out.send(2)
    for (let i = 0; i < 20; i++) await turn()
    expect(nsp.sent.map((s) => s.payload)).toEqual([1, ...Array<number>(8).fill(2)])
    out.send(3)
    out.stop()
    for (let i = 0; i < 20; i++) await turn()
    expect(nsp.sent.map((s) => s.payload)).toEqual([1, ...Array<number>(8).fill(2), 3])
  })

  it('sends nothing to an empty namespace', async () => {
    const nsp = fakeNamespace(0)
    new PacedBroadcast<'x', number>(nsp, 'x').send(1)
    await turn()
    expect(nsp.sent).toEqual([])
  })

  it('says when a send has gone out to every socket, and not for one replaced', async () => {
    const nsp = fakeNamespace(30 * PACED_SLICE, PACED_BUDGET_MS / 4)
    const done: number[] = []
    const paced = new PacedBroadcast<'x', number>(nsp, 'x', () => done.push(nsp.sent.length))
    paced.send(1)
    await turn()
    // Replaced before its last slice: only the newer one is done, once all 30 slices are out.
    paced.send(2)
    for (let i = 0; i < 200 && done.length === 0; i++) await turn()
    expect(done).toHaveLength(1)
    expect(nsp.sent.filter((s) => s.payload === 2)).toHaveLength(30)
    expect(nsp.sent.at(-1)?.payload).toBe(2)
    expect(done[0]).toBe(nsp.sent.length)
  })
})
