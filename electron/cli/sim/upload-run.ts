import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import type { Result } from '../../../shared/protocol/envelope'
import type { ConsoleState } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { readCredentialsFile } from './credentials-file'
import { killHard, startChildHost } from './host-process'
import type { ProgressBar } from './progress-bar'
import { Rehearsal, until } from './rehearsal'
import { RssSampler } from './rss-sampler'
import type { LatencySummary } from './stats'
import { round } from './stats'

/** What the host answered one upload sent during the vote. */
export interface UploadAnswer {
  status: number
  /** Sent → answered (the whole body sent, parsed in the host's worker, preview back), ms. */
  ms: number
}

export interface UploadRun {
  uploads: number
  uploadMB: number
  ack: LatencySummary
  rssPeakMB: number | null
  answers: UploadAnswer[]
}

/**
 * 19 MB of random text with separators, the junk upload of issue 27: read as a CSV it has no
 * header, which the host says after reading it (on the event loop, before, it held every
 * acknowledgement for seconds and took the host from 80 to 883 MB).
 */
export function junkUpload(bytes: number): Buffer {
  const chars = Buffer.from('abcdefghijklmnopqrstuvwxyz,,,,\n')
  const out = Buffer.allocUnsafe(bytes)
  let x = 2463534242
  for (let i = 0; i < bytes; i += 1) {
    // xorshift32: the same bytes every run.
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = chars[(x >>> 0) % chars.length] as number
  }
  return out
}

/**
 * The host's run again, with `uploads` uploads of `uploadMB` arriving while the tablets vote:
 * the same demo meeting and vote, the k-th upload sent at 1 s + (k + ½) / uploads of the spread
 * after the vote opens, each as soon as its time comes (they are sent apart, so one parse does
 * not refuse the next). Only the acknowledgements and the memory are measured.
 */
export async function runHostWithUploads(
  options: {
    deputies: number
    spreadS: number
    processes: number
    uploads: number
    uploadMB: number
  },
  bar: ProgressBar,
): Promise<UploadRun> {
  const { deputies, spreadS, processes, uploads, uploadMB } = options
  const dataDir = await mkdtemp(join(tmpdir(), `plenary-bench-uploads-${deputies}-`))
  const staffToken = `bench-${Math.random().toString(36).slice(2)}`
  const rss = new RssSampler()
  const host = await startChildHost({ dataDir, port: 0, staffToken, demo: deputies })
  rss.watch(host.child.pid)
  const url = `http://127.0.0.1:${host.port}`
  const credentials = await readCredentialsFile(join(dataDir, 'credentials.csv'))
  const staff = io(`${url}/console`, {
    auth: { token: staffToken },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
  })
  let state: ConsoleState | null = null
  staff.on('console:state', (s: ConsoleState) => (state = s))
  const rehearsal = new Rehearsal({ url, deputies: credentials, spreadS, staffToken, processes })
  const body = junkUpload(uploadMB * 1024 * 1024)
  try {
    await until(
      () => rehearsal.connected() === deputies,
      300_000,
      'every tablet checked in',
      () => bar.update(`${deputies} check-in (uploads)`, rehearsal.connected(), deputies),
      100,
    )
    bar.done()
    await until(() => staff.connected && state !== null, 10_000, 'the console connection')
    const projects = (state as ConsoleState | null)?.projects.map((p) => p.id) ?? []
    const created = (await staff.timeout(30_000).emitWithAck('vote:create', {
      title: '负载测试（上传）',
      rules: defaultRules('select', 10),
      candidateIds: projects,
    })) as Result<{ voteId: string }>
    if (!created.ok) throw new Error(`vote:create: ${JSON.stringify(created.error)}`)
    const { voteId } = created.data
    const opened = (await staff
      .timeout(30_000)
      .emitWithAck('vote:open', { voteId })) as Result<unknown>
    if (!opened.ok) throw new Error(`vote:open: ${JSON.stringify(opened.error)}`)
    const openedAt = performance.now()
    const answers = Array.from({ length: uploads }, (_, k) => {
      const atMs = 1000 + (spreadS * 1000 * (k + 0.5)) / uploads
      return new Promise((r) => setTimeout(r, atMs - (performance.now() - openedAt))).then(() =>
        sendUpload(url, staffToken, body, `junk-${k + 1}.csv`),
      )
    })
    await until(
      () => rehearsal.acked(voteId) === deputies,
      spreadS * 1000 + 120_000,
      'every ballot acknowledged',
      () =>
        bar.update(`${deputies} voting + ${uploads} uploads`, rehearsal.acked(voteId), deputies),
      100,
    )
    bar.done()
    const answered = await Promise.all(answers)
    const report = await rehearsal.report(voteId, null)
    rss.stop()
    return {
      uploads,
      uploadMB,
      ack: report.ack,
      rssPeakMB: rss.peakMB === null ? null : round(rss.peakMB),
      answers: answered,
    }
  } finally {
    bar.done()
    rss.stop()
    await rehearsal.close()
    staff.disconnect()
    await killHard(host.child)
    await rm(dataDir, { recursive: true, force: true })
    await rm(`${dataDir}.keys`, { recursive: true, force: true })
  }
}

/**
 * One upload over node:http, the body written from the buffer as it is (fetch would copy 19 MB
 * twice in this process, which shares the machine's processors with the host and the tablets;
 * the console's browser sends a file as it reads it).
 */
function sendUpload(
  url: string,
  staffToken: string,
  body: Buffer,
  name: string,
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request(`${url}/api/import/roster?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${staffToken}`, 'Content-Length': body.length },
    })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, ms: round(performance.now() - started) }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}
