import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { stopChild } from './sim/host-process'

/**
 * `npm run host` itself, started twice on one data folder: the console URL it prints stays the
 * same, and `--rotate-staff-token` changes it (the host tests check what a console then sees).
 */
describe('npm run host across a restart', () => {
  let dataDir = ''
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plenary-cli-token-'))
  })
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
    await rm(`${dataDir}.keys`, { recursive: true, force: true })
  })

  /** Runs the host until it is ready, then stops it: its ready file and what it printed. */
  const runOnce = async (...extra: string[]) => {
    const readyFile = join(dataDir, '..', `${dataDir.split(/[\\/]/).pop()}.ready.json`)
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli/host.ts',
        '--no-build',
        '--bind',
        '127.0.0.1',
        '--port',
        '0',
        '--data',
        dataDir,
        '--keys',
        `${dataDir}.keys`,
        '--ready-file',
        readyFile,
        ...extra,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const started = Date.now()
    try {
      for (;;) {
        if (child.exitCode !== null) return { status: child.exitCode, out, ready: null }
        const text = await readFile(readyFile, 'utf8').catch(() => '')
        // The ready file is written last, after the console URL is printed.
        if (text.endsWith('}')) {
          const ready = JSON.parse(text) as { port: number; staffToken: string }
          return { status: null, out, ready }
        }
        if (Date.now() - started > 30_000) throw new Error(`host not ready:\n${out}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    } finally {
      await stopChild(child)
      await rm(readyFile, { force: true })
    }
  }

  it('prints the same console URL after a restart, and a new one when rotated', async () => {
    const first = await runOnce()
    expect(first.ready?.staffToken).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(first.out).toContain(`#token=${first.ready?.staffToken}`)
    expect(first.out).toContain('新建，重启后不变')

    const second = await runOnce()
    expect(second.ready?.staffToken).toBe(first.ready?.staffToken)
    expect(second.out).toContain('沿用上次')

    const rotated = await runOnce('--rotate-staff-token')
    expect(rotated.ready?.staffToken).not.toBe(first.ready?.staffToken)
    expect(rotated.out).toContain('会务令牌已更换')
    expect(rotated.out).toContain(`#token=${rotated.ready?.staffToken}`)

    const after = await runOnce()
    expect(after.ready?.staffToken).toBe(rotated.ready?.staffToken)
  }, 120_000)

  it('refuses --staff-token with --rotate-staff-token in one line', async () => {
    const both = await runOnce(
      '--staff-token',
      'abcdefghijklmnopqrstuvwxyz',
      '--rotate-staff-token',
    )
    expect(both.status).toBe(2)
    expect(both.out.trim().split('\n')).toHaveLength(1)
    expect(both.out).toContain('--rotate-staff-token')
  }, 60_000)
})
