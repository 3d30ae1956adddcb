import { request } from 'node:http'
import { BenchHall } from './bench-hall'
import type { ProgressBar } from './progress-bar'
import type { LatencySummary } from './stats'
import { median, round } from './stats'

/** What the host answered one upload sent during the vote. */
export interface UploadAnswer {
  status: number
  /** Sent → answered (the whole body sent, parsed in the host's worker, preview back), ms. */
  ms: number
}

/** One host's run: its acknowledgements and memory, and what it answered the uploads. */
export interface UploadHostRun {
  ack: LatencySummary
  rssPeakMB: number | null
  /** The import worker process's high-water mark (none without uploads). */
  workerRssPeakMB: number | null
  answers: UploadAnswer[]
}

/**
 * Host runs without and with uploads, taken in turn (without, with, without, with…): on a shared
 * machine the load of the moment moves a p99 more than most changes do, and pairs taken close
 * together see the same load. The ratio is of the medians.
 */
export interface UploadRun {
  uploads: number
  uploadMB: number
  without: UploadHostRun[]
  with: UploadHostRun[]
  p99Without: number
  p99With: number
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

/** `pairs` host runs without uploads and as many with them, in turn (see UploadRun). */
export async function runUploadPairs(
  options: {
    deputies: number
    spreadS: number
    processes: number
    uploads: number
    uploadMB: number
    pairs: number
  },
  bar: ProgressBar,
): Promise<UploadRun> {
  const without: UploadHostRun[] = []
  const withUploads: UploadHostRun[] = []
  for (let k = 0; k < options.pairs; k += 1) {
    without.push(await runHostWithUploads({ ...options, uploads: 0 }, bar))
    withUploads.push(await runHostWithUploads(options, bar))
  }
  return {
    uploads: options.uploads,
    uploadMB: options.uploadMB,
    without,
    with: withUploads,
    p99Without: round(median(without.map((r) => r.ack.p99))),
    p99With: round(median(withUploads.map((r) => r.ack.p99))),
  }
}

/**
 * One host's run on a new demo meeting, with `uploads` uploads of `uploadMB` arriving while the
 * tablets vote: the k-th sent at 1 s + (k + ½) / uploads of the spread after the vote opens, each
 * as soon as its time comes (they are sent apart, so one parse does not refuse the next). Only
 * the acknowledgements and the memory are measured.
 */
async function runHostWithUploads(
  options: {
    deputies: number
    spreadS: number
    processes: number
    uploads: number
    uploadMB: number
  },
  bar: ProgressBar,
): Promise<UploadHostRun> {
  const { deputies, spreadS, uploads, uploadMB } = options
  const label = uploads > 0 ? `${deputies} voting + ${uploads} uploads` : `${deputies} voting`
  const hall = await BenchHall.start({
    ...options,
    prefix: `plenary-bench-uploads-${deputies}-`,
    // The parse runs in the idle class, below the host; tablets of that class too would share
    // their processor with it on this machine, and the pairs would time the tablets, not the
    // host. At niceness 19 they still give way to the host (the same in both runs of a pair).
    tabletPriority: 'nice',
  })
  const body = junkUpload(uploadMB * 1024 * 1024)
  try {
    await hall.checkIn(bar, `${deputies} check-in (uploads run)`)
    const voteId = await hall.openVote('负载测试（上传）')
    const openedAt = performance.now()
    const answers = Array.from({ length: uploads }, (_, k) => {
      const atMs = 1000 + (spreadS * 1000 * (k + 0.5)) / uploads
      return new Promise((r) => setTimeout(r, atMs - (performance.now() - openedAt))).then(() =>
        sendUpload(hall.url, hall.staffToken, body, `junk-${k + 1}.csv`),
      )
    })
    await hall.allVoted(voteId, spreadS, bar, label)
    const answered = await Promise.all(answers)
    const report = await hall.rehearsal.report(voteId, null)
    hall.rss.stop()
    const { peakMB, childPeakMB } = hall.rss
    return {
      ack: report.ack,
      rssPeakMB: peakMB === null ? null : round(peakMB),
      workerRssPeakMB: childPeakMB === null ? null : round(childPeakMB),
      answers: answered,
    }
  } finally {
    bar.done()
    await hall.close()
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
