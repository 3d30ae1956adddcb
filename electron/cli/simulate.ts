/**
 * `npm run simulate -- --url URL --credentials FILE [--deputies N] [--spread SECONDS]
 *   [--read SECONDS] [--token STAFF_TOKEN] [--processes P] [--json] [--latency A-B] [--drops N]
 *   [--bandwidth MBIT] [--cut-third S] [--cut-kind silent|lost]`
 *
 * A rehearsal of the hall network: N virtual tablets log in with the exported credentials
 * (the CSV from the console, or `npm run host -- --demo N`), wait for staff to open a vote, cast
 * random valid ballots spread over the window (none before --read, default 1 s: the fastest
 * deputy's reading and confirming), resend after reconnects as the tablet page does,
 * then wait for the published result and check it against their own tally. Through a fault
 * proxy with a cut third, each cut-off tablet's time to recover once its lane is back (heard
 * the host again, its pending ballot acknowledged): p50, p95, max and the slowest. Exit status 0 when
 * nothing was lost or duplicated and the result matches, 1 otherwise, 2 on bad arguments.
 */
import type { VoteResult } from '../../shared/protocol/result.schema'
import { readCredentialsFile } from './sim/credentials-file'
import { describeFaults, faultOptions, faultSetupFrom } from './sim/fault-options'
import type { CutKind, FaultSetup } from './sim/fault-options'
import { FaultProxy } from './sim/fault-proxy'
import { ProgressBar } from './sim/progress-bar'
import type { RecoveryReport } from './sim/recovery'
import { recoveryLines } from './sim/recovery'
import type { RehearsalReport } from './sim/rehearsal'
import { Rehearsal, until } from './sim/rehearsal'
import { checkFileLimit } from './sim/limits'
import { readCommandLine } from './command-line'

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const { values: given } = readCommandLine({
  usage: 'npm run simulate -- --url http://HOST:PORT --credentials FILE [options]',
  about:
    'A rehearsal of the hall network: virtual tablets log in, vote when staff open a vote, and check the published result.',
  options: {
    url: { type: 'string', value: 'URL', help: "the host's base URL" },
    credentials: { type: 'string', value: 'FILE', help: 'the credential CSV the console exports' },
    deputies: { type: 'string', value: 'N', help: 'how many tablets (default: every credential)' },
    spread: {
      type: 'string',
      value: 'S',
      help: 'seconds the ballots are spread over (default 10)',
    },
    read: { type: 'string', value: 'S', help: 'no ballot before S seconds (default 1)' },
    token: { type: 'string', value: 'T', help: 'staff token, to follow the vote from the console' },
    processes: { type: 'string', value: 'P', help: 'tablet processes (default: by CPU count)' },
    json: { type: 'boolean', help: 'the report as one JSON line' },
    ...faultOptions,
  },
})
const values = { ...given, spread: given.spread ?? '10', json: given.json ?? false }
if (!values.url || !values.credentials)
  fail(
    '用法 / usage: npm run simulate -- --url http://HOST:PORT --credentials FILE [--deputies N] [--spread S]',
  )
let faults: FaultSetup | null = null
try {
  faults = faultSetupFrom(values)
} catch (error) {
  fail((error as Error).message)
}
const url = values.url.replace(/\/+$/, '').replace(/\/(tablet|screen|console)$/, '')
const spreadS = Number(values.spread)
if (!Number.isFinite(spreadS) || spreadS < 0)
  fail(`--spread 需要非负秒数 / --spread takes seconds ≥ 0`)
const readS = values.read === undefined ? undefined : Number(values.read)
if (readS !== undefined && (!Number.isFinite(readS) || readS < 0 || readS > spreadS))
  fail(`--read 需要 0 到 --spread 之间的秒数 / --read takes seconds from 0 to --spread`)

let credentials
try {
  credentials = await readCredentialsFile(values.credentials)
} catch (error) {
  fail(`凭证文件无法读取 / cannot read the credentials: ${(error as Error).message}`)
}
const count = values.deputies === undefined ? credentials.length : Number(values.deputies)
if (!Number.isInteger(count) || count < 1 || count > credentials.length)
  fail(
    `--deputies 需要 1 到 ${credentials.length} 之间的整数 / --deputies takes 1..${credentials.length}`,
  )

// Tablets in processes of their own, about 750 to each, as the benchmark spreads them: one event
// loop reading what thousands of tablets are sent would delay the acknowledgements it times.
const processes =
  values.processes === undefined ? Math.min(4, Math.ceil(count / 750)) : Number(values.processes)
if (!Number.isInteger(processes) || processes < 0 || processes > 64)
  fail(`--processes 需要 0 到 64 的整数 / --processes takes 0..64 (0: in this process)`)

checkFileLimit(count)
const log = (line: string) => (values.json ? console.error(line) : console.log(line))
const bar = new ProgressBar()
const target = new URL(url)
const proxy = faults
  ? await FaultProxy.start(
      { host: target.hostname, port: Number(target.port || 80) },
      3,
      faults.plan,
    )
  : null
