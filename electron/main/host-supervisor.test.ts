/**
 * The supervisor against real host processes: host-process.ts forked under plain Node with a
 * parentPort shim (Electron's utility process cannot run here), a temp data folder, loopback.
 */
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DesktopHostState } from '../../shared/protocol/desktop-api'
import { HostStartError, HostSupervisor } from './host-supervisor'
import type { ForkHost, HostConfig } from './host-supervisor'
import type { HostReport } from './ipc-channels'
import type { RestartPolicy } from './restart-policy'

const entry = join(import.meta.dirname, 'host-process.ts')
const shim = join(import.meta.dirname, 'testing/parent-port-shim.ts')
const fast: RestartPolicy = { maxCrashes: 3, windowMs: 60_000, baseDelayMs: 50, maxDelayMs: 200 }

let dataDir = ''
let children: ChildProcess[] = []
let supervisor: HostSupervisor | null = null

const forkNode: ForkHost = () => {
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx', '--import', shim],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  children.push(child)
  return {
    onMessage: (listener) => child.on('message', (m) => listener(m as HostReport)),
    onceExit: (listener) => child.once('exit', (code) => listener(code ?? -1)),
    post: (command) => child.send(command),
    kill: () => child.kill('SIGKILL'),
  }
}

function config(): HostConfig {
  return {
    dataDir,
    staffToken: 'test-token',
    staticDir: join(dataDir, 'no-pages'),
    bindHost: '127.0.0.1',
  }
}

function until(
  s: HostSupervisor,
  test: (state: DesktopHostState) => boolean,
): Promise<DesktopHostState> {
  if (test(s.state)) return Promise.resolve(s.state)
  return new Promise((resolve) => {
    const check = (state: DesktopHostState) => {
      if (!test(state)) return
      s.off('state', check)
      resolve(state)
    }
    s.on('state', check)
  })
}

async function answers(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' })
  return res.status
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plenary-supervisor-'))
})

afterEach(async () => {
  await supervisor?.stop(2_000)
  supervisor = null
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
  children = []
  await rm(dataDir, { recursive: true, force: true })
})

describe('HostSupervisor with real host processes', () => {
  it('starts the host, learns its meeting folder, and stops it cleanly', async () => {
    supervisor = new HostSupervisor(forkNode, config(), fast)
    const port = await supervisor.start(0)
    expect(supervisor.state).toMatchObject({ phase: 'running', port, restarts: 0 })
    expect(await answers(port)).toBe(302)
    const withStatus = await until(supervisor, () => supervisor?.meetingDir !== null)
    expect(withStatus.openVote).toBeNull()
    expect(supervisor.meetingDir?.startsWith(dataDir)).toBe(true)
    expect(supervisor.csp).toContain("script-src 'self'")

    const child = children[0]
    const exited = new Promise<number | null>((r) => child?.once('exit', (code) => r(code)))
    await supervisor.stop(5_000)
    expect(await exited).toBe(0)
    expect(supervisor.state.phase).toBe('stopped')
    await expect(answers(port)).rejects.toThrow()
  })

  it('restarts a crashed host on the same port and says so', async () => {
    supervisor = new HostSupervisor(forkNode, config(), fast)
    const port = await supervisor.start(0)
    const seen: string[] = []
    supervisor.on('state', (s) => seen.push(s.phase))
    children[0]?.kill('SIGKILL')
    const back = await until(supervisor, (s) => s.phase === 'running' && s.restarts === 1)
    expect(seen).toContain('restarting')
    expect(back.port).toBe(port)
    expect(back.lastCrashAt).toEqual(expect.any(String))
    expect(await answers(port)).toBe(302)
    expect(children).toHaveLength(2)
  }, 30_000)

  it('gives up after the policy number of crashes and retries on request', async () => {
    supervisor = new HostSupervisor(forkNode, config(), { ...fast, maxCrashes: 2 })
    await supervisor.start(0)
    const gaveUp = new Promise<number>((r) => supervisor?.once('gave-up', r))
    children[0]?.kill('SIGKILL')
    await until(supervisor, (s) => s.phase === 'running' && s.restarts === 1)
    children[1]?.kill('SIGKILL')
    expect(await gaveUp).toBe(2)
    expect(supervisor.state.phase).toBe('failed')
    expect(children).toHaveLength(2)
    const port = await supervisor.retry()
    expect(await answers(port)).toBe(302)
  }, 30_000)

  it('reports a port in use as EADDRINUSE, so main can offer another', async () => {
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const taken = (blocker.address() as AddressInfo).port
    try {
      supervisor = new HostSupervisor(forkNode, config(), fast)
      const error = await supervisor.start(taken).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(HostStartError)
      expect((error as HostStartError).code).toBe('EADDRINUSE')
      expect(supervisor.state.phase).toBe('failed')
      const port = await supervisor.start(0)
      expect(port).not.toBe(taken)
    } finally {
      blocker.close()
    }
  }, 30_000)
})
