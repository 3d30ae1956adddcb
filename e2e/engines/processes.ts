import { spawn } from 'node:child_process'
import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * The processes a browser engine runs in: started by the test, stopped by the test (their own
 * pids, never by name), each waited for by what it prints, never by a sleep.
 */

/** A started process with what it printed so far, for the error when it does not come up. */
export interface Started {
  child: ChildProcess
  output: () => string
  /** Settles once the process has exited, or could not start (not installed). */
  gone: Promise<void>
  isGone: () => boolean
}

export function start(command: string, args: string[], options: SpawnOptions = {}): Started {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let isGone = false
  const gone = new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    // Not installed, not executable: said in the output, and `printed` fails with it at once.
    child.once('error', (error) => {
      output += `\n${String(error)}`
      resolve()
    })
  }).then(() => {
    isGone = true
  })
  return { child, output: () => output, gone, isGone: () => isGone }
}

/** Resolves with the first match of `pattern` in what `started` prints; rejects if it exits. */
export function printed(started: Started, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const { child } = started
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      clearTimeout(timer)
      child.stdout?.off('data', check)
      child.stderr?.off('data', check)
      fn()
    }
    const check = () => {
      const match = pattern.exec(started.output())
      if (match) done(() => resolve(match[1] ?? match[0]))
    }
    const exited = () =>
      done(() =>
        reject(
          new Error(
            `${child.spawnfile} ended (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${started.output()}`,
          ),
        ),
      )
    const timer = setTimeout(
      () =>
        done(() =>
          reject(
            new Error(`${child.spawnfile}: no ${pattern} in ${timeoutMs} ms:\n${started.output()}`),
          ),
        ),
      timeoutMs,
    )
    child.stdout?.on('data', check)
    child.stderr?.on('data', check)
    void started.gone.then(() => setImmediate(exited))
    check()
  })
}

/** Stops a process this test started, and waits for it to be gone. */
export async function stop(started: Started | undefined): Promise<void> {
  if (!started || started.isGone()) return
  started.child.kill('SIGTERM')
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 10_000)
  await started.gone
  clearTimeout(timer)
}

/** A loopback port free at the moment of asking (for a server that cannot be told port 0). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Polls `check` until it returns something other than undefined; the last failure if not. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms for ${what}${last ? `: ${String(last)}` : ''}`)
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
}
