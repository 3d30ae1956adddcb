import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { hostHeapFlags } from '../../host/heap-flags'

export interface ChildHost {
  child: ChildProcess
  port: number
  staffToken: string
}

/**
 * Starts `electron/cli/host.ts` as its own Node process (one process, so kill -9 really kills
 * the host), with the heap flags `npm run host` gives it, and resolves once it listens.
 */
export async function startChildHost(options: {
  dataDir: string
  port: number
  staffToken: string
  demo?: number
  quiet?: boolean
}): Promise<ChildHost> {
  const readyFile = join(
    options.dataDir,
    `.ready-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  )
  const args = [
    ...hostHeapFlags,
    '--import',
    'tsx',
    'electron/cli/host.ts',
    '--no-build',
    '--bind',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--data',
    options.dataDir,
    // The open boxes' keys beside the data folder, not in the user's config folder.
    '--keys',
    `${options.dataDir}.keys`,
    '--staff-token',
    options.staffToken,
    '--ready-file',
    readyFile,
    ...(options.demo ? ['--demo', String(options.demo)] : []),
  ]
  const child = spawn(process.execPath, args, {
    stdio: options.quiet === false ? 'inherit' : 'ignore',
  })
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`host exited with ${child.exitCode} before it was ready`)
    try {
      const ready = JSON.parse(await readFile(readyFile, 'utf8')) as {
        port: number
        staffToken: string
      }
      await rm(readyFile, { force: true })
      return { child, port: ready.port, staffToken: ready.staffToken }
    } catch {
      if (Date.now() - started > 30_000) {
        child.kill('SIGKILL')
        throw new Error('host did not become ready within 30 s')
      }
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

/** Sends the signal (SIGTERM: let it end; SIGKILL: kill -9) and resolves once it has exited. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve()
      return
    }
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

export function killHard(child: ChildProcess): Promise<void> {
  return stopChild(child, 'SIGKILL')
}
