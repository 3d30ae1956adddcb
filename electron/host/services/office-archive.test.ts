import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VoteId } from '../../../shared/protocol/ids'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { docxText, hasSoffice, needsSoffice } from '../documents/office-inspect.fixture'
import { hasTool, pdfText } from '../documents/pdf-inspect.fixture'
import { call, HostHarness } from '../testing/host-harness'
import { skipUnless } from '../testing/skip-unless'

/**
 * What the office prints, signs and reads (issue 24, items 1–3) as a vote's archive holds it:
 * the scrutineers' names on the report's signature lines, the chair's announcement as text and
 * as Word, the 决议 draft and the report as Word, downloadable by the vote's name.
 */
let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
  await h.host.meetings.loadDemo(10)
})

afterEach(async () => {
  await h.teardown()
})

const scrutineers = [
  { role: 'chief', name: '周建国', delegation: '城关代表团' },
  { role: 'scrutineer', name: '李秀英', delegation: '' },
  { role: 'teller', name: '陈静', delegation: '' },
] as const

/** Scrutineers approved; a 4选2 among three tablets; closed and published. */
async function publishedVote(): Promise<{ voteId: VoteId; dir: string }> {
  const staff = await h.staff()
  expect((await call(staff, 'scrutineers:set', { members: [...scrutineers] })).ok).toBe(true)
  expect((await call(staff, 'scrutineers:approve', {})).ok).toBe(true)
  const voteId = await h.addVote(staff, defaultRules('select', 2))
  const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!
  const [a, b] = vote.candidates.map((c) => c.id)
  const deputies = h.host.session.meeting.data.deputies.slice(0, 3)
  const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
  expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
  for (const [i, t] of tablets.entries()) {
    const marks = i < 2 ? { [a!]: 'for' as const, [b!]: 'for' as const } : { [a!]: 'for' as const }
    expect(
      (await call(t.socket, 'ballot:submit', { voteId, ballotId: `office-${i}-ballot`, marks })).ok,
    ).toBe(true)
  }
  expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
  expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
  await h.host.archiver.idle()
  return { voteId, dir: h.host.archiver.dirOf(voteId) }
}

async function get(path: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${h.host.port}${path}?token=${h.host.staffToken}`)
}

// Each test draws a vote's documents in the report worker two or three times over (close,
// publish, annul) and may read them through LibreOffice: seconds each on a busy 2-core machine.
describe('a published vote’s archive', { timeout: 60_000 }, () => {
  it('holds the chair’s announcement as text, read in the hall’s words', async () => {
    const { dir } = await publishedVote()
    const text = await readFile(join(dir, 'announcement.txt'), 'utf8')
    expect(text.startsWith('\uFEFF《测试表决》表决结果宣布稿')).toBe(true)
    // 10 on the roster, 3 present: the harness's meeting needs no quorum.
    expect(text).toContain('本次会议应到代表10人，实到代表3人。')
    expect(text).toContain('本次表决发出选票3张，收回选票3张，其中有效票3张，无效票0张。')
    expect(text).toContain('未达到通过票数（6票），未当选；')
    expect(text).toContain('本次票决没有项目当选。')
    expect(text).toContain('宣布完毕。')
  })

  it('prints the approved scrutineers on the report’s signature lines, PDF and Word', async (ctx) => {
    const { dir } = await publishedVote()
    for (const name of ['report.docx', 'announcement.docx', 'resolution.docx'])
      expect(existsSync(join(dir, name)), name).toBe(true)
    skipUnless(ctx, hasTool('pdftotext'), 'needs pdftotext (apt-get install poppler-utils)')
    const pdf = pdfText(await readFile(join(dir, 'report.pdf'))).replace(/\s+/g, '')
    for (const name of ['周建国（城关代表团）', '李秀英', '陈静']) expect(pdf).toContain(name)
    skipUnless(ctx, hasSoffice, needsSoffice)
    const docx = docxText(await readFile(join(dir, 'report.docx'))).replace(/\s+/g, '')
    expect(docx).toContain('总监票人：周建国（城关代表团）签名：')
    expect(docx).toContain('计票人：陈静签名：')
  })

  it('is downloaded by the vote’s name, Word documents included', async () => {
    const { voteId } = await publishedVote()
    const res = await get(`/api/archive/${voteId}/announcement.docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
      '测试表决-宣布稿.docx',
    )
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    expect((await get(`/api/archive/${voteId}/resolution.docx`)).status).toBe(200)
    expect((await get(`/api/archive/${voteId}/macro.docm`)).status).toBe(404)
  })

  it('of a vote annulled after publication: the announcement says so, and the 决议 draft is gone', async () => {
    const { voteId, dir } = await publishedVote()
    const staff = await h.staff()
    expect(existsSync(join(dir, 'resolution.docx'))).toBe(true)
    expect((await call(staff, 'vote:annul', { voteId, reason: '表决器故障，重新表决' })).ok).toBe(
      true,
    )
    await h.host.archiver.idle()
    const text = await readFile(join(dir, 'announcement.txt'), 'utf8')
    expect(text).toContain('本次表决已宣布无效，不产生表决结果。理由：表决器故障，重新表决。')
    expect(text).not.toContain('得票')
    expect(existsSync(join(dir, 'resolution.docx'))).toBe(false)
  })
})

