import { cpus, loadavg, totalmem } from 'node:os'
import { burstSection, checkBurst } from './burst-markdown'
import type { BurstRun } from './burst-run'
import type { TargetCheck } from './target-check'
import type { FaultRun } from './fault-run'
import type { LoadResult } from './load-bench'
import type { Report } from './suite'
import type { PageBytes } from './tablet-page-size'
import { browserAcceptEncoding, kb, pageTargets } from './tablet-page-size'
import type { TabletPriority } from './tablet-fleet'
import type { UploadHostRun, UploadRun } from './upload-run'

export function checkTargets(
  results: readonly LoadResult[],
  page: PageBytes | null,
  faultRun: FaultRun | null = null,
  burst: readonly BurstRun[] = [],
): TargetCheck[] {
  const checks: TargetCheck[] = checkBurst(burst)
  if (faultRun) {
    const f = faultRun
    checks.push({
      target: `${f.deputies} through a bad network: lost 0, duplicated 0, every tablet shown its state again`,
      measured: `lost ${f.lost}, duplicated ${f.duplicated}, ${f.allShownAgain ? 'all shown again' : 'NOT all shown again'}`,
      met: f.lost === 0 && f.duplicated === 0 && f.allShownAgain && f.resultMatches,
    })
    const r = f.recovery
    if (r)
      checks.push({
        target: `${f.deputies} through a bad network: every cut-off tablet back, its pending ballot acknowledged, ≤ 5 s after its lane is back`,
        measured: `max ${r.max} s (p95 ${r.p95} s), ${r.recovered} of ${r.tablets} recovered`,
        met: r.recovered === r.tablets && r.max <= 5,
      })
  }
  for (const r of results) {
    const n = r.deputies
    if (n === 3000) {
      checks.push({
        target: `3,000 in ${r.spreadS} s: ack p99 ≤ 25 ms`,
        measured: `${r.ack.p99} ms`,
        met: r.ack.p99 <= 25,
      })
      // Against the durable floor (issue 25, item 5): a bare server that only appends and
      // fdatasyncs each group of ballots. The bare floor, which touches no disk, is information.
      checks.push({
        target: `3,000: ack p99 ≤ 1.5 × durable floor p99`,
        measured: `${r.ack.p99} ms vs 1.5 × ${r.durableFloor.p99} ms`,
        met: r.ack.p99 <= 1.5 * r.durableFloor.p99,
      })
    }
    if (n === 5000)
      checks.push({
        target: '5,000 held (every ballot acknowledged, result matches)',
        measured: `${r.ack.count} acknowledged, result ${r.resultMatches ? 'matches' : 'DIFFERS'}`,
        met: r.ack.count === n && r.resultMatches,
      })
    checks.push({
      target: `${n}: lost 0, duplicated 0`,
      measured: `lost ${r.lost}, duplicated ${r.duplicated}`,
      met: r.lost === 0 && r.duplicated === 0,
    })
    checks.push({
      target: `${n}: close → screen ≤ 100 ms`,
      measured: `${r.closeToScreenMs} ms`,
      met: r.closeToScreenMs <= 100,
    })
    if (n === 5000)
      checks.push({
        target: 'host RSS ≤ 300 MB at 5,000',
        measured: r.rssPeakMB === null ? 'not sampled' : `${r.rssPeakMB} MB`,
        met: r.rssPeakMB === null ? null : r.rssPeakMB <= 300,
      })
    const u = r.withUploads
    if (u)
      checks.push({
        target: `${n}: ack p99 with ${u.uploads} uploads of ${u.uploadMB} MB ≤ 1.5 × without`,
        measured: `${u.p99With} ms vs 1.5 × ${u.p99Without} ms (medians of ${u.with.length} pairs)`,
        met: u.p99With <= 1.5 * u.p99Without,
      })
    checks.push({
      target: `${n}: all tablets back ≤ 10 s after kill -9`,
      measured: `${r.reconnectAllS} s`,
      met: r.reconnectAllS <= 10,
    })
  }
  if (page)
    checks.push(
      {
        target: `tablet page first load ≤ ${pageTargets.firstLoadKB} KB over the wire (${browserAcceptEncoding})`,
        measured: `${kb(page.br.wireBytes)} KB`,
        met: kb(page.br.wireBytes) <= pageTargets.firstLoadKB,
      },
      {
        target: `tablet page reload ≤ ${pageTargets.reloadKB} KB`,
        measured: `${kb(page.reload.wireBytes)} KB`,
        met: kb(page.reload.wireBytes) <= pageTargets.reloadKB,
      },
    )
  return checks
}

