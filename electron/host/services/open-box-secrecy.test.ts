/**
 * Secret while the vote is open: someone copies the data folder (a backup or sync client, an
 * antivirus, staff with a USB stick) after every acknowledged ballot and tries to link deputies
 * to ballots, as the attack on the hosts before 2026-12 did (20 of 20 linked): from the
 * difference between consecutive copies, and from the newest slot against the older ones in a
 * single copy. The attacker reads every byte of every file, but not the key folder.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, HostHarness } from '../testing/host-harness'

let h: HostHarness
let copies: string

beforeEach(async () => {
  h = await new HostHarness().setup()
  copies = await mkdtemp(join(tmpdir(), 'plenary-copies-'))
})

afterEach(async () => {
  await h.teardown()
  await rm(copies, { recursive: true, force: true })
})

/** A copy of the data folder: each file's path (within it) and bytes. */
type Copy = Map<string, Buffer>

async function copyOf(dir: string, into: string): Promise<Copy> {
  await cp(dir, into, { recursive: true })
  const files: Copy = new Map()
  const walk = async (at: string): Promise<void> => {
    for (const name of await readdir(at)) {
      const path = join(at, name)
      if ((await stat(path)).isDirectory()) await walk(path)
      else files.set(relative(into, path), await readFile(path))
    }
  }
  await walk(into)
  return files
}

/**
 * Every ballot content an outsider can read in a file, with how often: JSON objects with
 * `marks` found anywhere in its bytes (whole-file JSON or not: a slot's regions were JSON).
 */
function readableBallots(bytes: Buffer): Map<string, number> {
  const found = new Map<string, number>()
  const text = bytes.toString('latin1')
  for (const match of text.matchAll(/\{"count":(\d+),"marks":(\{[^{}]*\})(,"spoiled":true)?\}/g)) {
    const key = `${match[2]}${match[3] ?? ''}`
    found.set(key, (found.get(key) ?? 0) + Number(match[1]))
  }
  return found
}

/** How often each deputy's id, name or credential appears in a file's bytes. */
function mentions(bytes: Buffer, deputies: { id: string; name: string; credential: string }[]) {
  const text = bytes.toString('utf8')
  return new Map(
    deputies.map((d) => [
      d.id,
      [d.id, d.name, d.credential].reduce((n, word) => n + text.split(word).length - 1, 0),
    ]),
  )
}

/** What changed between two versions of a data folder, as an outsider sees it. */
function difference(
  before: Copy,
  after: Copy,
  deputies: { id: string; name: string; credential: string }[],
) {
  const ballots = new Map<string, number>()
  const voters = new Set<string>()
  const names = new Set([...before.keys(), ...after.keys()])
  for (const name of names) {
    const a = before.get(name) ?? Buffer.alloc(0)
    const b = after.get(name) ?? Buffer.alloc(0)
    if (a.equals(b)) continue
    const was = readableBallots(a)
    for (const [key, count] of readableBallots(b)) {
      const grew = count - (was.get(key) ?? 0)
      if (grew !== 0) ballots.set(key, (ballots.get(key) ?? 0) + grew)
    }
    const mentionedBefore = mentions(a, deputies)
    for (const [id, n] of mentions(b, deputies)) if (n !== mentionedBefore.get(id)) voters.add(id)
  }
  return { ballots, voters }
}

/** A slot file's generation, from its header (which is not encrypted). */
function generationOf(bytes: Buffer): number {
  return Number(/"generation":(\d+)/.exec(bytes.toString('latin1', 0, 4096))?.[1] ?? -1)
}

