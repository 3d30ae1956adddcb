import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { voteResultSchema } from '../../shared/protocol/result.schema'

const root = fileURLToPath(new URL('../../', import.meta.url))
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

/** Runs the real command the way `npm run -s tally --` does, from the repository root. */
function runTally(args: string[], input?: string) {
  const r = spawnSync('node_modules/.bin/tsx', ['electron/cli/tally.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Checked in; compared as JSON since Prettier formats the fixture file its own way. */
const expected = (): unknown =>
  JSON.parse(readFileSync(fixture('select-13-10.result.json'), 'utf8'))

interface FixtureBox {
  vote: { seats: number; candidates: { id: string }[] }
  ballots: { count: number; marks: Record<string, string>; spoiled?: boolean }[]
}

describe('npm run tally', () => {
  it('prints the result JSON alone on stdout, pretty-printed, and exits 0', () => {
    const r = runTally([fixture('select-13-10.box.json')])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const result = voteResultSchema.parse(JSON.parse(r.stdout))
    expect(result).toEqual(expected())
    // Two-space pretty printing, one trailing newline, nothing else on stdout.
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`)
    // Fields in the contract's order, so the printed result reads like the contract.
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual([
      'format',
      'kind',
      'counts',
      'needed',
      'items',
      'elected',
      'tie',
      'shortfall',
      'void',
    ])
    expect(result).toMatchObject({
      counts: {
        roster: 327,
        present: 314,
        issued: 314,
        cast: 310,
        valid: 307,
        invalid: 3,
        notCast: 4,
      },
      needed: 164,
      tie: null,
      shortfall: null,
      void: null,
    })
    expect(result.elected).toEqual([
      'P01',
      'P02',
      'P03',
      'P04',
      'P05',
      'P06',
      'P07',
      'P08',
      'P10',
      'P09',
    ])
  })

  it('agrees with a naive recount of the fixture', () => {
    const box = JSON.parse(readFileSync(fixture('select-13-10.box.json'), 'utf8')) as FixtureBox
    const naive = new Map(box.vote.candidates.map((c) => [c.id, 0]))
    for (const b of box.ballots) {
      const fors = Object.values(b.marks).filter((m) => m === 'for').length
      if (b.spoiled || fors > box.vote.seats) continue
      for (const id of Object.keys(b.marks)) naive.set(id, naive.get(id)! + b.count)
    }
    const result = voteResultSchema.parse(
      JSON.parse(runTally([fixture('select-13-10.box.json')]).stdout),
    )
    for (const item of result.items) expect('for' in item && item.for).toBe(naive.get(item.id))
  })

  it('reads standard input when FILE is -', () => {
    const r = runTally(['-'], readFileSync(fixture('select-13-10.box.json'), 'utf8'))
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(expected())
  })

  it('malformed input: one line per problem with its JSON path on stderr, exit 2', () => {
    const r = runTally([fixture('malformed.box.json')])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'vote.seats: required for kind select',
      'ballots[1].marks.P99: unknown candidate',
      'ballots[2].marks.P02: mark against not allowed for kind select (allowed: for)',
      'ballots[3].count: Too small: expected number to be >=1',
    ])
  })

  it.each([
    ['invalid JSON', ['-'], '{"format":', /^\(root\): invalid JSON: /],
    [
      'a missing file',
      ['no/such/box.json'],
      undefined,
      /^no\/such\/box\.json: cannot read \(ENOENT\)$/,
    ],
    ['no FILE at all', [], undefined, /^usage: /],
  ])('%s: exit 2 with a one-line reason', (_label, args, input, pattern) => {
    const r = runTally(args, input)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(pattern)
  })
})
