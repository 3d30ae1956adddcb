import { describe, expect, it } from 'vitest'
import { benchMarkdown, checkTargets, DESIGN_NOTES, withDesignNotes } from './bench-markdown'
import type { BurstRun } from './burst-run'
import type { LoadResult } from './load-bench'

const latency = (p99: number) => ({ count: 3000, p50: 1, p90: 2, p99, max: 10 })

const run: LoadResult = {
  deputies: 3000,
  spreadS: 10,
  ack: latency(5),
  floor: latency(2.4),
  floorRunsP99: [7.8, 2.4],
  floorRssPeakMB: 150,
  durableFloor: latency(4),
  durableFloorRunsP99: [4, 6.5],
  lost: 0,
  duplicated: 0,
  resultMatches: true,
  closeAckMs: 20,
  closeToScreenMs: 30,
  publishToScreenMs: 10,
  rssPeakMB: 220,
  reconnectAllS: 3.2,
  hostUpS: 1,
  notes: [],
  withUploads: null,
}

const cells = (line: string) => line.split('|').slice(1, -1)

describe('bench results', () => {
  it('the load table has as many cells in every row as in its header, both floor runs among them', () => {
    const markdown = benchMarkdown({
      results: [run],
      page: null,
      suites: [],
      command: 'npm run bench',
      tabletProcesses: 2,
      tabletPriority: 'idle',
    })
    const lines = markdown.split('\n')
    const header = lines.findIndex((l) => l.startsWith('| deputies'))
    const [head, rule, row] = lines.slice(header, header + 3).map(cells)
    expect(rule).toHaveLength(head!.length)
    expect(row).toHaveLength(head!.length)
    expect(row![head!.findIndex((c) => c.trim() === 'floor p99 runs')]!.trim()).toBe('7.8 / 2.4')
    expect(row![head!.findIndex((c) => c.trim() === 'durable p99 runs')]!.trim()).toBe('4 / 6.5')
    expect(markdown).toContain('chrt --idle')
  })

  it('holds the host to 1.5 × the durable floor it was given (the lower of the two runs)', () => {
    const held = (r: LoadResult) =>
      checkTargets([r], null).find((c) => c.target.includes('1.5 × durable floor'))!.met
    expect(held({ ...run, ack: latency(6.1) })).toBe(false)
    expect(held({ ...run, ack: latency(6) })).toBe(true)
    expect(checkTargets([run], null).some((c) => c.target.includes('2 × floor'))).toBe(false)
  })

  it('with uploads, a table of its own as wide as its header, and the host held to 1.5 × its own run', () => {
    const withUploads = {
      ...run,
      withUploads: {
        uploads: 3,
        uploadMB: 19,
        without: [
          { ack: latency(5), rssPeakMB: 250, workerRssPeakMB: null, answers: [] },
          { ack: latency(5.2), rssPeakMB: 250, workerRssPeakMB: null, answers: [] },
        ],
        with: [
          {
            ack: latency(7.6),
            rssPeakMB: 300,
            workerRssPeakMB: 120,
            answers: [{ status: 200, ms: 900 }],
          },
          {
            ack: latency(8.2),
            rssPeakMB: 300,
            workerRssPeakMB: 121,
            answers: [{ status: 200, ms: 950 }],
          },
        ],
        p99Without: 5.1,
        p99With: 7.9,
      },
    }
    const markdown = benchMarkdown({
      results: [withUploads],
      page: null,
      suites: [],
      command: 'npm run bench -- --uploads 3',
      tabletProcesses: 2,
      tabletPriority: 'idle',
    })
    const lines = markdown.split('\n')
    const header = lines.findIndex((l) => l.startsWith('| deputies | pair'))
    const [head, rule, ...rows] = lines.slice(header, header + 6).map(cells)
    expect(rule).toHaveLength(head!.length)
    // Runs in turn: without, with, without, with.
    expect(rows.map((r) => r[2]!.trim())).toEqual(['without', '3 × 19 MB', 'without', '3 × 19 MB'])
    for (const row of rows) expect(row).toHaveLength(head!.length)
    expect(markdown).toContain('3000: median p99 7.9 ms with uploads, 5.1 ms without, ratio 1.55.')
    const met = (r: LoadResult) =>
      checkTargets([r], null).find((c) => c.target.includes('1.5 × without'))?.met
    expect(met(run)).toBeUndefined()
    expect(met(withUploads)).toBe(false)
    const within = { ...withUploads.withUploads, p99With: 7.6 }
    expect(met({ ...withUploads, withUploads: within })).toBe(true)
  })
})