const mark = (met: boolean | null) => (met === null ? '?' : met ? '✅' : '❌')

export function benchMarkdown(input: {
  results: readonly LoadResult[]
  page: PageBytes | null
  /** The faults row (fault-run.ts), when it ran. */
  faultRun?: FaultRun | null
  /** The check-in burst's runs (burst-run.ts), when it ran. */
  burst?: readonly BurstRun[]
  suites: readonly Report[]
  command: string
  /** The processes the virtual tablets ran in (0: the benchmark's own). */
  tabletProcesses: number
  /** How those processes gave way to the host. */
  tabletPriority: TabletPriority
}): string {
  const { results, page, suites } = input
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${input.command}\` on ${new Date().toISOString()} — Node ${process.version},`,
    `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB; host, floor`,
    'server and virtual tablets on this one machine over loopback. ' +
      (input.tabletProcesses > 0
        ? `The tablets run in ${input.tabletProcesses} processes of their own at the lowest priority (${input.tabletPriority === 'idle' ? "Linux's idle scheduling class, `chrt --idle`" : 'niceness 19'}), so they wait for the host and the floor rather than the reverse: in the hall each tablet has its own processor.`
        : "The tablets run in the benchmark's own process."),
    `Load average when written (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} — the`,
    'machine is shared; with other work running every number here is slower than on a quiet one.',
    '',
    '## Load: virtual tablets against a real host, and against the floor',
    '',
    'Each tablet sends once, at a uniformly random moment between 1 s (the fastest deputy reading',
    'and confirming the ballot) and the spread after it is shown the vote.',
    '',
    'ack = tablet sends `ballot:submit` → receives the acknowledgement the host sends after the',
    'durable write (ms). floor = the same clients and load against a bare Socket.IO server in its',
    'own process whose acknowledgement does nothing; it opens its vote with the same paced',
    'message as the host. The floor runs twice, before the host and after it, and the run with the',
    'lower p99 is the floor (floor p99 runs: both): a p99 rests on the slowest 1 % of',
    "acknowledgements, and on a shared machine one noisy floor run must not pass the host's.",
    'durable floor = the same bare server acknowledging only after appending the ballot to a file',
    'with group commit and fdatasync (electron/cli/sim/floor-server.ts --durable), the least any',
    'durable acknowledgement costs on this disk; also run twice, the lower p99 kept. The target',
    'compares the host with it; the bare floor, which never waits for the disk, is information.',
    'close → screen = console sends `vote:close`, on its ack sends',
    '`vote:publish`, until the /screen client receives the published result; console and screen',
    'run in a process of their own (electron/cli/sim/close-probe.ts), apart from the tablets.',
    'reconnect = `kill -9` of the host → restarted on the same data folder and port → every',
    'tablet connected and shown its state again (host up = until the restarted host listens;',
    "the rest is the tablets' reconnection backoff, 0.5 s doubling to 1 s as on the tablet page:",
    'shared/protocol/tablet-link.ts).',
    "RSS peak = the host process's resident-memory high-water mark (Linux VmHWM), from start",
    "through check-in, voting, close and the close's archive (report documents drawn in the",
    "host's worker thread), and after the restart through every tablet's return. The host runs",
    'with the heap flags `npm run host` gives it (electron/host/heap-flags.ts).',
    '',
    '| deputies | spread s | ack p50 | ack p90 | ack p99 | ack max | durable floor p50 | durable floor p99 | durable p99 runs | floor p50 | floor p99 | floor p99 runs | lost | dup | close→ack | close→screen | publish→screen | RSS peak MB | floor RSS MB | host up s | reconnect s |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.deputies} | ${r.spreadS} | ${r.ack.p50} | ${r.ack.p90} | ${r.ack.p99} | ${r.ack.max} | ${r.durableFloor.p50} | ${r.durableFloor.p99} | ${r.durableFloorRunsP99.join(' / ')} | ${r.floor.p50} | ${r.floor.p99} | ${r.floorRunsP99.join(' / ')} | ${r.lost} | ${r.duplicated} | ${r.closeAckMs} | ${r.closeToScreenMs} | ${r.publishToScreenMs} | ${r.rssPeakMB ?? '–'} | ${r.floorRssPeakMB ?? '–'} | ${r.hostUpS} | ${r.reconnectAllS} |`,
    ),
    '',
  ]
  const notes = results.filter((r) => r.notes.length > 0)
  if (notes.length > 0) {
    lines.push('Notes:', ...notes.map((r) => `- ${r.deputies}: ${r.notes.join('; ')}`), '')
  }
  const withUploads = results.filter((r) => r.withUploads !== null)
  if (withUploads.length > 0) lines.push(...uploadsSection(withUploads))
  if (input.faultRun) lines.push(...faultSection(input.faultRun))
  lines.push(...burstSection(input.burst ?? []))
  if (page) lines.push(...pageSection(page))
  lines.push('## Targets (issues 9, 25 and 31)', '', '| target | measured | met |', '|---|---|:-:|')
  for (const c of checkTargets(results, page, input.faultRun ?? null, input.burst ?? []))
    lines.push(`| ${c.target} | ${c.measured} | ${mark(c.met)} |`)
  lines.push('')
  if (suites.length > 0) {
    lines.push(
      '## Tally and store (median of runs)',
      '',
      '| suite | median ms | what |',
      '|---|---:|---|',
    )
    for (const s of suites) lines.push(`| ${s.name} | ${s.medianMs} | ${s.describe} |`)
    lines.push('')
  }
  return lines.join('\n')
}

