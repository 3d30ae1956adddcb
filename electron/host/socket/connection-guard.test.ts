import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Socket as EngineSocket } from 'engine.io-client'
import { io, Manager } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { createHost } from '..'
import type { HostHandle, HostOptions } from '..'

/** Real hosts on port 0 and real Socket.IO clients, each closed when the test ends. */
let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

async function host(options: Partial<HostOptions> = {}): Promise<HostHandle> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plenary-guard-'))
  const h = await createHost({ dataDir, port: 0, host: '127.0.0.1', log: () => {}, ...options })
  cleanup.push(async () => {
    await h.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  return h
}

function client(h: HostHandle, nsp: string): Socket {
  const socket = io(`http://127.0.0.1:${h.port}${nsp}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  })
  cleanup.push(async () => {
    socket.disconnect()
  })
  return socket
}

/** Resolves true once connected, false on a refusal or a close first. */
function connects(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(true))
    socket.once('connect_error', () => resolve(false))
    socket.once('disconnect', () => resolve(false))
  })
}

function closedWithin(socket: Socket, ms: number): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms)
    socket.once('disconnect', (reason) => {
      clearTimeout(timer)
      resolve(reason)
    })
  })
}

/** A raw engine.io connection: it speaks Socket.IO's packets only when told to. */
function engine(h: HostHandle): EngineSocket {
  const conn = new EngineSocket(`ws://127.0.0.1:${h.port}`, {
    path: '/socket.io/',
    transports: ['websocket'],
  })
  cleanup.push(async () => {
    conn.close()
  })
  return conn
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('connections that never authenticate', () => {
  it('closes a root-namespace socket that joins no namespace in time; keeps the screen', async () => {
    const h = await host({ joinTimeoutMs: 300 })
    const root = client(h, '/')
    const screen = client(h, '/screen')
    expect(await connects(root)).toBe(true)
    expect(await connects(screen)).toBe(true)
    const t0 = Date.now()
    expect(await closedWithin(root, 3000)).toBe('io server disconnect')
    expect(Date.now() - t0).toBeLessThan(1500)
    // A namespace that serves something stays as long as it likes.
    await wait(400)
    expect(screen.connected).toBe(true)
  })

  it('keeps a root-namespace socket whose connection joined /screen too', async () => {
    const h = await host({ joinTimeoutMs: 300 })
    const manager = new Manager(`http://127.0.0.1:${h.port}`, {
      transports: ['websocket'],
      reconnection: false,
    })
    const root = manager.socket('/')
    const screen = manager.socket('/screen')
    cleanup.push(async () => {
      root.disconnect()
      screen.disconnect()
    })
    expect(await Promise.all([connects(root), connects(screen)])).toEqual([true, true])
    expect(await closedWithin(root, 800)).toBeNull()
  })

  it('closes a connection that joins no namespace at all, or stays after a refusal', async () => {
    const h = await host({ joinTimeoutMs: 300 })
    const closed = (conn: EngineSocket) =>
      new Promise<number>((resolve) => conn.once('close', () => resolve(Date.now())))
    // socket.io-client closes its connection itself when refused; a hostile client need not.
    const bare = engine(h)
    const refused = engine(h)
    const answers: string[] = []
    refused.on('message', (data) => answers.push(String(data)))
    refused.once('open', () => refused.send('0/deputy,{"credential":"guess"}'))
    let opened = 0
    for (const conn of [bare, refused]) conn.once('open', () => (opened += 1))
    const t0 = Date.now()
    const [a, b] = await Promise.all([closed(bare), closed(refused)])
    expect(opened).toBe(2)
    expect(answers).toEqual(['4/deputy,{"message":"unauthorized"}'])
    expect(Math.min(a, b) - t0).toBeGreaterThanOrEqual(250)
    expect(Math.max(a, b) - t0).toBeLessThan(2000)
  })

  it('caps the connections of one address, whatever namespace; a closed one frees a place', async () => {
    const h = await host({ connectionsPerAddress: 3, connectionCapExempt: () => false })
    const held = [client(h, '/screen'), client(h, '/screen'), client(h, '/')]
    expect(await Promise.all(held.map(connects))).toEqual([true, true, true])
    expect(await connects(client(h, '/screen'))).toBe(false)
    expect(await connects(client(h, '/console'))).toBe(false)

    held[0]?.disconnect()
    // The host counts the close when its side of the connection ends: try again shortly.
    let again = false
    for (let i = 0; i < 20 && !again; i++) {
      again = await connects(client(h, '/screen'))
      if (!again) await wait(50)
    }
    expect(again).toBe(true)
    expect(await connects(client(h, '/screen'))).toBe(false)
  })

  it('does not cap this machine by default (the console, the projector, a rehearsal)', async () => {
    const h = await host({ connectionsPerAddress: 3 })
    const many = Array.from({ length: 8 }, () => client(h, '/screen'))
    expect((await Promise.all(many.map(connects))).every(Boolean)).toBe(true)
  })
})
