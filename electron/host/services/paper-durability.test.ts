/**
 * The paper count keeps what it acknowledged and counts nothing twice across a crash, and keeps
 * the papers' content from a copy of the data folder: a host of its own process killed with -9
 * mid-batch and just after a merge, started again on the same folders; and a merge cut short
 * between the work's write and the box's is made at the next start.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { PaperBallot } from '../../../shared/protocol/paper-count.schema'
import type { ConsoleState } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { killHard, startChildHost } from '../../cli/sim/host-process'
import type { ChildHost } from '../../cli/sim/host-process'
import type { PaperWork } from '../../../shared/rules/paper-count'
import type { VoteId } from '../../../shared/protocol/ids'
import { BallotBoxStore } from '../store/ballot-box/ballot-box.store'
import { FileKeyVault } from '../store/ballot-box/vote-keys'
import { call, next } from '../testing/host-harness'
import { paperMeeting, paperView } from '../testing/paper-count.fixture'

const token = 'paper-durability-token'
const p = (id: string): PaperBallot => ({ marks: { [id]: 'for' } })

/** A console on the child host, and its state as it stands after the first push. */
async function console_(host: ChildHost, sockets: Socket[]) {
  const socket = io(`http://127.0.0.1:${host.port}/console`, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
  })
  sockets.push(socket)
  const [state, roster] = await Promise.all([
    next<ConsoleState>(socket, 'console:state'),
    next<{ id: string }[]>(socket, 'console:roster'),
  ])
  return { socket, state, roster }
}

async function ok<T>(reply: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>) {
  const r = await reply
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.data
}

describe('the paper count across a crash', () => {
  it(
    'keeps every acknowledged paper, merges a batch once, and shows a copy no paper',
    { timeout: 120_000 },
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'plenary-paper-'))
      const sockets: Socket[] = []
      let host = await startChildHost({ dataDir, port: 0, staffToken: token, demo: 8 })
      onTestFinished(async () => {
        for (const s of sockets) s.disconnect()
        await killHard(host.child)
        await rm(dataDir, { recursive: true, force: true })
        await rm(`${dataDir}.keys`, { recursive: true, force: true })
      })
      const first = await console_(host, sockets)
      let { socket: staff, state } = first
      await ok(call(staff, 'meeting:set-quorum', { numerator: 0, denominator: 1 }))
      await ok(
        call(staff, 'scrutineers:set', {
          members: [
            { role: 'scrutineer', name: '丁' },
            { role: 'teller', name: '甲' },
            { role: 'teller', name: '乙' },
          ],
        }),
      )
      const roster = first.roster
      await ok(
        call(staff, 'attendance:set', {
          deputyIds: roster.slice(0, 6).map((d) => d.id),
          state: 'present',
        }),
      )
      const { voteId } = await ok(
        call(staff, 'vote:create', {
          title: '纸质计票',
          rules: defaultRules('select', 2),
          candidateIds: state.projects.slice(0, 4).map((x) => x.id),
        }),
      )
      await ok(call(staff, 'vote:open', { voteId, paper: true }))
      await ok(call(staff, 'paper:tallies', { voteId, issued: 6, returned: 6 }))

      // Batch 1: 甲 has typed two of three (acknowledged), 乙 all three; then kill -9.
      const a = { voteId, batch: 1, slot: 1 as const, device: 'device-aaaa' }
      const b = { voteId, batch: 1, slot: 2 as const, device: 'device-bbbb' }
      await ok(
        call(staff, 'paper:begin', { voteId, batch: 1, size: 3, teller: '甲', device: a.device }),
      )
      await ok(
        call(staff, 'paper:begin', { voteId, batch: 1, size: 3, teller: '乙', device: b.device }),
      )
      const batch1 = [p('P01'), p('P02'), p('P03')]
      for (const index of [0, 1])
        await ok(call(staff, 'paper:type', { ...a, index, ballot: batch1[index]! }))
      for (const index of [0, 1, 2])
        await ok(call(staff, 'paper:type', { ...b, index, ballot: batch1[index]! }))

      // A copy of the data folder now holds the entries, but no paper's content in the clear.
      const meetingDir = join(dataDir, 'meetings', (await readdir(join(dataDir, 'meetings')))[0]!)
      const ballots = join(meetingDir, 'ballots')
      const paperFile = JSON.parse(await readFile(join(ballots, `${voteId}.paper.json`), 'utf8'))
      expect(Object.keys(paperFile).sort()).toEqual(['format', 'keyId', 'sealed', 'voteId'])
      const sealed = Buffer.from(paperFile.sealed, 'base64')
      // Whole pages, so its size does not follow each paper's marks.
      expect((sealed.length - 28) % 4096).toBe(0)
      for (const clear of ['P01', '"for"', '甲', '乙']) expect(sealed.includes(clear)).toBe(false)

      await killHard(host.child)
      host = await startChildHost({ dataDir, port: 0, staffToken: token })
      staff = (await console_(host, sockets)).socket
      const resumed = await ok(
        call(staff, 'paper:begin', { voteId, batch: 1, size: 3, teller: '甲', device: a.device }),
      )
      expect(resumed).toMatchObject({ slot: 1, ballots: batch1.slice(0, 2), finished: false })
      expect(await ok(call(staff, 'paper:entry', b))).toMatchObject({ ballots: batch1 })
      await ok(call(staff, 'paper:type', { ...a, index: 2, ballot: batch1[2]! }))
      await ok(call(staff, 'paper:finish', b))
      expect(await ok(call(staff, 'paper:finish', a))).toEqual({ outcome: 'agreed' })

      // Batch 2 merged, then kill -9 at once: the box holds it once after the start.
      const batch2 = [p('P04'), p('P04'), { marks: {}, spoiled: true } as const]
      for (const [device, teller] of [
        ['device-aaaa', '甲'],
        ['device-bbbb', '乙'],
      ] as const) {
        const { slot } = await ok(
          call(staff, 'paper:begin', { voteId, batch: 2, size: 3, teller, device }),
        )
        for (const [index, ballot] of batch2.entries())
          await ok(call(staff, 'paper:type', { voteId, batch: 2, slot, device, index, ballot }))
        await ok(call(staff, 'paper:finish', { voteId, batch: 2, slot, device }))
      }
      await killHard(host.child)
      host = await startChildHost({ dataDir, port: 0, staffToken: token })
      ;({ socket: staff, state } = await console_(host, sockets))
      const vote = state.votes.find((v) => v.id === voteId)!
      expect(vote.turnout).toEqual({ cast: 6, issued: 6 })
      expect(vote.paperCount).toMatchObject({ merged: 6, spoiled: 1, pending: 0, left: 0 })
      const again = await call(staff, 'paper:begin', {
        voteId,
        batch: 2,
        size: 3,
        teller: '甲',
        device: 'device-cccc',
      })
      expect(again).toMatchObject({ ok: false, error: { params: { reason: 'batch-merged' } } })

      const closed = next<ConsoleState>(staff, 'console:state', (s) =>
        s.votes.some((v) => v.id === voteId && v.status === 'closed'),
      )
      await ok(call(staff, 'vote:close', { voteId }))
      const result = (await closed).votes.find((v) => v.id === voteId)!
      expect(result.result?.counts).toMatchObject({ cast: 6, valid: 5, invalid: 1 })
      expect(result.paper?.summary).toMatchObject({ tablet: 0, counted: 6, spoiled: 1, batches: 2 })
      // Sealed: the paper file goes with the key; the log names batches, never a paper's marks.
      await expect.poll(async () => (await readdir(ballots)).sort()).toEqual([`${voteId}.json`])
      const audit = await readFile(join(meetingDir, 'audit.jsonl'), 'utf8')
      const paperLines = audit.split('\n').filter((l) => l.includes('"type":"paper.'))
      expect(paperLines.length).toBeGreaterThan(8)
      for (const line of paperLines) expect(line).not.toMatch(/P0\d|marks|spoiled/)
    },
  )
})