describe('the design notes in the results file', () => {
  it('are kept when the benchmark writes the file again, after the new results', () => {
    const notes = `${DESIGN_NOTES}\n\nA slot written in one call: 6.1 ms.\n`
    const previous = `# Benchmarks\n\nold table\n\n${notes}`
    expect(withDesignNotes('# Benchmarks\n\nnew table\n', previous)).toBe(
      `# Benchmarks\n\nnew table\n\n${notes}`,
    )
  })

  it('are not made up where there were none, or no file', () => {
    expect(withDesignNotes('# Benchmarks\n', '# Benchmarks\n\nold\n')).toBe('# Benchmarks\n')
    expect(withDesignNotes('# Benchmarks\n', null)).toBe('# Benchmarks\n')
  })
})

describe('the tablet page in the bench results', () => {
  const file = (path: string, coding: string, bodyBytes: number, status = 200) => ({
    path,
    status,
    coding,
    bodyBytes,
    wireBytes: bodyBytes + 600,
  })
  const load = (files: ReturnType<typeof file>[]) => ({
    acceptEncoding: null,
    files,
    bodyBytes: files.reduce((n, f) => n + f.bodyBytes, 0),
    wireBytes: files.reduce((n, f) => n + f.wireBytes, 0),
  })
  const page = (brScriptBytes: number) => ({
    br: load([file('/tablet/', 'br', 400), file('/assets/a-AAAAAAAA.js', 'br', brScriptBytes)]),
    gzip: load([file('/tablet/', 'gzip', 500), file('/assets/a-AAAAAAAA.js', 'gzip', 120_000)]),
    identity: load([
      file('/tablet/', 'identity', 1100),
      file('/assets/a-AAAAAAAA.js', 'identity', 400_000),
    ]),
    reload: load([file('/tablet/', 'br', 0, 304)]),
  })

  it('a row per file with its bytes in each coding, and the first load held to 100 KB', () => {
    const markdown = benchMarkdown({
      results: [],
      page: page(90_000),
      suites: [],
      command: 'npm run bench',
      tabletProcesses: 2,
      tabletPriority: 'idle',
    })
    expect(markdown).toContain(
      '| /assets/a-AAAAAAAA.js | 87.9 (br) | 117.2 (gzip) | 390.6 (identity) | – |',
    )
    expect(markdown).toContain('| /tablet/ | 0.4 (br) | 0.5 (gzip) | 1.1 (identity) | 304 |')
    const met = (bytes: number) =>
      checkTargets([], page(bytes)).map((c) => [c.target.split(' ≤')[0], c.met])
    expect(met(90_000)).toEqual([
      ['tablet page first load', true],
      ['tablet page reload', true],
    ])
    expect(met(101_000)[0]).toEqual(['tablet page first load', false])
  })
})

describe('the check-in burst in the results', () => {
  const burst = (mbit: number | null, joinedAllS: number, probeP99: number): BurstRun => ({
    deputies: 3000,
    overS: 20,
    mbit,
    totalMB: 330.5,
    pageKB: 107.2,
    pageReloads: 0,
    joined95S: joinedAllS - 1,
    joinedAllS,
    join: { p50: 1.2, p95: 3.4, max: 5.6 },
    hostCpuS: 20.1,
    hostCpuPercent: 67,
    rssPeakMB: 210.3,
    ack: latency(2000),
    probe: { ...latency(probeP99), count: 100 },
    lost: 0,
    duplicated: 0,
    reconnects: 0,
    resends: 0,
  })

  it('a row per run as wide as its header, held to 30 s at the cap and 10 s without', () => {
    const markdown = benchMarkdown({
      results: [],
      page: null,
      burst: [burst(300, 12.5, 20), burst(null, 10.5, 30)],
      suites: [],
      command: 'npm run bench',
      tabletProcesses: 2,
      tabletPriority: 'idle',
    })
    const lines = markdown.split('\n')
    const header = lines.findIndex((l) => l.startsWith('| deputies | over s'))
    const [head, rule, capped, unthrottled] = lines.slice(header, header + 4).map(cells)
    expect([rule, capped, unthrottled].map((r) => r!.length)).toEqual(Array(3).fill(head!.length))
    expect(capped![2]!.trim()).toBe('300')
    expect(unthrottled![2]!.trim()).toBe('none')
    // The probe's acknowledgements are held, in both runs; the burst's own tablets' are not.
    expect(checkTargets([], null, null, [burst(300, 12.5, 20), burst(null, 10.5, 30)])).toEqual([
      expect.objectContaining({ measured: '12.5 s', met: true }),
      expect.objectContaining({
        measured: '20 ms (100 ballots), lost 0, duplicated 0',
        met: true,
      }),
      expect.objectContaining({ measured: '10.5 s', met: false }),
      expect.objectContaining({
        measured: '30 ms (100 ballots), lost 0, duplicated 0',
        met: false,
      }),
    ])
  })
})
