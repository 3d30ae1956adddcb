import { readFile, readdir, stat } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { io } from 'socket.io-client'
import { createHost } from '.'
import { call, callRaw, HostHarness, next } from './testing/host-harness'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

/** A raw GET: fetch() would normalise the `..` away before it ever reached the host. */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.host.port, path, method: 'GET' }, (res) => {
      res.resume()
      resolve({ status: res.statusCode ?? 0, headers: res.headers })
    })
    req.on('error', reject)
    req.end()
  })
}

describe('http', () => {
  it('answers path traversal attempts with 404 and never lists a folder', async () => {
    for (const path of [
      '/assets/../../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/tablet/..\\..\\package.json',
      '/assets/',
      '/assets',
      '/electron/host/index.ts',
      '/tablet/%00',
      '/api/archive/..%2f..%2fmeeting.json/ballot-box.json',
    ]) {
      const res = await rawGet(path)
      expect([400, 401, 404], path).toContain(res.status)
    }
  })

  it('sends the CSP and security headers on every response', async () => {
    for (const path of ['/tablet/', '/screen/', '/console/', '/nothing-here', '/api/export.xlsx']) {
      const res = await rawGet(path)
      expect(res.headers['content-security-policy'], path).toMatch(/script-src 'self'/)
      expect(res.headers['x-content-type-options'], path).toBe('nosniff')
      expect(res.headers['x-frame-options'], path).toBe('DENY')
    }
  })
})

describe('roles', () => {
  it('a tablet cannot call console events; nothing changes', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 10)
    const [d] = h.host.session.meeting.data.deputies
    if (!d) throw new Error('demo has deputies')
    const tablet = await h.deputy(d.credential)
    const before = JSON.stringify(h.host.session.meeting.data.votes)
    for (const event of ['vote:open', 'vote:close', 'meeting:load-demo', 'deputy:reissue']) {
      const r = await callRaw(tablet.socket, event, { voteId, deputyId: d.id })
      expect(r, event).toEqual({ ok: false, error: { code: 'unknown-event', detail: event } })
    }
    expect(JSON.stringify(h.host.session.meeting.data.votes)).toBe(before)
  })

  it('a ballot is always the sender’s: a deputy cannot vote for another', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 10)
    const [d1, d2] = h.host.session.meeting.data.deputies
    if (!d1 || !d2) throw new Error('demo has deputies')
    const t1 = await h.deputy(d1.credential)
    await h.deputy(d2.credential)
    await call(staff, 'vote:open', { voteId })
    const r = await callRaw(t1.socket, 'ballot:submit', {
      voteId,
      ballotId: 'for-someone-else',
      marks: { P01: 'for' },
      deputyId: d2.id,
      credential: d2.credential,
    })
    expect(r.ok).toBe(true)
    const box = h.host.session.loadedBox(voteId)
    expect(box?.votedIds()).toEqual([d1.id])
    expect(box?.hasVoted(d2.id)).toBe(false)
  })
})

describe('limits', () => {
  it('limits credential guessing per address, even for a right credential once blocked', async () => {
    await h.host.meetings.loadDemo(5)
    const [d] = h.host.session.meeting.data.deputies
    if (!d) throw new Error('demo has deputies')
    for (let i = 0; i < 20; i += 1) {
      const guess = h.connect('/deputy', { credential: `guess-${String(i).padStart(20, '0')}` })
      await expect(next<Error>(guess, 'connect_error')).resolves.toMatchObject({
        message: 'unauthorized',
      })
    }
    const right = h.connect('/deputy', { credential: d.credential })
    await expect(next<Error>(right, 'connect_error')).resolves.toMatchObject({
      message: 'rate-limited',
    })
  })

  it('answers a request flood with rate-limited and stays up', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 5)
    const [d] = h.host.session.meeting.data.deputies
    if (!d) throw new Error('demo has deputies')
    const tablet = await h.deputy(d.credential)
    const replies = await Promise.all(
      Array.from({ length: 200 }, () => callRaw(tablet.socket, 'nothing:here', { voteId })),
    )
    const codes = replies.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes).toContain('rate-limited')
    expect(codes.filter((c) => c === 'unknown-event').length).toBeLessThanOrEqual(25)
    // The host still serves everyone else.
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
  })

  it('refuses an oversized message without harm', async () => {
    const staff = await h.staff()
    await h.demoWithVote(staff, 5)
    const before = JSON.stringify(h.host.session.meeting.data)
    const huge = 'x'.repeat(200 * 1024)
    const disconnected = next<string>(staff, 'disconnect')
    staff.emit('meeting:create', { title: huge }, () => undefined)
    await expect(disconnected).resolves.toBeTruthy()
    expect(JSON.stringify(h.host.session.meeting.data)).toBe(before)
    const again = await h.staff()
    expect((await call(again, 'audit:list', { limit: 1 })).ok).toBe(true)
  })
})

