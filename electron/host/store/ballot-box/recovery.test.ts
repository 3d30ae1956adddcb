import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, HostHarness } from '../../testing/host-harness'
import { readSlot, SLOT_NAMES, slotFile } from './slot-reader'
import { verifyAuditText } from '../json-files/audit-log'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

async function votedSession() {
  const staff = await h.staff()
  const voteId = await h.demoWithVote(staff, 30)
  const deputies = h.host.session.meeting.data.deputies.slice(0, 5)
  const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
  await call(staff, 'vote:open', { voteId })
  for (const [i, t] of tablets.entries()) {
    const r = await call(t.socket, 'ballot:submit', {
      voteId,
      ballotId: `ballot-${i}-xyzxyz`,
      marks: { P01: 'for' },
    })
    expect(r.ok).toBe(true)
  }
  return { staff, voteId }
}

describe('recovery at start', () => {
  it('sets a corrupted meeting.json aside, uses the last good copy and tells the staff', async () => {
    const { voteId } = await votedSession()
    await h.stop()
    await writeFile(
      join(h.meetingDir, 'meeting.json'),
      '{"version":1,"deputies":[{"garbage',
      'utf8',
    )
    await h.start()
    // The last good copy: the vote is still there and open (the check-ins after it may be lost).
    expect(h.host.session.meeting.data.votes.map((v) => v.id)).toEqual([voteId])
    expect(h.host.session.alerts).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'data-recovered',
        detail: expect.stringContaining('not valid JSON'),
      }),
    ])
    const files = await readdir(h.meetingDir)
    expect(files.some((f) => f.startsWith('meeting.json.corrupt-'))).toBe(true)
    const log = verifyAuditText(await readFile(join(h.meetingDir, 'audit.jsonl'), 'utf8'))
    expect(log.entries.at(-1)?.type).toBe('data.recovered')
  })

  it('recovers a truncated ballot box from its next newest slot', async () => {
    const { voteId } = await votedSession()
    await h.stop()
    const files = SLOT_NAMES.map((w) => slotFile(join(h.meetingDir, 'ballots'), voteId, w))
    const generations = await Promise.all(
      files.map(async (file) => {
        const read = await readSlot(file, voteId, (keyId) => h.host.session.keys.load(keyId))
        return read.kind === 'ok' ? read.generation : -1
      }),
    )
    const file = files[generations.indexOf(Math.max(...generations))]!
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.slice(0, text.length / 2), 'utf8')
    await h.start()
    // The next newest slot holds all but the last acknowledged write. A write the host was
    // killed in would not have been acknowledged; this one was (the watermark says so), so the
    // staff are told the box lost a ballot (box-damage.test.ts).
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(4)
    expect(h.host.session.alerts.map((a) => a.code)).toEqual([
      'data-recovered',
      'ballot-box-damaged',
    ])
  })

  it('refuses to start on a sealed ballot box that does not add up, rather than trust it', async () => {
    const { staff, voteId } = await votedSession()
    await call(staff, 'vote:close', { voteId })
    await h.host.archiver.idle()
    await h.stop()
    const file = join(h.meetingDir, 'ballots', `${voteId}.json`)
    const data = JSON.parse(await readFile(file, 'utf8')) as { ballots: { count: number }[] }
    const first = data.ballots[0]
    if (first) first.count += 7
    await writeFile(file, JSON.stringify(data), 'utf8')
    await writeFile(`${file}.prev`, '', 'utf8')
    await expect(h.start()).rejects.toThrow(/12 ballots but 5 voters.*no good previous copy/)
  })

  it('reports a tampered audit log at start, naming the line', async () => {
    await votedSession()
    await h.stop()
    const file = join(h.meetingDir, 'audit.jsonl')
    const lines = (await readFile(file, 'utf8')).trim().split('\n')
    const at = lines.findIndex((l) => l.includes('"deputies":30'))
    expect(at).toBeGreaterThanOrEqual(0)
    lines[at] = (lines[at] ?? '').replace('"deputies":30', '"deputies":31')
    await writeFile(file, lines.join('\n') + '\n', 'utf8')
    await h.start()
    expect(h.host.session.alerts).toEqual([
      expect.objectContaining({
        code: 'audit-chain-broken',
        detail: expect.stringMatching(/line \d+: hash does not match/),
      }),
    ])
  })
})
