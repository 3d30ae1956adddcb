import type { AddressInfo, Server, Socket } from 'node:net'
import { connect, createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { faultSetupFrom } from './fault-options'
import { FaultProxy } from './fault-proxy'

/** A real echo server behind the proxy, and real TCP clients in front of it. */

let echo: Server
let target: { host: string; port: number }
const proxies: FaultProxy[] = []
const clients: Socket[] = []

beforeEach(async () => {
  echo = createServer((s) => {
    s.on('error', () => {})
    s.pipe(s)
  })
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
  target = { host: '127.0.0.1', port: (echo.address() as AddressInfo).port }
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const p of proxies.splice(0)) await p.close()
  await new Promise((resolve) => echo.close(resolve))
})

async function proxy(
  ...args: Parameters<typeof FaultProxy.start> extends [unknown, ...infer R] ? R : never
) {
  const p = await FaultProxy.start(target, ...args)
  proxies.push(p)
  return p
}

/** A client on `port` that collects what comes back; `ended` once the proxy closes or resets it. */
function client(port: number) {
  const socket = connect(port, '127.0.0.1')
  clients.push(socket)
  let received = ''
  const waiters: (() => void)[] = []
  socket.setEncoding('utf8')
  socket.on('data', (text: string) => {
    received += text
    for (const w of waiters.splice(0)) w()
  })
  const ended = new Promise<string>((resolve) => {
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
    socket.on('close', () => resolve('closed'))
  })
  return {
    socket,
    ended,
    received: () => received,
    /** Resolves once `text` has come back in full. */
    until: (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => (received.includes(text) ? resolve() : waiters.push(check))
        check()
      }),
  }
}

describe('the fault proxy', () => {
  it('delays each piece by at least the least latency, and keeps the order', async () => {
    const p = await proxy(1, { latencyMs: [80, 200] })
    const c = client(p.ports[0]!)
    const sent = Date.now()
    for (let i = 0; i < 20; i += 1) c.socket.write(`${i},`)
    const all = Array.from({ length: 20 }, (_, i) => `${i},`).join('')
    await c.until(all)
    // Both ways delayed: at least twice the least latency, never early.
    expect(Date.now() - sent).toBeGreaterThanOrEqual(160)
    expect(c.received()).toBe(all)
    expect(p.stats().connections).toBe(1)
  })

  it('shares one bandwidth cap', async () => {
    const p = await proxy(1, { bandwidthBytesPerS: 200_000 })
    const c = client(p.ports[0]!)
    const data = 'x'.repeat(50_000)
    const sent = Date.now()
    c.socket.write(data)
    await c.until(data)
    // 50 KB up and 50 KB back through 200 KB/s: no sooner than half a second.
    expect(Date.now() - sent).toBeGreaterThanOrEqual(490)
  })

  it('a silent cut holds what is sent until the lane is back; other lanes carry on', async () => {
    const p = await proxy(2)
    const cut = client(p.ports[0]!)
    const other = client(p.ports[1]!)
    cut.socket.write('a')
    await cut.until('a')
    p.cut(0, 'silent')
    cut.socket.write('b')
    other.socket.write('z')
    await other.until('z')
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(cut.received()).toBe('a')
    p.restore(0)
    await cut.until('ab')
  })

  it('a lost cut never delivers what was sent, nor on connections made during it', async () => {
    const p = await proxy(1)
    const before = client(p.ports[0]!)
    before.socket.write('a')
    await before.until('a')
    p.cut(0, 'lost')
    before.socket.write('b')
    const during = client(p.ports[0]!)
    during.socket.write('c')
    await new Promise((resolve) => setTimeout(resolve, 150))
    p.restore(0)
    const after = client(p.ports[0]!)
    after.socket.write('d')
    await after.until('d')
    before.socket.write('e')
    during.socket.write('f')
    after.socket.write('g')
    await after.until('dg')
    // Both stranded connections are still open: nothing told either end.
    expect([before.received(), during.received()]).toEqual(['a', ''])
    expect([before.socket.destroyed, during.socket.destroyed]).toEqual([false, false])
  })

  it('a reset cut resets the lane and refuses it until restored', async () => {
    const p = await proxy(2)
    const c = client(p.ports[0]!)
    c.socket.write('a')
    await c.until('a')
    p.cut(0, 'reset')
    expect(await c.ended).toBe('ECONNRESET')
    const refused = client(p.ports[0]!)
    expect(await refused.ended).toBe('ECONNRESET')
    p.restore(0)
    const again = client(p.ports[0]!)
    again.socket.write('c')
    await again.until('c')
    expect(p.stats().resets).toBeGreaterThanOrEqual(1)
  })

  it('the address goes away (refused) and comes back on the same port', async () => {
    const p = await proxy(1)
    const port = p.ports[0]!
    await p.goAway()
    expect(await client(port).ended).toBe('ECONNREFUSED')
    await p.comeBack()
    const c = client(port)
    c.socket.write('back')
    await c.until('back')
  })

  it('drops connections at random at the rate asked', async () => {
    const p = await proxy(1, { dropsPerMinute: 600 })
    const ends = await Promise.all(Array.from({ length: 5 }, () => client(p.ports[0]!).ended))
    expect(ends).toEqual(Array(5).fill('ECONNRESET'))
    expect(p.stats().resets).toBe(5)
  })
})

describe('the fault options', () => {
  it('read what simulate and bench are given, and refuse nonsense in one line', () => {
    expect(faultSetupFrom({})).toBeNull()
    expect(
      faultSetupFrom({ latency: '50-300', drops: '2', bandwidth: '300', 'cut-third': '30' }),
    ).toEqual({
      plan: { latencyMs: [50, 300], dropsPerMinute: 2, bandwidthBytesPerS: 37_500_000 },
      cutThirdS: 30,
      cutKind: 'silent',
    })
    expect(faultSetupFrom({ 'cut-third': '30', 'cut-kind': 'lost' })?.cutKind).toBe('lost')
    expect(() => faultSetupFrom({ 'cut-kind': 'gone' })).toThrow(/^--cut-kind/)
    expect(() => faultSetupFrom({ latency: '300-50' })).toThrow(/^--latency/)
    expect(() => faultSetupFrom({ bandwidth: '0' })).toThrow(/^--bandwidth/)
    expect(() => faultSetupFrom({ 'cut-third': 'x' })).toThrow(/^--cut-third/)
  })
})