/** The tablet page as the host sent it: each file's body in each coding, and the totals. */
function pageSection(page: PageBytes): string[] {
  const body = (load: PageBytes['br'], path: string) => {
    const f = load.files.find((x) => x.path === path)
    return f ? `${kb(f.bodyBytes)} (${f.coding})` : '–'
  }
  return [
    '## Tablet page over the air',
    '',
    'Fetched from a real host over HTTP as a browser loads `/tablet/`: the HTML, then every',
    'script, stylesheet, module preload and icon it names, the modules those import and the fonts',
    'the stylesheets name (electron/cli/sim/tablet-page-size.ts). KB of the bodies as sent, and',
    'the totals over the wire with status lines and headers. Reload: the same tablet again, whose',
    'hashed assets are cached for a year; the page is revalidated by its ETag.',
    '',
    `| file | ${browserAcceptEncoding} | gzip, deflate | none | reload |`,
    '|---|---:|---:|---:|---:|',
    ...page.br.files.map(
      (f) =>
        `| ${f.path} | ${body(page.br, f.path)} | ${body(page.gzip, f.path)} | ${body(page.identity, f.path)} | ${page.reload.files.find((x) => x.path === f.path)?.status ?? '–'} |`,
    ),
    `| **over the wire** | **${kb(page.br.wireBytes)}** | **${kb(page.gzip.wireBytes)}** | **${kb(page.identity.wireBytes)}** | **${kb(page.reload.wireBytes)}** |`,
    '',
  ]
}

