import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { AuditLog, verifyAuditLog } from './audit-log'

/** The audit log in a real file: entries asked for together are written together, chained in
 * the order asked, each resolved once its line is on disk. */

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-audit-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

it('chains entries asked for at once in the order asked, each resolved with its own line', async () => {
  const file = join(dir, 'audit.jsonl')
  const { log } = await AuditLog.open(file)
  const first = await log.append('meeting.created', { n: 0 })
  // A check-in wave: hundreds at once, while writes are on their way.
  const wave = await Promise.all(
    Array.from({ length: 200 }, (_, i) => log.append('deputy.checked-in', { n: i + 1 })),
  )
  expect(first.seq).toBe(1)
  expect(wave.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2))
  expect(wave.map((e) => e.data.n)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
  const verified = await verifyAuditLog(file)
  expect(verified.problems).toEqual([])
  expect(verified.entries).toEqual([first, ...wave])
  await log.close()

  // Opened again, the chain goes on from the last line.
  const again = await AuditLog.open(file)
  expect(again.verification.ok).toBe(true)
  const next = await again.log.append('vote.opened')
  expect(next).toMatchObject({ seq: 202, prev: wave.at(-1)?.hash })
  expect((await again.log.entries()).at(-1)).toEqual(next)
  await again.log.close()
})
