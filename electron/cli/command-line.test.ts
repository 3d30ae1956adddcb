import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { helpText } from './command-line'

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' })

describe('every command line', () => {
  it('lists its options in --help', () => {
    const text = helpText({
      usage: 'npm run x -- [options]',
      about: 'Does x.',
      options: {
        port: { type: 'string', value: 'N', help: 'port to listen on' },
        json: { type: 'boolean', help: 'one JSON line' },
      },
    })
    expect(text.split('\n')).toEqual([
      'usage: npm run x -- [options]',
      '',
      'Does x.',
      '',
      'options:',
      '  --port N      port to listen on',
      '  --json        one JSON line',
      '  --help        this text',
    ])
  })

  it.each([
    'electron/cli/host.ts',
    'electron/cli/recount.ts',
    'electron/cli/bench-crash.ts',
    'electron/cli/bench.ts',
    'electron/cli/simulate.ts',
    'electron/cli/tally.ts',
  ])('%s answers --help, and a wrong option with one line and status 2', (script) => {
    const help = run(script, '--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^usage: /)
    const wrong = run(script, '--no-such-option')
    expect(wrong.status).toBe(2)
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1)
    expect(wrong.stderr).toMatch(/--no-such-option.*see --help/)
  })
})
