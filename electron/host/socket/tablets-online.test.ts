import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Socket } from 'socket.io-client'
import { HostHarness, next } from '../testing/host-harness'

/**
 * The console's 平板在线 follows tablets coming and going when nothing else changes (issue 31,
 * item 5: it showed 300 while 200 were connected, and 300 after all had left): the count alone,
 * to the console room, throttled; the tablets are told nothing of each other.
 */

let harness: HostHarness
beforeEach(async () => {
  harness = await new HostHarness().setup()
})
afterEach(() => harness.teardown())

it('the console is told the count when tablets leave, and the tablets are told nothing', async () => {
  const staff = await harness.staff()
  await harness.host.meetings.loadDemo(6)
  const deputies = harness.host.session.meeting.data.deputies.slice(0, 4)
  const four = next<{ online: number }>(staff, 'console:tablets', (t) => t.online === 4)
  const tablets: Socket[] = []
  for (const d of deputies) tablets.push((await harness.deputy(d.credential)).socket)
  await four

  const counts: number[] = []
  staff.on('console:tablets', ({ online }: { online: number }) => counts.push(online))
  const stayer = tablets[0] as Socket
  const heard: string[] = []
  stayer.onAny((event: string) => heard.push(event))
  const one = next<{ online: number }>(staff, 'console:tablets', (t) => t.online === 1)
  for (const t of tablets.slice(1)) t.disconnect()
  await one
  // Three leaving at once: one message, or two when the first went out before the others left.
  expect(counts.length).toBeLessThanOrEqual(2)
  expect(counts.at(-1)).toBe(1)
  expect(heard).toEqual([])

  const none = next<{ online: number }>(staff, 'console:tablets', (t) => t.online === 0)
  stayer.disconnect()
  await none
})

it('a tablet replacing another on the same card leaves the count as it was', async () => {
  const staff = await harness.staff()
  await harness.host.meetings.loadDemo(3)
  const [d] = harness.host.session.meeting.data.deputies
  const first = await harness.deputy(d?.credential ?? '')
  const replaced = next(first.socket, 'deputy:replaced')
  const counted = next<{ online: number }>(staff, 'console:tablets')
  await harness.deputy(d?.credential ?? '')
  await replaced
  // The count the console hears after the second tablet came is still one.
  expect((await counted).online).toBe(1)
})