describe('a merge a crash cut short', () => {
  it('is made at the next start from the work on disk, once', async () => {
    const { h, staff, voteId } = await paperMeeting({ present: 3, tablets: 1 })
    await call(staff, 'paper:start', { voteId })
    // Both entries of batch 1 finished and agreeing on disk, the box not holding it: what a host
    // killed between the work's write and the box's leaves.
    const agreed = [p('P02'), p('P03')]
    const entry = (slot: 1 | 2, teller: string) => ({
      slot,
      teller,
      device: `device-${slot}`,
      finished: true,
      ballots: agreed,
    })
    const work: PaperWork = {
      issued: 2,
      returned: 2,
      batches: [
        {
          no: 1,
          size: 2,
          entries: [entry(1, '甲'), entry(2, '乙')],
          resolution: null,
          merged: null,
        },
      ],
    }
    await h.stop()
    const box = await BallotBoxStore.open(
      h.meetingDir,
      voteId as VoteId,
      new FileKeyVault(h.keyDir),
      true,
    )
    await box.writePaperWork(JSON.stringify(work))
    await box.close()
    await h.start()
    expect(h.host.session.loadedBox(voteId as VoteId)?.castCount).toBe(3)
    expect(paperView(h, voteId)).toMatchObject({ merged: 2, pending: 0 })
    const merged = (await h.host.session.audit.entries()).filter(
      (e) => e.type === 'paper.batch-merged',
    )
    expect(merged.map((e) => e.data)).toEqual([{ voteId, batch: 1, ballots: 2, resumed: true }])
    await h.stop()
    await h.start()
    expect(h.host.session.loadedBox(voteId as VoteId)?.castCount).toBe(3)
    expect(await call(await h.staff(), 'vote:close', { voteId })).toMatchObject({ ok: true })
  })
})
