import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, HostHarness } from '../../host/testing/host-harness'
import { parseCredentialsCsv } from './credentials-file'
import { Rehearsal, until } from './rehearsal'

/** The simulator against a real in-process host: what a rehearsal in the hall would check. */
describe('rehearsal simulator', () => {
  let harness: HostHarness
  let rehearsal: Rehearsal | null = null
  beforeEach(async () => {
    harness = await new HostHarness().setup()
  })
  afterEach(async () => {
    await rehearsal?.close()
    await harness.teardown()
  })

  it.each([
    { where: 'in this process', processes: 0 },
    { where: 'in two processes of their own', processes: 2 },
  ])(
    '30 virtual tablets $where vote; nothing lost or duplicated; the result matches',
    async ({ processes }) => {
      const staff = await harness.staff()
      const voteId = await harness.demoWithVote(staff, 30)
      const url = `http://127.0.0.1:${harness.host.port}`
      // Log in with what the console exports, as staff would.
      const csv = await await fetch(`${url}/api/credentials.csv`, {
        headers: { authorization: `Bearer ${harness.host.staffToken}` },
      }).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`csv: ${r.status}`))))
      const deputies = parseCredentialsCsv(csv)
      expect(deputies).toHaveLength(30)
      rehearsal = new Rehearsal({
        url,
        deputies,
        spreadS: 0.5,
        staffToken: harness.host.staffToken,
        processes,
      })
      const r = rehearsal
      await until(() => r.connected() === 30, 10_000, 'connected')

      expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
      await until(() => r.acked(voteId) === 30, 10_000, 'acknowledged')
      expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
      expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
      const report = await r.report(voteId, await r.publishedResult(voteId))

      expect(report).toMatchObject({ sent: 30, acked: 30, lost: 0, duplicated: 0, unauthorized: 0 })
      expect(report.ack.count).toBe(30)
      expect(report.result?.compared).toBe('full')
      expect(report.result?.differences).toEqual([])
      expect(report.result?.expected.counts.cast).toBe(30)
      const { acked, sent } = await r.marks(voteId)
      expect([acked.length, sent.length]).toEqual([30, 30])
    },
  )
})
