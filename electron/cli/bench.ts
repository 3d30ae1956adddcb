/**
 * `npm run -s bench -- [--deputies 500,3000,5000] [--spread 10] [--json]
 *   [--only load|page|faults|burst|tally|store|meeting] [--fault-deputies 3000] [--latency A-B]
 *   [--drops N] [--bandwidth MBIT] [--cut-third S] [--cut-kind silent|lost]
 *   [--burst-deputies 3000] [--burst-over 20]
 *   [--runs 7] [--list] [--markdown FILE] [--tablet-processes 4] [--uploads 3] [--upload-mb 19]
 *   [--upload-pairs 3]`
 *
 * - load: for each deputy count, a real host in its own process, a vote opened through the
 *   console API, that many virtual tablets voting within the spread, and the same load against
 *   a bare Socket.IO server (the floor; run before the host and after it, the lower p99 kept)
 *   and against the same server acknowledging after a group-committed fdatasync (the durable
 *   floor, the target's measure);
 *   close → screen, host RSS peak, and reconnection after kill -9
 *   (electron/cli/sim/load-bench.ts). The virtual tablets are spread over --tablet-processes
 *   processes of their own. With --uploads N, the host's run once more with N uploads of
 *   --upload-mb of junk arriving while the tablets vote (electron/cli/sim/upload-run.ts): its
 *   ack p99 against the run without, and its RSS. Also the tablet page's bytes (needs a build).
 *   Writes a markdown table to electron/cli/bench-results.md.
 * - burst: the check-in burst (electron/cli/sim/burst-run.ts): --burst-deputies tablets (with
 *   --only burst, --deputies gives them too) arrive at random over --burst-over seconds into a
 *   hall whose vote is open, each loads the tablet page as a browser does and joins, the joined
 *   ones vote; through a shared cap of --bandwidth Mbit/s (default 300), then again unthrottled.
 *   Needs `npm run build`.
 * - page: the tablet page's bytes as the host sends them over HTTP (a host on a free loopback
 *   port serving out/renderer): first load with a browser's Accept-Encoding, gzip only and
 *   none, and a reload (electron/cli/sim/tablet-page-size.ts). Needs `npm run build`; also
 *   measured with load.
 * - tally: timings of the tally hot paths (electron/cli/sim/tally-suites.ts); store: the CPU of
 *   a ballot box group commit before its write (electron/cli/sim/store-suites.ts); meeting: the
 *   same for meeting.json after an agenda change or a check-in.
 * Without --only both run. With --json the last line of stdout is one JSON object: with load,
 * `{"results":[…],"tabletPage":…}`; with --only tally, `{"node":…,"suites":[…]}`; with --only
 * page, `{"tabletPage":…}`.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { defaultStaticDir } from '../host'
import { benchMarkdown, checkTargets, withDesignNotes } from './sim/bench-markdown'
import type { FaultSetup } from './sim/fault-options'
import { faultOptions, faultSetupFrom } from './sim/fault-options'
import type { BurstRun } from './sim/burst-run'
import { burstLine, runBurst } from './sim/burst-run'
import type { FaultRun } from './sim/fault-run'
import { runFaultRow } from './sim/fault-run'
import { checkFileLimit } from './sim/limits'
import type { LoadResult } from './sim/load-bench'
import { DEFAULT_TABLET_PROCESSES, runLoad } from './sim/load-bench'
import { ProgressBar } from './sim/progress-bar'
import { tabletPriority } from './sim/tablet-fleet'
import type { PageBytes } from './sim/tablet-page-size'
import { measureTabletPage, pageSummary } from './sim/tablet-page-size'
import type { Report } from './sim/suite'
import { runSuites, suites } from './sim/tally-suites'
import { readCommandLine } from './command-line'

const { values: given } = readCommandLine({
  usage: 'npm run -s bench -- [options]',
  about:
    'Benchmarks: virtual tablets against a real host and a bare Socket.IO floor (load), the tally, the ballot box commit and meeting.json (tally, store, meeting).',
  options: {
    only: {
      type: 'string',
      value: 'WHAT',
      multiple: true,
      help: 'load, page, faults, burst, tally, store or meeting (comma-separated or repeated); default all',
    },
    runs: { type: 'string', value: 'N', help: 'runs of each timed suite (default 7)' },
    json: { type: 'boolean', help: 'the results as one JSON line at the end' },
    list: { type: 'boolean', help: 'list the suites and stop' },
    deputies: {
      type: 'string',
      value: 'N,N',
      help: 'tablet counts for load (default 500,3000,5000)',
    },
    spread: {
      type: 'string',
      value: 'S',
      help: 'seconds the ballots are spread over (default 10)',
    },
    'tablet-processes': {
      type: 'string',
      value: 'P',
      help: `processes for the virtual tablets (default ${DEFAULT_TABLET_PROCESSES}; 0: in this one)`,
    },
    markdown: {
      type: 'string',
      value: 'FILE',
      help: 'where the results table goes (default electron/cli/bench-results.md)',
    },
    uploads: {
      type: 'string',
      value: 'N',
      help: 'also run hosts with N uploads arriving while tablets vote, in pairs with runs without (default 0)',
    },
    'upload-mb': { type: 'string', value: 'MB', help: 'size of each upload (default 19)' },
    ...faultOptions,
    'fault-deputies': {
      type: 'string',
      value: 'N',
      help: 'tablets through the fault proxy in the faults row (default 3000; 0: no faults row)',
    },
    'burst-deputies': {
      type: 'string',
      value: 'N,N',
      help: 'tablets of the check-in burst (default 3000, or --deputies with --only burst; 0: none)',
    },
    'burst-over': {
      type: 'string',
      value: 'S',
      help: "seconds the burst's tablets arrive over (default 20)",
    },
    'upload-pairs': {
      type: 'string',
      value: 'K',
      help: 'pairs of host runs without and with uploads, taken in turn (default 3)',
    },
  },
})
const values = {
  only: given.only ?? [],
  runs: given.runs ?? '7',
  json: given.json ?? false,
  list: given.list ?? false,
  deputies: given.deputies ?? '500,3000,5000',
  spread: given.spread ?? '10',
  'tablet-processes': given['tablet-processes'] ?? String(DEFAULT_TABLET_PROCESSES),
  markdown: given.markdown ?? join('electron', 'cli', 'bench-results.md'),
  uploads: given.uploads ?? '0',
  'upload-mb': given['upload-mb'] ?? '19',
  'upload-pairs': given['upload-pairs'] ?? '3',
  'fault-deputies': given['fault-deputies'] ?? '3000',
  'burst-over': given['burst-over'] ?? '20',
}

/** The burst's sizes: --burst-deputies, else --deputies when only the burst runs, else 3,000. */
function burstCounts(onlyBurst: boolean): number[] {
  const asked =
    given['burst-deputies'] ?? (onlyBurst && given.deputies !== undefined ? given.deputies : '3000')
  const counts = asked.split(',').map(Number)
  if (counts.some((n) => !Number.isInteger(n) || n < 0 || n > 20_000))
    throw new Error(`--burst-deputies takes whole numbers 0..20000 separated by commas`)
  return counts.filter((n) => n > 0)
}

