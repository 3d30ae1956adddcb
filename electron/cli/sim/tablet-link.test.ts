import { afterEach, beforeEach, expect, it } from 'vitest'
import { hostHeartbeat, tabletLink } from '../../../shared/protocol/tablet-link'
import { TABLETS_EVERY_MS } from '../../host/socket/console.handlers'
import { call, HostHarness, next } from '../../host/testing/host-harness'
import { FaultProxy } from './fault-proxy'
import { until } from './rehearsal'
import { randomSelectMarks, VirtualTablet } from './virtual-tablet'

/**
 * A tablet back as fast as the air allows (issue 31, item 5): a real host, a virtual tablet with
 * the tablet page's own connection options (shared/protocol/tablet-link.ts) through the real
 * fault proxy, whose 'lost' cut is a dead access point: nothing sent into it arrives, ever, and
 * nothing says so. Each bound is the configured timeouts that should act, plus slack for a
 * loaded machine; socket.io-client's defaults (a 20 s connect timeout, a ballot waiting 10 s and
 * then for the heartbeat, an 18 s heartbeat) fail them all.
 */

let harness: HostHarness
let proxy: FaultProxy
const tablets: VirtualTablet[] = []
beforeEach(async () => {
  harness = await new HostHarness().setup()
  proxy = await FaultProxy.start({ host: '127.0.0.1', port: harness.host.port }, 1)
})
afterEach(async () => {
  for (const t of tablets.splice(0)) t.close()
  await proxy.close()
  await harness.teardown()
})

/** Slack for handshakes and timers on a shared 2-core machine. */
const SLACK_MS = 2_000
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A hall of `n` with a 13选10 vote, and one tablet through the proxy, joined. */
async function hallWithTablet(n = 3) {
  const staff = await harness.staff()
  const voteId = await harness.demoWithVote(staff, n)
  const [deputy] = harness.host.session.meeting.data.deputies
  const tablet = new VirtualTablet({
    url: proxy.urls()[0] as string,
    credential: deputy?.credential ?? '',
    choose: (vote) => randomSelectMarks(vote),
    // It sends when the test says so (send()).
    delayMs: 3_600_000,
    resendAfterAck: true,
  })
  tablets.push(tablet)
  await until(() => tablet.state !== null, 10_000, 'the tablet joined')
  return { staff, voteId, tablet }
}

/** Closes the vote: the ballots counted, from its result. */
async function cast(staff: Awaited<ReturnType<HostHarness['staff']>>, voteId: string) {
  expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
  const vote = harness.host.session.meeting.data.votes.find((v) => v.id === voteId)
  return vote?.result?.counts.cast
}

it('a ballot sent into a dead connection is resent on a fresh one, not after 10 s', async () => {
  const { staff, voteId, tablet } = await hallWithTablet()
  expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
  await until(() => tablet.shown?.id === voteId, 10_000, 'the vote shown')
  proxy.cut(0, 'lost')
  const sentAt = Date.now()
  void tablet.send()
  // The air is back long before the ballot's wait is over: only a fresh connection carries it.
  await pause(500)
  proxy.restore(0)
  const bound = tabletLink.ballotAckMs + tabletLink.reconnectionDelayMaxMs + SLACK_MS
  await until(() => tablet.acked, bound, 'the ballot acknowledged on a fresh connection')
  expect(Date.now() - sentAt).toBeGreaterThanOrEqual(tabletLink.ballotAckMs)
  expect({ sends: tablet.sends, timeouts: tablet.timeouts, reconnects: tablet.reconnects }).toEqual(
    { sends: 2, timeouts: 1, reconnects: 1 },
  )
  // Sent twice, counted once.
  expect(await cast(staff, voteId)).toBe(1)
}, 30_000)

it('a reconnect attempt into a dead access point is abandoned, not held for 20 s', async () => {
  const { staff, voteId, tablet } = await hallWithTablet()
  expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
  await until(() => tablet.shown?.id === voteId, 10_000, 'the vote shown')
  proxy.cut(0, 'lost')
  void tablet.send()
  // The ballot's wait runs out and the tablet drops the connection; its attempts then go into
  // the dead lane. One is under way when the air comes back.
  await until(() => tablet.timeouts === 1, tabletLink.ballotAckMs + SLACK_MS, 'the wait ran out')
  await pause(tabletLink.reconnectionDelayMaxMs + 500)
  const backAt = Date.now()
  proxy.restore(0)
  // That attempt is given up after the connect timeout, the next comes within the longest wait.
  const bound = tabletLink.connectTimeoutMs + tabletLink.reconnectionDelayMaxMs + SLACK_MS
  await until(() => tablet.acked, bound, 'back and acknowledged after the air came back')
  expect(Date.now() - backAt).toBeLessThan(bound)
  expect(tablet.socket.connected).toBe(true)
  expect(await cast(staff, voteId)).toBe(1)
}, 40_000)

it('a dead access point is noticed by the tablet and by the console within the heartbeat', async () => {
  const { staff, tablet } = await hallWithTablet()
  await until(() => harness.host.session.meeting.data.deputies.some((d) => d.present), 5_000, 'in')
  const gone = new Promise<number>((resolve) =>
    tablet.socket.once('disconnect', () => resolve(Date.now())),
  )
  const counted = next<{ online: number }>(staff, 'console:tablets', (t) => t.online === 0)
  const cutAt = Date.now()
  proxy.cut(0, 'lost')
  const heartbeat = hostHeartbeat.pingIntervalMs + hostHeartbeat.pingTimeoutMs
  // Nothing else changes in the hall: the count alone reaches the console.
  const noticed = await Promise.race([gone, pause(heartbeat + SLACK_MS).then(() => null)])
  expect(noticed, 'the tablet noticed').not.toBeNull()
  const shown = await Promise.race([
    counted.then(() => Date.now()),
    pause(heartbeat + TABLETS_EVERY_MS + SLACK_MS).then(() => null),
  ])
  expect(shown, 'the console shown 0 tablets online').not.toBeNull()
  expect((shown ?? 0) - cutAt).toBeLessThan(heartbeat + TABLETS_EVERY_MS + SLACK_MS)
}, 40_000)
