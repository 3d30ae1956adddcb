/**
 * Lost box files do not go unnoticed: a box found at a start holding less than the host last
 * recorded (a slot deleted, all deleted, all unreadable, or an older copy put back) raises a
 * staff alert naming the vote, in the console, the audit log and the host's output; the vote
 * cannot be closed or published until staff acknowledge it; the host starts, and every other
 * vote and meeting works.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import type { Socket as ClientSocket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultRules } from '../../../../shared/protocol/vote-rules.schema'
import type { ConsoleState } from '../../../../shared/protocol/views'
import { readCredentialsFile } from '../../../cli/sim/credentials-file'
import { killHard, startChildHost } from '../../../cli/sim/host-process'
import { call, HostHarness } from '../../testing/host-harness'
import type { Socket } from 'socket.io-client'
import { verifyAuditText } from '../json-files/audit-log'
import { readSlot, SLOT_NAMES, slotFile } from './slot-reader'
import { FileKeyVault } from './vote-keys'
import type { VoteId } from '../../../../shared/protocol/ids'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

/** An open vote with `n` acknowledged ballots, one per deputy, each its own tablet. */
async function openVoteWith(n: number, staff: Socket, voteId: VoteId, from = 0): Promise<void> {
  const deputies = h.host.session.meeting.data.deputies.slice(from, from + n)
  for (const [i, d] of deputies.entries()) {
    const tablet = await h.deputy(d.credential)
    const r = await call(tablet.socket, 'ballot:submit', {
      voteId,
      ballotId: `kept-ballot-${from + i}`,
      marks: { [`P0${1 + ((from + i) % 5)}`]: 'for' },
    })
    expect(r.ok).toBe(true)
    tablet.socket.disconnect()
  }
}

async function fiftyBallots() {
  const staff = await h.staff()
  const voteId = await h.demoWithVote(staff, 60)
  expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
  await openVoteWith(50, staff, voteId)
  return { staff, voteId }
}

const slotFiles = (voteId: VoteId) =>
  SLOT_NAMES.map((w) => slotFile(join(h.meetingDir, 'ballots'), voteId, w))

/** The slot files, newest first. */
async function byAge(voteId: VoteId): Promise<string[]> {
  const keyOf = (keyId: string) => h.host.session.keys.load(keyId)
  const files = slotFiles(voteId)
  const generations = await Promise.all(
    files.map(async (f) => {
      const read = await readSlot(f, voteId, keyOf)
      return read.kind === 'ok' ? read.generation : -1
    }),
  )
  return files
    .map((f, i) => [f, generations[i]!] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([f]) => f)
}

/** Staff are told, the log says so, and the vote waits for an acknowledgement. */
async function expectDamageReported(voteId: VoteId, detail: RegExp) {
  const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!
  expect(h.host.session.alerts).toContainEqual(
    expect.objectContaining({
      level: 'error',
      code: 'ballot-box-damaged',
      detail: expect.stringContaining(vote.title),
    }),
  )
  expect(vote.boxDamage).toMatchObject({
    detail: expect.stringMatching(detail),
    acknowledgedAt: null,
  })
  const log = verifyAuditText(await readFile(join(h.meetingDir, 'audit.jsonl'), 'utf8'))
  expect(log.entries.map((e) => e.type)).toContain('ballot-box.damaged')
  expect(h.logs.join('\n')).toMatch(new RegExp(`${vote.title}.*(票箱|ballot box)`))
}

async function expectHeldUntilAcknowledged(staff: Socket, voteId: VoteId) {
  expect(await call(staff, 'vote:close', { voteId })).toMatchObject({
    ok: false,
    error: { code: 'box-damaged' },
  })
  expect((await call(staff, 'vote:acknowledge-box', { voteId })).ok).toBe(true)
  expect(h.host.session.alerts.filter((a) => a.code === 'ballot-box-damaged')).toEqual([])
  expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
  expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
  const log = verifyAuditText(await readFile(join(h.meetingDir, 'audit.jsonl'), 'utf8'))
  expect(log.entries.map((e) => e.type)).toContain('ballot-box.acknowledged')
}