/**
 * The hall's bad network the faults row runs through unless told otherwise: latency 50–300 ms,
 * each connection dropped about every two minutes during the vote, a third of the tablets cut
 * off for 30 s, and the host's address gone for 3 s and back (fault-run.ts).
 */
function faultSetup(): FaultSetup {
  const asked = faultSetupFrom(given)
  return {
    plan: { latencyMs: [50, 300], dropsPerMinute: 0.5, ...asked?.plan },
    cutThirdS: given['cut-third'] === undefined ? 30 : (asked?.cutThirdS ?? 30),
    cutKind: asked?.cutKind ?? 'silent',
  }
}

async function main(): Promise<number> {
  if (values.list) {
    console.log(`${'load'.padEnd(16)} virtual tablets against a real host and the floor`)
    console.log(`${'page'.padEnd(16)} the tablet page's bytes as the host sends them`)
    for (const s of suites) console.log(`${s.name.padEnd(16)} ${s.describe}`)
    return 0
  }
  const only = values.only.flatMap((o) => o.split(',')).filter(Boolean)
  const wantLoad = only.length === 0 || only.includes('load')
  const bursts = only.length === 0 || only.includes('burst') ? burstCounts(only.length === 1) : []
  // The burst's tablets load the built page; its bytes are reported beside it.
  const wantPage = only.length === 0 || only.includes('page') || wantLoad || bursts.length > 0
  const wantFaults = only.length === 0 || only.includes('faults')
  const rows = ['load', 'page', 'faults', 'burst']
  const tallyOnly = only.filter((o) => !rows.includes(o))
  const burstOverS = Number(values['burst-over'])
  if (!(burstOverS >= 0 && burstOverS <= 600)) throw new Error(`--burst-over takes seconds 0..600`)
  const wantTally = only.length === 0 || tallyOnly.length > 0
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`)
  const counts = values.deputies.split(',').map(Number)
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 20_000))
    throw new Error(`--deputies takes whole numbers 1..20000 separated by commas`)
  const spreadS = Number(values.spread)
  if (!Number.isFinite(spreadS) || spreadS < 0) throw new Error(`--spread takes seconds ≥ 0`)
  const processes = Number(values['tablet-processes'])
  if (!Number.isInteger(processes) || processes < 0 || processes > 64)
    throw new Error(`--tablet-processes takes a whole number 0..64 (0: in the bench's process)`)
  const uploads = {
    count: Number(values.uploads),
    mb: Number(values['upload-mb']),
    pairs: Number(values['upload-pairs']),
  }
  if (!Number.isInteger(uploads.count) || uploads.count < 0 || uploads.count > 20)
    throw new Error(`--uploads takes a whole number 0..20`)
  if (!Number.isFinite(uploads.mb) || uploads.mb <= 0 || uploads.mb > 20)
    throw new Error(`--upload-mb takes megabytes above 0, at most 20 (the host's cap)`)
  if (!Number.isInteger(uploads.pairs) || uploads.pairs < 1 || uploads.pairs > 20)
    throw new Error(`--upload-pairs takes a whole number 1..20`)

  const reports: Report[] = wantTally ? runSuites(tallyOnly, runs, (l) => console.log(l)) : []
  let page: PageBytes | null = null
  const staticDir = defaultStaticDir()
  if (wantPage && existsSync(join(staticDir, 'tablet', 'index.html'))) {
    page = await measureTabletPage(staticDir)
    for (const line of pageSummary(page)) console.log(line)
  } else if (wantPage)
    console.error('tablet page not built (npm run build): its size is not reported')
  const faultDeputies = Number(values['fault-deputies'])
  if (!Number.isInteger(faultDeputies) || faultDeputies < 0 || faultDeputies > 20_000)
    throw new Error(`--fault-deputies takes a whole number 0..20000`)
  const faults = faultSetup()
  if (bursts.length > 0 && !page)
    throw new Error('the check-in burst loads the built tablet page: npm run build first')
  if (!wantLoad && !(wantFaults && faultDeputies > 0) && bursts.length === 0) {
    if (values.json)
      console.log(
        JSON.stringify(
          wantTally
            ? { node: process.version, suites: reports, tabletPage: page }
            : { tabletPage: page },
        ),
      )
    return 0
  }

  checkFileLimit(Math.max(...counts, faultDeputies, ...bursts))

  const bar = new ProgressBar()
  const results: LoadResult[] = []
  for (const n of wantLoad ? counts : []) {
    const r = await runLoad({ deputies: n, spreadS, processes, uploads }, bar, (l) =>
      console.error(l),
    )
    results.push(r)
    console.log(
      `load ${String(n).padStart(5)} in ${spreadS} s: ack p50 ${r.ack.p50} p99 ${r.ack.p99} max ${r.ack.max} ms` +
        ` | durable floor p50 ${r.durableFloor.p50} p99 ${r.durableFloor.p99} ms | floor p50 ${r.floor.p50} p99 ${r.floor.p99} ms | lost ${r.lost} dup ${r.duplicated}` +
        ` | close→screen ${r.closeToScreenMs} ms | RSS ${r.rssPeakMB ?? '–'} MB | reconnect ${r.reconnectAllS} s`,
    )
    const u = r.withUploads
    if (u)
      console.log(
        `load ${String(n).padStart(5)} + ${u.uploads} uploads of ${u.uploadMB} MB: ack p99 median ${u.p99With} ms (${u.with.map((w) => w.ack.p99).join(', ')})` +
          ` vs without ${u.p99Without} ms (${u.without.map((w) => w.ack.p99).join(', ')})` +
          ` | RSS ${u.with.map((w) => w.rssPeakMB ?? '–').join(', ')} MB, worker ${u.with.map((w) => w.workerRssPeakMB ?? '–').join(', ')} MB`,
      )
  }
  let faultRun: FaultRun | null = null
  if (wantFaults && faultDeputies > 0) {
    faultRun = await runFaultRow({ deputies: faultDeputies, spreadS, processes, faults }, bar)
    const f = faultRun
    console.log(
      `faults ${f.deputies} (${f.network}): ack p50 ${f.ack.p50} p99 ${f.ack.p99} max ${f.ack.max} ms` +
        ` | lost ${f.lost} dup ${f.duplicated} | lane back → all acknowledged ${f.recoverS ?? '–'} s` +
        (f.recovery
          ? ` (per tablet p50 ${f.recovery.p50} p95 ${f.recovery.p95} max ${f.recovery.max} s)`
          : '') +
        ` | address back → all connected ${f.addressBackS} s | all shown again ${f.allShownAgain}` +
        ` | reconnects ${f.reconnects} resends ${f.resends} resets ${f.resets}`,
    )
  }
  const burstRuns: BurstRun[] = []
  // At the air's cap, then unthrottled: what the hall's Wi-Fi allows, and what the host does.
  const cap = faults.plan.bandwidthBytesPerS ? (faults.plan.bandwidthBytesPerS * 8) / 1e6 : 300
  for (const n of bursts)
    for (const mbit of [cap, null]) {
      const run = { deputies: n, overS: burstOverS, spreadS, processes, mbit }
      burstRuns.push(await runBurst(run, bar))
      console.log(burstLine(burstRuns.at(-1) as BurstRun))
    }
  const clean = [...results, ...(faultRun ? [faultRun] : []), ...burstRuns]
  const exitCode = clean.every((r) => r.lost === 0 && r.duplicated === 0) ? 0 : 1
  if (!wantLoad) {
    if (values.json) console.log(JSON.stringify({ faultRun, burst: burstRuns, tabletPage: page }))
    return exitCode
  }
  for (const c of checkTargets(results, page, faultRun, burstRuns))
    console.log(`${c.met === null ? '?' : c.met ? 'ok  ' : 'MISS'} ${c.target}: ${c.measured}`)

  const command =
    `npm run bench -- --deputies ${counts.join(',')} --spread ${spreadS}` +
    (uploads.count > 0
      ? ` --uploads ${uploads.count} --upload-mb ${uploads.mb} --upload-pairs ${uploads.pairs}`
      : '')
  // Formatted as the repository's `prettier --check` expects, so the lint stays green.
  const markdown = await format(
    benchMarkdown({
      results,
      page,
      faultRun,
      burst: burstRuns,
      suites: reports,
      command,
      tabletProcesses: processes,
      tabletPriority: tabletPriority(),
    }),
    {
      parser: 'markdown',
      ...(await resolveConfig(values.markdown)),
    },
  )
  const previous = await readFile(values.markdown, 'utf8').catch(() => null)
  await writeFile(values.markdown, withDesignNotes(markdown, previous))
  console.error(`written ${values.markdown}`)
  if (values.json) {
    console.log(
      JSON.stringify({
        results: results.map((r) => ({
          deputies: r.deputies,
          spreadS: r.spreadS,
          ack: { p50: r.ack.p50, p99: r.ack.p99, max: r.ack.max },
          floor: { p50: r.floor.p50, p99: r.floor.p99 },
          durableFloor: { p50: r.durableFloor.p50, p99: r.durableFloor.p99 },
          lost: r.lost,
          duplicated: r.duplicated,
          closeToScreenMs: r.closeToScreenMs,
          rssPeakMB: r.rssPeakMB,
          reconnectAllS: r.reconnectAllS,
          withUploads: r.withUploads,
        })),
        tabletPage: page,
        faultRun,
        burst: burstRuns,
      }),
    )
  }
  return exitCode
}

try {
  process.exitCode = await main()
} catch (e) {
  console.error((e as Error).message)
  process.exitCode = 2
}
// Sockets of a closed rehearsal may hold the loop a little; the numbers are out.
process.exit()
