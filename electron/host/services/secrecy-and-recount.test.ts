import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mark } from '../../../shared/protocol/marks'
import { recountArchive } from '../../cli/recount-archive'
import { ballotKey } from '../store/ballot-box/ballot-box.store'
import { call, HostHarness } from '../testing/host-harness'
import type { VoteId } from '../../../shared/protocol/ids'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const name of await readdir(dir)) {
    const path = join(dir, name)
    if ((await stat(path)).isDirectory()) out.push(...(await allFiles(path)))
    else out.push(path)
  }
  return out
}

/** Every object in a JSON value that carries ballot marks. */
function ballotObjects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(ballotObjects)
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    return [...('marks' in obj ? [obj] : []), ...Object.values(obj).flatMap(ballotObjects)]
  }
  return []
}

/**
 * Twelve deputies vote, each a different ballot, in the reverse of canonical order;
 * `whileOpen` runs once they have, before the vote closes.
 */
async function secretVote(
  whileOpen: (
    votingOrder: Record<string, string>[],
    voteId: VoteId,
  ) => Promise<void> = async () => {},
) {
  const staff = await h.staff()
  const voteId = await h.demoWithVote(staff, 40)
  const deputies = h.host.session.meeting.data.deputies.slice(0, 12)
  const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
  await call(staff, 'vote:open', { voteId })
  const projects = h.host.session.meeting.data.projects.map((p) => p.id)
  const ballots = deputies.map(
    (_, i) => ({ [projects[i] ?? 'P01']: 'for' }) as Record<string, Mark>,
  )
  const order = ballots
    .map((marks, i) => ({ i, key: ballotKey({ marks: marks as never }) }))
    .sort((a, b) => (a.key < b.key ? 1 : -1))
  for (const { i } of order) {
    const r = await call(tablets[i]?.socket ?? staff, 'ballot:submit', {
      voteId,
      ballotId: `secret-${i}-ballot`,
      marks: ballots[i]!,
    })
    expect(r.ok).toBe(true)
  }
  const votingOrder = order.map(({ i }) => ballots[i]!)
  await whileOpen(votingOrder, voteId)
  await call(staff, 'vote:close', { voteId })
  await call(staff, 'vote:publish', { voteId })
  await h.host.archiver.idle()
  return { voteId, deputies, votingOrder }
}

/** Checks every file of the data folder; returns how many ballots it saw in them. */
async function expectSecret(ids: string[], votingOrder: Record<string, string>[]): Promise<number> {
  let ballotsSeen = 0
  for (const file of await allFiles(h.dataDir)) {
    const text = await readFile(file, 'utf8')
    if (file.includes('.slot-')) {
      // An open box's slots: a header, then regions encrypted under the vote's key.
      expect(text, `${file} holds readable ballots`).not.toContain('"marks"')
      continue
    }
    const values = file.endsWith('.jsonl')
      ? text
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as unknown)
      : file.endsWith('.json') || file.endsWith('.prev')
        ? [JSON.parse(text) as unknown]
        : []
    for (const value of values) {
      for (const ballot of ballotObjects(value)) {
        ballotsSeen += 1
        const serialised = JSON.stringify(ballot)
        for (const id of ids)
          expect(serialised, `${file} links ${id} to a ballot`).not.toContain(id)
        expect(serialised).not.toMatch(/secret-\d+-ballot/)
        expect(Object.keys(ballot).sort()).toEqual(expect.arrayContaining(['count', 'marks']))
        expect(Object.keys(ballot).every((k) => ['count', 'marks', 'spoiled'].includes(k))).toBe(
          true,
        )
      }
      // A sealed box or an archive in canonical order.
      const box = value as { ballots?: unknown }
      const held = Array.isArray(box?.ballots)
        ? (box.ballots as { marks: Record<string, string> }[])
        : []
      const stored = held.map((b) => b.marks)
      if (stored.length === votingOrder.length) {
        expect(stored, `${file} keeps the voting order`).not.toEqual(votingOrder)
        if (Array.isArray(box?.ballots)) {
          const keys = stored.map((marks) => ballotKey({ marks: marks as never }))
          expect(keys).toEqual([...keys].sort())
        }
      }
    }
  }
  return ballotsSeen
}

describe('secrecy by construction', () => {
  it('while the vote is open, no file holds a deputy id beside ballot content, nor the voting order', async () => {
    let seenOpen = -1
    let voteId = '' as VoteId
    await secretVote(async (votingOrder, id) => {
      voteId = id
      const deputies = h.host.session.meeting.data.deputies.slice(0, 12)
      seenOpen = await expectSecret(
        deputies.flatMap((d) => [d.id, d.credential, d.name]),
        votingOrder,
      )
      const names = await readdir(join(h.meetingDir, 'ballots'))
      expect(names.filter((n) => !n.startsWith(`${id}.watermark.json`)).sort()).toEqual([
        `${id}.slot-a.json`,
        `${id}.slot-b.json`,
        `${id}.slot-c.json`,
      ])
    })
    // Every ballot is in the slots, and none can be read there (open-box-secrecy.test.ts).
    expect(seenOpen).toBe(0)
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(12)
  })

  it('no file holds a deputy id beside ballot content, nor ballots in voting order', async () => {
    const { voteId, deputies, votingOrder } = await secretVote()
    const ids = deputies.flatMap((d) => [d.id, d.credential, d.name])
    const files = await allFiles(h.dataDir)
    expect(files.map((f) => relative(h.meetingDir, f))).toEqual(
      expect.arrayContaining([
        'meeting.json',
        'audit.jsonl',
        `ballots/${voteId}.json`,
        `archive/${voteId}/ballot-box.json`,
        `archive/${voteId}/report.pdf`,
        `archive/${voteId}/results.xlsx`,
      ]),
    )
    expect(await expectSecret(ids, votingOrder)).toBeGreaterThan(0)
  })
})

describe('recount', () => {
  it('agrees with a published archive and names what a tampered one changed', async () => {
    const { voteId } = await secretVote()
    const dir = h.host.archiver.dirOf(voteId)
    const good = await recountArchive(dir)
    expect(good.lines.filter((l) => l.startsWith('✗'))).toEqual([])
    expect(good.ok).toBe(true)

    const boxFile = join(dir, 'ballot-box.json')
    const box = JSON.parse(await readFile(boxFile, 'utf8')) as { ballots: { count: number }[] }
    const first = box.ballots[0]
    if (first) first.count += 1
    box.ballots.push({ count: 1, marks: {} } as never)
    await writeFile(boxFile, JSON.stringify(box), 'utf8')
    const tampered = await recountArchive(dir)
    expect(tampered.ok).toBe(false)
    expect(tampered.lines.join('\n')).toMatch(/ballot box differs from the digest logged at close/)
    expect(tampered.lines.join('\n')).toMatch(/published result digest differs/)
  })

  it('an archive a stop cut short is written again at the next start', async () => {
    const { voteId } = await secretVote()
    const dir = h.host.archiver.dirOf(voteId)
    await rm(dir, { recursive: true })
    await h.stop()
    await h.start()
    await h.host.archiver.idle()
    const again = await recountArchive(dir)
    expect(again.lines.filter((l) => l.startsWith('✗'))).toEqual([])
    expect(again.ok).toBe(true)
    expect((await readdir(dir)).sort()).toEqual(
      expect.arrayContaining(['ballot-box.json', 'report.pdf', 'result.json', 'results.xlsx']),
    )
  })
})