describe('a ballot box found damaged at a start', () => {
  it('kill -9 after 50 acknowledged, newest slot deleted: the restarted host tells the staff', async () => {
    // A host of its own process, so that kill -9 kills it: what a hall laptop's crash leaves.
    const dataDir = await mkdtemp(join(tmpdir(), 'plenary-killed-'))
    const staffToken = 'killed-host-token'
    const child = await startChildHost({ dataDir, port: 0, staffToken, demo: 60 })
    const url = `http://127.0.0.1:${child.port}`
    const sockets: ClientSocket[] = []
    const connect = (namespace: string, auth: Record<string, string>) => {
      const socket = io(`${url}${namespace}`, { auth, transports: ['websocket'], forceNew: true })
      sockets.push(socket)
      return socket
    }
    let voteId = '' as VoteId
    try {
      const staff = connect('/console', { token: staffToken })
      const state = await new Promise<ConsoleState>((resolve) =>
        staff.once('console:state', resolve),
      )
      await call(staff, 'meeting:set-quorum', { numerator: 0, denominator: 1 })
      const created = await call(staff, 'vote:create', {
        title: '断电测试',
        rules: defaultRules('select', 3),
        candidateIds: state.projects.slice(0, 5).map((p) => p.id),
      })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      voteId = created.data.voteId
      const credentials = await readCredentialsFile(join(dataDir, 'credentials.csv'))
      const tablets = credentials
        .slice(0, 50)
        .map((d) => connect('/deputy', { credential: d.credential }))
      await Promise.all(tablets.map((t) => new Promise((r) => t.once('deputy:state', r))))
      expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
      for (const [i, tablet] of tablets.entries()) {
        const r = await call(tablet, 'ballot:submit', {
          voteId,
          ballotId: `killed-ballot-${i}`,
          marks: { [state.projects[i % 5]!.id]: 'for' },
        })
        expect(r.ok).toBe(true)
      }
    } finally {
      for (const socket of sockets) socket.disconnect()
      await killHard(child.child)
    }
    // The harness's own host gives way to this data folder and its key folder.
    await h.stop()
    await rm(h.dataDir, { recursive: true, force: true })
    await rm(h.keyDir, { recursive: true, force: true })
    h.dataDir = dataDir
    h.keyDir = `${dataDir}.keys`
    const keys = new FileKeyVault(h.keyDir)
    const [meeting] = await readdir(join(dataDir, 'meetings'))
    const files = SLOT_NAMES.map((w) =>
      slotFile(join(dataDir, 'meetings', meeting!, 'ballots'), voteId, w),
    )
    const reads = await Promise.all(files.map((f) => readSlot(f, voteId, (id) => keys.load(id))))
    const generations = reads.map((r) => (r.kind === 'ok' ? r.generation : -1))
    await rm(files[generations.indexOf(Math.max(...generations))]!)
    await h.start()
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(49)
    await expectDamageReported(voteId, /1 slot file\(s\) missing/)
  })

  it('newest slot deleted: 49 of 50, the staff told, closing held until acknowledged', async () => {
    const { voteId } = await fiftyBallots()
    await h.stop()
    const [newest] = await byAge(voteId)
    await rm(newest!)
    await h.start()
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(49)
    await expectDamageReported(voteId, /1 slot file\(s\) missing.*last recorded 50/)
    await expectHeldUntilAcknowledged(await h.staff(), voteId)
  })

  it('every slot deleted: the box is empty, and says the host last recorded 50', async () => {
    const { voteId } = await fiftyBallots()
    await h.stop()
    for (const file of slotFiles(voteId)) await rm(file)
    await h.start()
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(0)
    await expectDamageReported(voteId, /every slot file is missing.*last recorded 50/)
    await expectHeldUntilAcknowledged(await h.staff(), voteId)
  })

  it('every slot unreadable: the host starts, the vote is held, other votes and meetings work', async () => {
    const { voteId } = await fiftyBallots()
    await h.stop()
    for (const file of slotFiles(voteId)) await writeFile(file, 'garbage')
    await h.start()
    await expectDamageReported(voteId, /could not be read/)
    const staff = await h.staff()
    // The meeting goes on: a tablet joins, the agenda takes a new vote.
    const tablet = await h.deputy(h.host.session.meeting.data.deputies[55]!.credential)
    expect(tablet.state.me.name).toBe(h.host.session.meeting.data.deputies[55]!.name)
    const added = await h.addVote(staff, defaultRules('select', 2))
    expect(added).toBeTruthy()
    await expectHeldUntilAcknowledged(staff, voteId)
    // And other meetings: one made and opened, then this one again.
    const other = await call(staff, 'meeting:create', {
      title: '另一次会议',
    })
    expect(other.ok).toBe(true)
  })

  it('an older copy of the slots put back: fewer ballots than last recorded', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 60)
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    await openVoteWith(10, staff, voteId)
    await h.stop()
    const saved = slotFiles(voteId).map((f) => `${f}.saved`)
    for (const [i, f] of slotFiles(voteId).entries()) await copyFile(f, saved[i]!)
    await h.start()
    expect(h.host.session.alerts).toEqual([])
    await openVoteWith(20, await h.staff(), voteId, 10)
    await h.stop()
    for (const [i, f] of slotFiles(voteId).entries()) await copyFile(saved[i]!, f)
    await h.start()
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(10)
    await expectDamageReported(voteId, /older than the host last recorded.*last recorded 30/)
  })

  it('is no damage after a clean restart, nor after acknowledging and a restart', async () => {
    const { staff, voteId } = await fiftyBallots()
    void staff
    await h.stop()
    await h.start()
    expect(h.host.session.alerts).toEqual([])
    expect(h.host.session.meeting.data.votes.find((v) => v.id === voteId)?.boxDamage).toBeFalsy()
    await h.stop()
    await rm((await byAge(voteId))[0]!)
    await h.start()
    expect((await call(await h.staff(), 'vote:acknowledge-box', { voteId })).ok).toBe(true)
    await h.stop()
    await h.start()
    expect(h.host.session.alerts).toEqual([])
    // Every slot file is there again, holding the 49.
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(49)
    for (const file of slotFiles(voteId)) await readFile(file)
  })
})
