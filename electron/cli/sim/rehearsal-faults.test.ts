import { afterEach, beforeEach, expect, it } from 'vitest'
import { call, HostHarness } from '../../host/testing/host-harness'
import { parseCredentialsCsv } from './credentials-file'
import { FaultProxy } from './fault-proxy'
import { Rehearsal, until } from './rehearsal'

/**
 * A rehearsal through a bad hall network (issue 25, item 4): 30 tablets over three lanes of the
 * fault proxy, with latency and random drops; mid-vote one lane goes silent and comes back,
 * another is reset, then the host's address goes away and comes back. Nothing acknowledged is
 * lost, nothing counted twice, every tablet is shown its state again.
 */

let harness: HostHarness
let rehearsal: Rehearsal | null = null
let proxy: FaultProxy | null = null
beforeEach(async () => {
  harness = await new HostHarness().setup()
})
afterEach(async () => {
  await rehearsal?.close()
  await proxy?.close()
  await harness.teardown()
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it('30 tablets through latency, drops, a silent lane, a reset lane and a moved address', async () => {
  const staff = await harness.staff()
  const voteId = await harness.demoWithVote(staff, 30)
  const url = `http://127.0.0.1:${harness.host.port}`
  const csv = await fetch(`${url}/api/credentials.csv`, {
    headers: { authorization: `Bearer ${harness.host.staffToken}` },
  }).then((r) => r.text())
  proxy = await FaultProxy.start({ host: '127.0.0.1', port: harness.host.port }, 3, {
    latencyMs: [50, 300],
    dropsPerMinute: 2,
  })
  const p = proxy
  rehearsal = new Rehearsal({
    url,
    tabletUrls: p.urls(),
    deputies: parseCredentialsCsv(csv),
    spreadS: 6,
    staffToken: harness.host.staffToken,
  })
  const r = rehearsal
  await until(() => r.connected() === 30, 20_000, 'connected')

  expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
  await pause(1000)
  p.cut(0, 'silent')
  await pause(4000)
  p.restore(0)
  p.cut(1, 'reset')
  await pause(1500)
  p.restore(1)
  await until(() => r.acked(voteId) === 30, 30_000, 'acknowledged')

  const away = Date.now()
  await p.goAway()
  await pause(1500)
  r.returnSince(Date.now())
  await p.comeBack()
  await until(() => r.returned().count === 30, 30_000, 'back after the address came back')
  expect(r.returned().lastAt).toBeGreaterThan(away)

  expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
  expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
  const report = await r.report(voteId, await r.publishedResult(voteId))
  expect(report).toMatchObject({ sent: 30, acked: 30, lost: 0, duplicated: 0, unauthorized: 0 })
  expect(report.result?.differences).toEqual([])
  expect(report.reconnects).toBeGreaterThan(0)
  expect(p.stats().resets).toBeGreaterThan(0)
}, 120_000)
