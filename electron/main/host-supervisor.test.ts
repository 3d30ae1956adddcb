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
import { io } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultRules } from '../../shared/protocol/vote-rules.schema'
import { call } from '../host/testing/host-harness'
import type { DesktopHostState } from '../../shared/protocol/desktop-api'
import type { ConsoleState } from '../../shared/protocol/views'
import { HostStartError, HostSupervisor } from './host-supervisor'
import type { ForkHost, HostConfig } from './host-supervisor'
import type { HostReport } from './ipc-channels'
import { nextQuitStep } from './quit-decision'
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
    keyDir: `${dataDir}.keys`,
    keyWrap: null,
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

  it('does not come back when stopped in the middle of a restart', async () => {
    supervisor = new HostSupervisor(forkNode, config(), fast)
    await supervisor.start(0)
    children[0]?.kill('SIGKILL')
    await expect.poll(() => children.length, { timeout: 5_000 }).toBe(2)
    await supervisor.stop(5_000)
    await new Promise((r) => setTimeout(r, 1_500))
    expect(supervisor.state.phase).toBe('stopped')
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

  it('reports an open vote, also after a crash, so quitting asks first', async () => {
    supervisor = new HostSupervisor(forkNode, config(), fast)
    const port = await supervisor.start(0)
    const staff = io(`http://127.0.0.1:${port}/console`, {
      auth: { token: 'test-token' },
      transports: ['websocket'],
      forceNew: true,
    })
    try {
      const states: ConsoleState[] = []
      staff.on('console:state', (state: ConsoleState) => states.push(state))
      const loaded = await call(staff, 'meeting:load-demo', {})
      expect(loaded.ok).toBe(true)
      await expect.poll(() => states.at(-1)?.projects.length ?? 0).toBeGreaterThan(0)
      const created = await call(staff, 'vote:create', {
        title: '2027年度民生实事项目票决',
        rules: defaultRules('select', 10),
        candidateIds: states.at(-1)!.projects.map((p) => p.id),
      })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      // Nobody is checked in: open under a logged quorum override, as a rehearsal would.
      const opened = await call(staff, 'vote:open', {
        voteId: created.data.voteId,
        override: '彩排，无需法定人数',
      })
      if (!opened.ok) throw new Error(JSON.stringify(opened.error))
      const open = await until(supervisor, (s) => s.openVote !== null)
      expect(open.openVote).toEqual({
        id: created.data.voteId,
        title: '2027年度民生实事项目票决',
      })
      expect(
        nextQuitStep({
          openVote: open.openVote,
          hostRunning: true,
          answer: 'none',
          flushed: false,
        }),
      ).toEqual({ step: 'ask', voteTitle: '2027年度民生实事项目票决' })

      children[0]?.kill('SIGKILL')
      await until(supervisor, (s) => s.phase === 'restarting')
      const resumed = await until(supervisor, (s) => s.phase === 'running' && s.openVote !== null)
      expect(resumed.openVote?.id).toBe(created.data.voteId)
    } finally {
      staff.disconnect()
    }
  }, 40_000)
})
