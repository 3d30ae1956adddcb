import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createHost } from '../../host'
import type { HostHandle } from '../../host'
import { precompressFiles } from '../../host/http/precompress'
import { arrive, noArrival } from './arrival'
import { FaultProxy } from './fault-proxy'
import { loadAsBrowser, pageWaves } from './page-load'
import { until } from './rehearsal'
import { epochNow } from './stats'
import { randomSelectMarks, VirtualTablet } from './virtual-tablet'

/**
 * A tablet arriving as at 报到 (the check-in burst): a real host serving a small build, its page
 * fetched as a browser does through the fault proxy, then the join with the card's credential.
 */

let dir = ''
let host: HostHandle
let proxy: FaultProxy
const tablets: VirtualTablet[] = []
const script = Array.from({ length: 300 }, (_, i) => `export const v${i} = "平板 ${i % 29}";`).join(
  '\n',
)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-arrival-'))
  const out = join(dir, 'out')
  await mkdir(join(out, 'tablet'), { recursive: true })
  await mkdir(join(out, 'assets'), { recursive: true })
  const files = {
    'tablet/index.html':
      '<!doctype html><link rel="stylesheet" href="/assets/tablet-AAAAAAAA.css"><script type="module" src="/assets/tablet-BBBBBBBB.js"></script>',
    'assets/tablet-BBBBBBBB.js': `import "./shared-CCCCCCCC.js";\n${script}`,
    'assets/shared-CCCCCCCC.js': script,
    'assets/tablet-AAAAAAAA.css': `@font-face{src:url(/assets/font-DDDDDDDD.woff2)}${'.x{}'.repeat(100)}`,
    'assets/font-DDDDDDDD.woff2': 'font',
  }
  for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text)
  await precompressFiles(Object.keys(files).map((name) => join(out, name)))
  host = await createHost({
    dataDir: join(dir, 'data'),
    keyDir: join(dir, 'keys'),
    port: 0,
    host: '127.0.0.1',
    staticDir: out,
    log: () => undefined,
  })
  await host.meetings.loadDemo(3)
  proxy = await FaultProxy.start({ host: '127.0.0.1', port: host.port }, 1)
})
afterEach(async () => {
  for (const t of tablets.splice(0)) t.close()
  await proxy.close()
  await host.close()
  await rm(dir, { recursive: true, force: true })
})

it('finds the page in the waves a browser fetches it in, and loads it compressed', async () => {
  const waves = await pageWaves(`http://127.0.0.1:${host.port}`)
  // Within a wave, all at once: their order does not matter.
  expect(waves.map((wave) => [...wave].sort())).toEqual([
    ['/tablet/'],
    ['/assets/tablet-AAAAAAAA.css', '/assets/tablet-BBBBBBBB.js'],
    ['/assets/font-DDDDDDDD.woff2', '/assets/shared-CCCCCCCC.js'],
  ])
  const bytes = await loadAsBrowser(proxy.urls()[0] as string, waves)
  // Headers and brotli bodies: far under the two scripts as they are.
  expect(bytes).toBeGreaterThan(0)
  expect(bytes).toBeLessThan(2 * script.length)
  expect(proxy.stats().bytes).toBeGreaterThan(bytes)
})

it('arrives at its moment, loads the page, then joins with its credential', async () => {
  const [deputy] = host.session.meeting.data.deputies
  const tablet = new VirtualTablet({
    url: proxy.urls()[0] as string,
    credential: deputy?.credential ?? '',
    choose: (vote) => randomSelectMarks(vote),
    delayMs: 0,
    resendAfterAck: true,
    joinLater: true,
  })
  tablets.push(tablet)
  const waves = await pageWaves(`http://127.0.0.1:${host.port}`)
  const record = { ...noArrival }
  const startAt = epochNow() + 200
  const arrived = arrive(
    tablet,
    proxy.urls()[0] as string,
    { startAt, overS: 0, waves },
    record,
    () => false,
  )
  expect(tablet.socket.active).toBe(false)
  await arrived
  await until(() => tablet.joinedAt !== null, 10_000, 'joined')
  expect(record.arrivedAt).toBeGreaterThanOrEqual(startAt)
  expect(record.loadedAt).toBeGreaterThanOrEqual(record.arrivedAt ?? Infinity)
  expect(tablet.joinedAt).toBeGreaterThanOrEqual(record.loadedAt ?? Infinity)
  expect(record).toMatchObject({ pageLoads: 1 })
  expect(record.pageBytes).toBeGreaterThan(0)
  expect(host.session.meeting.deputy(deputy!.id)?.present).toBe(true)
})