describe('a copy of the data folder while a vote is open', () => {
  it('links no deputy to a ballot: 20 ballots, a copy after each acknowledgement', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 40)
    const deputies = h.host.session.meeting.data.deputies.slice(0, 20)
    const projects = h.host.session.meeting.data.projects.map((p) => p.id)
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    let previous = await copyOf(h.dataDir, join(copies, 'before'))
    const links: string[] = []
    let cast = 0
    for (const [i, tablet] of tablets.entries()) {
      // Twenty distinct ballots: any one that could be told apart would name its voter.
      const marks = Object.fromEntries(
        projects.filter((_, p) => ((i + 1) >> p) & 1).map((p) => [p, 'for' as const]),
      )
      const receipt = await call(tablet.socket, 'ballot:submit', {
        voteId,
        ballotId: `copied-ballot-${i}`,
        marks,
      })
      expect(receipt.ok).toBe(true)
      const copy = await copyOf(h.dataDir, join(copies, `after-${i}`))

      // Consecutive copies: the voter who appeared and the ballot that grew are one event.
      const { ballots, voters } = difference(previous, copy, deputies)
      if (ballots.size > 0 && voters.size > 0)
        links.push(`copies ${i - 1}→${i}: ${[...voters].join(',')} ↔ ${[...ballots.keys()]}`)
      // One copy: its newest slot against each older one is the latest write or two.
      const slots = [...copy.entries()]
        .filter(([name]) => name.includes(`${voteId}.slot-`))
        .sort(([, a], [, b]) => generationOf(b) - generationOf(a))
      expect(slots).toHaveLength(3)
      const [newest, ...older] = slots
      for (const old of older) {
        const within = difference(new Map([old]), new Map([[old[0], newest![1]]]), deputies)
        if (within.ballots.size > 0 && within.voters.size > 0)
          links.push(`copy ${i}, ${newest![0]} against ${old[0]}`)
      }
      // Nor does any single file hold a readable ballot beside a deputy while the vote is open.
      for (const [name, bytes] of copy) {
        const readable = readableBallots(bytes)
        cast += [...readable.values()].reduce((a, b) => a + b, 0)
        if (readable.size > 0 && [...mentions(bytes, deputies).values()].some((n) => n > 0))
          links.push(`copy ${i}: ${name} holds ballots and deputies`)
      }
      previous = copy
    }
    expect(links).toEqual([])
    // Not because nothing was there to see: the slots hold every ballot, under the vote's key.
    expect(cast).toBe(0)
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(20)
  })

  it('keeps the key outside the data folder, for this user only, and destroys it once sealed', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 10)
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    const [key] = await readdir(h.keyDir)
    expect(key).toMatch(/^[0-9a-f]{32}\.key$/)
    expect((await stat(join(h.keyDir, key!))).mode & 0o777).toBe(0o600)
    expect((await stat(h.keyDir)).mode & 0o777).toBe(0o700)
    // The slots name the key, which is not in the data folder.
    const slot = await readFile(join(h.meetingDir, 'ballots', `${voteId}.slot-a.json`), 'latin1')
    expect(slot).toContain(`"keyId":"${key!.slice(0, 32)}"`)
    const tablet = await h.deputy(h.host.session.meeting.data.deputies[0]!.credential)
    expect(
      (await call(tablet.socket, 'ballot:submit', { voteId, ballotId: 'sealed-away-1', marks: {} }))
        .ok,
    ).toBe(true)
    // A copy of the open box, then the close: the box sealed, the key gone for good.
    const openCopy = await copyOf(h.dataDir, join(copies, 'open'))
    expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
    await h.host.archiver.idle()
    expect(await readdir(h.keyDir)).toEqual([])
    expect([...openCopy.keys()].filter((n) => n.includes('.slot-'))).toHaveLength(3)
    const sealed = JSON.parse(
      await readFile(join(h.meetingDir, 'ballots', `${voteId}.json`), 'utf8'),
    ) as Record<string, unknown>
    expect(Object.keys(sealed).sort()).toEqual([
      'ballots',
      'received',
      'version',
      'voteId',
      'voted',
    ])
  })

  it('is refused a key folder inside the data folder', async () => {
    await h.stop()
    const { createHost } = await import('../index')
    await expect(
      createHost({
        dataDir: h.dataDir,
        keyDir: join(h.dataDir, 'keys'),
        port: 0,
        host: '127.0.0.1',
        log: () => undefined,
      }),
    ).rejects.toThrow(/must not be inside the data folder/)
    await h.start()
  })
})
