import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConsoleState } from '../../shared/protocol/views'
import { createHost } from '.'
import type { HostHandle, HostOptions } from '.'
import { staffTokenFile } from './store/json-files/staff-token'
import { next } from './testing/host-harness'

/**
 * A restart of `npm run host` keeps the console: the staff token is kept per data folder, in
 * the key folder (never the data folder), and replaced only on request.
 */
describe('the staff token across a host restart', () => {
  let dataDir = ''
  let keyDir = ''
  const hosts: HostHandle[] = []
  const sockets: Socket[] = []

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plenary-token-'))
    keyDir = await mkdtemp(join(tmpdir(), 'plenary-token-keys-'))
  })
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect()
    for (const h of hosts.splice(0)) await h.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(keyDir, { recursive: true, force: true })
  })

  const start = async (options: Partial<HostOptions> = {}) => {
    const host = await createHost({
      dataDir,
      keyDir,
      port: 0,
      host: '127.0.0.1',
      keepStaffToken: true,
      log: () => undefined,
      ...options,
    })
    hosts.push(host)
    return host
  }
  const stop = async (host: HostHandle) => {
    hosts.splice(hosts.indexOf(host), 1)
    await host.close()
  }
  /** A console page's socket: it reconnects on its own, as the page's does. */
  const consoleSocket = (port: number, token: string) => {
    const socket = io(`http://127.0.0.1:${port}/console`, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 200,
    })
    sockets.push(socket)
    return socket
  }

  it('keeps the token for the data folder: a console open across the restart carries on', async () => {
    const first = await start()
    expect(first.staffTokenSource).toBe('new')
    const tab = consoleSocket(first.port, first.staffToken)
    await next<ConsoleState>(tab, 'console:state')

    // The console tab stays open while the host stops and starts again on the same port.
    const disconnected = next(tab, 'disconnect')
    await stop(first)
    await disconnected
    const stateAgain = next<ConsoleState>(tab, 'console:state')
    const refused = next<Error>(tab, 'connect_error', (e) => e.message === 'unauthorized')
    const second = await start({ port: first.port })
    expect(second.staffTokenSource).toBe('reused')
    expect(second.staffToken).toBe(first.staffToken)
    expect(second.consoleUrl).toBe(first.consoleUrl)
    const outcome = await Promise.race([stateAgain.then(() => 'state'), refused.then(() => 'no')])
    expect(outcome).toBe('state')
    expect(tab.connected).toBe(true)
  })

  it('rotated on request: the old token is refused, the console told unauthorized', async () => {
    const first = await start()
    const tab = consoleSocket(first.port, first.staffToken)
    await next<ConsoleState>(tab, 'console:state')
    const disconnected = next(tab, 'disconnect')
    await stop(first)
    await disconnected

    const refused = next<Error>(tab, 'connect_error', (e) => e.message === 'unauthorized')
    const second = await start({ port: first.port, rotateStaffToken: true })
    expect(second.staffTokenSource).toBe('rotated')
    expect(second.staffToken).not.toBe(first.staffToken)
    await refused
    expect(tab.connected).toBe(false)

    // The new token works, and is the one kept from now on.
    const fresh = consoleSocket(second.port, second.staffToken)
    await next<ConsoleState>(fresh, 'console:state')
    await stop(second)
    const third = await start()
    expect(third.staffToken).toBe(second.staffToken)
  })

  it('keeps it readable by this user only, outside the data folder, one per data folder', async () => {
    const host = await start()
    const file = await staffTokenFile(keyDir, dataDir)
    expect(file.startsWith(join(keyDir, 'staff-tokens'))).toBe(true)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ token: host.staffToken })
    if (process.platform !== 'win32') {
      expect((await stat(file)).mode & 0o777).toBe(0o600)
      expect((await stat(join(keyDir, 'staff-tokens'))).mode & 0o777).toBe(0o700)
    }
    // A copy of the data folder holds no usable token.
    for (const name of await readdir(dataDir, { recursive: true })) {
      const path = join(dataDir, name)
      if ((await stat(path)).isFile())
        expect(await readFile(path, 'utf8'), name).not.toContain(host.staffToken)
    }
    await stop(host)

    const otherData = await mkdtemp(join(tmpdir(), 'plenary-token-other-'))
    try {
      const other = await start({ dataDir: otherData })
      expect(other.staffTokenSource).toBe('new')
      expect(other.staffToken).not.toBe(host.staffToken)
      await stop(other)
    } finally {
      await rm(otherData, { recursive: true, force: true })
    }
  })

  it('replaces a token file it cannot read as its own; a token handed in is not kept', async () => {
    const first = await start()
    await stop(first)
    const file = await staffTokenFile(keyDir, dataDir)
    await writeFile(file, '{"format":"plenary-vote.staff-token/1","token":"short"}')
    const second = await start()
    expect(second.staffTokenSource).toBe('new')
    expect(second.staffToken).not.toBe(first.staffToken)
    expect(second.staffToken).toMatch(/^[A-Za-z0-9_-]{32}$/)
    await stop(second)

    // The desktop shell hands in its own token (it gives it to its console window itself).
    const given = await start({ staffToken: 'the-shell-s-own-token-0123456789' })
    expect(given.staffTokenSource).toBe('given')
    expect(given.staffToken).toBe('the-shell-s-own-token-0123456789')
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ token: second.staffToken })
    await stop(given)
    // And without keepStaffToken (tests), a random one per start.
    const random = await start({ keepStaffToken: false })
    expect(random.staffTokenSource).toBe('random')
    expect(random.staffToken).not.toBe(second.staffToken)
  })
})