async function filesBelow(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const name of await readdir(dir)) {
    const path = join(dir, name)
    if ((await stat(path)).isDirectory()) out.push(...(await filesBelow(path)))
    else out.push(path)
  }
  return out
}

describe('secrets', () => {
  it('no log line and no file but the meeting itself holds a credential or the staff token', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 8)
    const deputies = h.host.session.meeting.data.deputies
    const [d1, d2] = deputies
    if (!d1 || !d2) throw new Error('demo has deputies')
    const t1 = await h.deputy(d1.credential)
    await call(staff, 'vote:open', { voteId })
    await call(t1.socket, 'ballot:submit', { voteId, ballotId: 'secret-ballot-1', marks: {} })
    const reissued = await call(staff, 'deputy:reissue', {
      deputyId: d2.id,
    })
    if (!reissued.ok) throw new Error('reissue failed')
    await call(staff, 'vote:close', { voteId })
    await call(staff, 'vote:publish', { voteId })
    await h.host.archiver.idle()
    const secrets = [
      h.host.staffToken,
      reissued.data.credential,
      d2.credential,
      ...h.host.session.meeting.data.deputies.map((d) => d.credential),
    ]
    const files = (await filesBelow(h.dataDir)).filter(
      (f) => !/meeting\.json(\.prev)?$/.test(f) && !/backups/.test(f),
    )
    expect(files.some((f) => f.endsWith('audit.jsonl'))).toBe(true)
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1')
      for (const secret of secrets) expect(text.includes(secret), file).toBe(false)
    }
    for (const line of h.logs)
      for (const secret of secrets) expect(line.includes(secret), line).toBe(false)
  })
})

describe('staff from the LAN', () => {
  /** A host that takes every peer for another machine, as a staff laptop on the Wi-Fi would be. */
  async function lanHost(allowLanConsole: boolean) {
    const dataDir = await mkdtemp(join(tmpdir(), 'plenary-lan-'))
    const host = await createHost({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      log: () => undefined,
      isLocalAddress: () => false,
      allowLanConsole,
    })
    const staff = io(`http://127.0.0.1:${host.port}/console`, {
      auth: { token: host.staffToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    })
    // Listen before anything is awaited: the handshake's answer may come at once.
    const handshake = new Promise<Error | 'admitted'>((resolve) => {
      staff.once('connect_error', resolve)
      staff.once('console:state', () => resolve('admitted'))
    })
    const api = await fetch(`http://127.0.0.1:${host.port}/api/export.xlsx`, {
      headers: { Authorization: `Bearer ${host.staffToken}` },
    })
    return {
      staff,
      handshake,
      api,
      async close() {
        staff.disconnect()
        await host.close()
        await rm(dataDir, { recursive: true, force: true })
      },
    }
  }

  it('refuses /console and the staff API from another machine, even with the token', async () => {
    const lan = await lanHost(false)
    try {
      await expect(lan.handshake).resolves.toMatchObject({ message: 'forbidden' })
      expect(lan.api.status).toBe(403)
    } finally {
      await lan.close()
    }
  })

  it('admits them with --lan-console, the token still required', async () => {
    const lan = await lanHost(true)
    try {
      await expect(lan.handshake).resolves.toBe('admitted')
      expect(lan.api.status).toBe(200)
    } finally {
      await lan.close()
    }
  })
})