describe('a vote’s paper ballot', () => {
  it('is downloaded from the agenda by the vote’s name, before the vote opens; an unknown id is 404', async (ctx) => {
    const staff = await h.staff()
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const res = await get(`/api/paper-ballot/${voteId}.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
      '测试表决-纸质选票.pdf',
    )
    const pdf = Buffer.from(await res.arrayBuffer())
    for (const id of ['nope', '__proto__', 'constructor'])
      expect((await get(`/api/paper-ballot/${id}.pdf`)).status).toBe(404)
    expect(
      (await fetch(`http://127.0.0.1:${h.host.port}/api/paper-ballot/${voteId}.pdf`)).status,
    ).toBe(401)
    skipUnless(ctx, hasTool('pdftotext'), 'needs pdftotext (apt-get install poppler-utils)')
    const text = pdfText(pdf).replace(/\s+/g, '')
    expect(text).toContain('4选2：最多选2项')
    for (const c of h.host.session.meeting.data.votes[0]!.candidates)
      expect(text).toContain(c.title)
  })
})

describe('the Word documents', { timeout: 60_000 }, () => {
  it('are drawn at publication, not at close; a host stopped before them draws only them at start', async () => {
    const staff = await h.staff()
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const tablet = await h.deputy(h.host.session.meeting.data.deputies[0]!.credential)
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    expect(
      (
        await call(tablet.socket, 'ballot:submit', {
          voteId,
          ballotId: 'office-only-ballot',
          marks: {},
        })
      ).ok,
    ).toBe(true)
    expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
    await h.host.archiver.idle()
    const dir = h.host.archiver.dirOf(voteId)
    expect(existsSync(join(dir, 'report.pdf'))).toBe(true)
    expect(existsSync(join(dir, 'announcement.docx'))).toBe(false)
    expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
    await h.host.archiver.idle()
    expect(existsSync(join(dir, 'announcement.docx'))).toBe(true)

    // As a release before them, or a stop mid-drawing, left it: the rest is kept as it was.
    for (const name of ['announcement.docx', 'report.docx', 'resolution.docx'])
      await rm(join(dir, name))
    const kept = await Promise.all(['audit.jsonl', 'report.pdf'].map((n) => readFile(join(dir, n))))
    await h.stop()
    await h.start()
    await h.host.archiver.idle()
    for (const name of ['announcement.docx', 'report.docx', 'resolution.docx'])
      expect(existsSync(join(dir, name)), name).toBe(true)
    const now = await Promise.all(['audit.jsonl', 'report.pdf'].map((n) => readFile(join(dir, n))))
    expect(now[0]!.equals(kept[0]!)).toBe(true)
    expect(now[1]!.equals(kept[1]!)).toBe(true)
  })
})