/** Host runs with uploads arriving during the vote, in turn with runs without. */
function uploadsSection(results: readonly LoadResult[]): string[] {
  const rows = results.flatMap((r) => {
    const u = r.withUploads as UploadRun
    const run = (kind: string, k: number, h: UploadHostRun) => {
      const answers = h.answers.map((a) => `${a.status} in ${a.ms}`).join(', ') || '–'
      return `| ${r.deputies} | ${k + 1} | ${kind} | ${h.ack.p50} | ${h.ack.p90} | ${h.ack.p99} | ${h.ack.max} | ${h.rssPeakMB ?? '–'} | ${h.workerRssPeakMB ?? '–'} | ${answers} |`
    }
    return u.without.flatMap((w, k) => [
      run('without', k, w),
      run(`${u.uploads} × ${u.uploadMB} MB`, k, u.with[k] as UploadHostRun),
    ])
  })
  const ratios = results.map((r) => {
    const u = r.withUploads as UploadRun
    const ratio = u.p99Without > 0 ? (u.p99With / u.p99Without).toFixed(2) : '–'
    return `${r.deputies}: median p99 ${u.p99With} ms with uploads, ${u.p99Without} ms without, ratio ${ratio}.`
  })
  return [
    '## Uploads during the vote',
    '',
    'Host runs on a new demo meeting each, in pairs taken in turn: one without uploads, one with',
    'uploads of random text with separators (the junk upload of issue 27) arriving while the',
    'tablets vote, the k-th of N at 1 s + (k + ½) / N of the spread after the vote opens. The load',
    'of a shared machine moves a p99 more than most changes do, and runs taken close together see',
    'the same load: the target compares the medians. Each upload streams through the host into an',
    'import worker process at the lowest priority (one at a time; an upload that comes while one is',
    'parsed is answered 503 at once). The parse runs in the idle class, below everything; so that',
    "it does not take the virtual tablets' processor on this machine (which would time the",
    'tablets, not the host), the tablets of these runs are at niceness 19 instead of in the idle',
    "class: still below the host, the same in both runs of a pair. RSS = the host process's",
    "high-water mark; worker RSS = the import worker process's, apart (it ends with its parse).",
    '',
    ...ratios,
    '',
    '| deputies | pair | uploads | ack p50 | ack p90 | ack p99 | ack max | RSS peak MB | worker RSS MB | answers (status in ms) |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
  ]
}

/**
 * Where the hand-written part of the results file begins: what was measured to make a design
 * choice (written once, by hand, and pointed to from the code it explains). Everything from this
 * heading on is kept when the benchmark writes the file again.
 */
export const DESIGN_NOTES = '## Measurements behind the design'

/** The generated results, then the previous file's design notes, if it had any. */
export function withDesignNotes(generated: string, previous: string | null): string {
  const at = previous?.indexOf(`\n${DESIGN_NOTES}\n`) ?? -1
  if (!previous || at < 0) return generated
  return `${generated.trimEnd()}\n\n${previous.slice(at + 1)}`
}

function faultSection(f: FaultRun): string[] {
  return [
    '## Through a bad hall network',
    '',
    `${f.deputies} tablets through the fault proxy (electron/cli/sim/fault-proxy.ts, three lanes):`,
    `${f.network}; random drops only during the vote; the cut third silent (held as TCP would`,
    "retransmit), 1 s into the vote; then the host's address gone for 3 s and back; then close",
    'and publish. lane back → acknowledged = the cut lane restored → every ballot acknowledged;',
    'recover p50 / p95 / max = per cut-off tablet, the lane restored → it hears the host again',
    'and, if its ballot was pending, that ballot acknowledged (electron/cli/sim/recovery.ts);',
    'address back → connected = every tablet connected again; shown again = every tablet received',
    'the published state.',
    '',
    '| deputies | ack p50 | ack p99 | ack max | lost | dup | result | lane back → acknowledged s | recover p50 / p95 / max s | address back → connected s | shown again | reconnects | resends | resets |',
    '|---:|---:|---:|---:|---:|---:|:-:|---:|---:|---:|:-:|---:|---:|---:|',
    `| ${f.deputies} | ${f.ack.p50} | ${f.ack.p99} | ${f.ack.max} | ${f.lost} | ${f.duplicated} | ${mark(f.resultMatches)} | ${f.recoverS ?? '–'} | ${f.recovery ? `${f.recovery.p50} / ${f.recovery.p95} / ${f.recovery.max}` : '–'} | ${f.addressBackS} | ${mark(f.allShownAgain)} | ${f.reconnects} | ${f.resends} | ${f.resets} |`,
    '',
  ]
}