if (faults) log(`经故障代理 / through a fault proxy: ${describeFaults(faults)}`)
const rehearsal = new Rehearsal({
  url,
  ...(proxy ? { tabletUrls: proxy.urls() } : {}),
  deputies: credentials.slice(0, count),
  spreadS,
  ...(readS !== undefined ? { readS } : {}),
  processes,
  ...(values.token ? { staffToken: values.token } : {}),
})

let report: RehearsalReport
let recovery: RecoveryReport | null = null
try {
  log(`${count} 台虚拟平板连接 ${url} / ${count} virtual tablets connecting`)
  await until(
    () => rehearsal.connected() + rehearsal.unauthorized() >= count,
    120_000,
    'every tablet to connect',
    () => bar.update('连接 connect', rehearsal.connected(), count),
    100,
  )
  bar.done()
  if (rehearsal.unauthorized() > 0)
    log(
      `凭证被拒 / refused credentials: ${rehearsal.unauthorized()} (another meeting, or reissued)`,
    )
  log('等待会务开始投票… / waiting for staff to open a vote…')
  await until(
    () => rehearsal.openVoteId() !== null,
    24 * 3600_000,
    'an open vote',
    () => {},
    100,
  )
  const voteId = rehearsal.openVoteId() as string
  log(`投票已开始 ${voteId}，在 ${spreadS} 秒内投出 / vote open, sending within ${spreadS} s`)
  const cut = proxy && faults?.cutThirdS ? cutThird(proxy, faults.cutThirdS, faults.cutKind) : null
  let published: VoteResult | null = null
  void rehearsal.publishedResult(voteId).then((r) => (published = r))
  const online = rehearsal.connected()
  await until(
    () => rehearsal.acked(voteId) >= online || published !== null,
    24 * 3600_000,
    'every ballot acknowledged',
    () => bar.update('投票 votes', rehearsal.acked(voteId), online),
    100,
  )
  bar.done()
  log('等待公布结果… / waiting for staff to close and publish the result…')
  const result = await rehearsal.publishedResult(voteId)
  report = await rehearsal.report(voteId, result)
  const backAt = await cut
  if (backAt !== null && backAt !== undefined) {
    recovery = await rehearsal.recovery(voteId, backAt, (lane) => lane === 0)
    for (const line of recoveryLines(recovery)) log(line)
  }
} finally {
  bar.done()
  await rehearsal.close()
  await proxy?.close()
}

/**
 * A third of the tablets (lane 0 of 3) out of the access point's range for `seconds`, 1 s into
 * the vote; then how long until every tablet is connected again. (A silent cut shorter than the
 * heartbeat costs no reconnect: what was held arrives once the lane is back.) Resolves with the
 * moment the lane came back (epoch ms), from which each tablet's recovery is timed.
 */
async function cutThird(p: FaultProxy, seconds: number, kind: CutKind): Promise<number> {
  const online = rehearsal.connected()
  await new Promise((resolve) => setTimeout(resolve, 1000))
  p.cut(0, kind)
  log(`三分之一平板断网 ${seconds} 秒 / a third of the tablets cut off for ${seconds} s`)
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  const back = Date.now()
  rehearsal.returnSince(back)
  p.restore(0)
  await until(
    () => rehearsal.connected() >= online,
    120_000,
    'reconnected',
    () => {},
    100,
  )
  const s = ((Date.now() - back) / 1000).toFixed(1)
  log(`网络恢复后 ${s} 秒全部平板重新连接 / every tablet connected again ${s} s after`)
  return back
}

const r = report
log(
  `确认时延 / ack latency (ms): p50 ${r.ack.p50}  p90 ${r.ack.p90}  p99 ${r.ack.p99}  max ${r.ack.max}  (${r.ack.count} ballots)`,
)
log(
  `发送 sent ${r.sent}, 确认 acknowledged ${r.acked}, 重发 resends ${r.resends}, 重连 reconnects ${r.reconnects}, 超时 timeouts ${r.timeouts}`,
)
const refused = Object.entries(r.refusals)
if (refused.length > 0) log(`被拒 / refused: ${refused.map(([c, n]) => `${c} ×${n}`).join(', ')}`)
log(`丢失 lost ${r.lost}, 重复 duplicated ${r.duplicated}`)
if (r.result) {
  const what =
    r.result.compared === 'full' ? 'whole result' : 'counts (add --token for the whole result)'
  log(
    r.result.matches
      ? `结果一致 / the host's result matches the simulator's tally (${what})`
      : `结果不一致 / MISMATCH (${what}):\n  ${r.result.differences.join('\n  ')}`,
  )
}
if (values.json) {
  const { result, ...rest } = r
  console.log(JSON.stringify({ ...rest, resultMatches: result?.matches ?? null, recovery }))
}
process.exit(r.lost === 0 && r.duplicated === 0 && r.result?.matches === true ? 0 : 1)
