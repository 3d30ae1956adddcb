import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { io } from 'socket.io-client'
import { HostHarness } from '../testing/host-harness'
import type { Doors } from './host-header'
import { originHere, parseHostHeader } from './host-header'

/**
 * The host's doors (issue 25, item 6): DNS rebinding and other sites' pages are turned away at
 * a real host; requests addressed to this machine are answered as before.
 */

let h: HostHarness
beforeEach(async () => {
  h = await new HostHarness().setup()
})
afterEach(async () => {
  await h.teardown()
})

/** A raw request with the headers given, as a rebinding page's browser would send them. */
function raw(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: h.host.port, path, method, headers, setHost: false },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (t: string) => (body += t))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('Host header', () => {
  it('answers this machine by loopback and localhost, on any port a forward may use', async () => {
    const port = h.host.port
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `127.0.0.2:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
    ]) {
      expect((await raw('/tablet/', { host })).status, host).toBe(200)
    }
    for (const host of [`evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `[::1`, '']) {
      const res = await raw('/tablet/', { host })
      expect(res.status, host).toBe(421)
      expect(res.body).toContain('请用本机的地址访问')
    }
  })

  it('refuses the Socket.IO handshake and the staff API addressed to another name', async () => {
    const host = `rebound.example:${h.host.port}`
    const handshake = await raw('/socket.io/?EIO=4&transport=polling', { host })
    expect(handshake.status).toBe(403)
    const api = await raw('/api/export.xlsx', {
      host,
      authorization: `Bearer ${h.host.staffToken}`,
    })
    expect(api.status).toBe(421)
    const ok = await raw('/socket.io/?EIO=4&transport=polling', {
      host: `127.0.0.1:${h.host.port}`,
    })
    expect(ok.status).toBe(200)
  })
})

describe('Origin on what acts', () => {
  it('the staff API refuses another site’s page, token or not, and serves its own', async () => {
    const headers = {
      host: `127.0.0.1:${h.host.port}`,
      authorization: `Bearer ${h.host.staffToken}`,
    }
    const other = await raw('/api/export.xlsx', { ...headers, origin: 'http://evil.example' })
    expect(other.status).toBe(403)
    const port = await raw('/api/export.xlsx', {
      ...headers,
      origin: `http://127.0.0.1:${h.host.port + 1}`,
    })
    expect(port.status).toBe(403)
    const own = await raw('/api/export.xlsx', {
      ...headers,
      origin: `http://127.0.0.1:${h.host.port}`,
    })
    expect(own.status).toBe(200)
  })

  it('the console namespace refuses another origin; tablets and the screen are not asked', async () => {
    const url = `http://127.0.0.1:${h.host.port}`
    const connectWith = (nsp: string, origin: string, auth: Record<string, string> = {}) =>
      new Promise<string>((resolve) => {
        const socket = io(`${url}${nsp}`, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          extraHeaders: { origin },
          auth,
        })
        socket.on('connect', () => {
          socket.close()
          resolve('connected')
        })
        socket.on('connect_error', (e) => {
          socket.close()
          resolve(e.message)
        })
      })
    const token = { token: h.host.staffToken }
    expect(await connectWith('/console', 'http://evil.example', token)).toBe('origin')
    expect(await connectWith('/console', url, token)).toBe('connected')
    expect(await connectWith('/screen', 'http://evil.example')).toBe('connected')
  })
})

describe('the rules', () => {
  const doors: Doors = {
    port: () => 8080,
    addresses: () => new Set(['192.168.1.10', 'fe80::1']),
    names: ['plenary.lan'],
  }
  it('reads Host headers as browsers send them', () => {
    expect(parseHostHeader('[::1]:8080')).toEqual({ host: '::1', port: 8080 })
    expect(parseHostHeader('Plenary.LAN.')).toEqual({ host: 'plenary.lan', port: 80 })
    expect(parseHostHeader('a:b:c')).toBeNull()
    expect(parseHostHeader('x:99999')).toBeNull()
  })
  it.each([
    ['http://192.168.1.10:8080', true],
    ['http://plenary.lan:8080', true],
    ['http://[::ffff:127.0.0.1]:8080', true],
    ['http://[fe80::1]:8080', true],
    ['https://192.168.1.10:8080', false],
    ['http://192.168.1.11:8080', false],
    ['http://user@192.168.1.10:8080', false],
    ['null', false],
  ])('Origin %s is here: %s', (origin, expected) => {
    expect(originHere(origin, doors)).toBe(expected)
  })
})
