import { unzipSync } from 'fflate'
import { meetingVersions } from '../store/json-files/data-versions'
import type { MeetingId, VoteId } from '../../../shared/protocol/ids'
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { ConsoleState, DeputyHallView, ScreenState } from '../../../shared/protocol/views'
import { recountArchive } from '../../cli/recount-archive'
import { hasTool, pdfText } from '../documents/pdf-inspect.fixture'
import { call, callRaw, HostHarness, next } from '../testing/host-harness'
import { skipUnless } from '../testing/skip-unless'

/**
 * Issue 29, items 13 and 14: a meeting's details (届次/会次, date, venue, presiding officer),
 * asked at creation and editable later, on the cards, the screen and the reports; and a
 * rehearsal (演练) that says so everywhere and keeps its archive apart from the real one.
 */

const details: MeetingDetails = {
  session: '青川区第十八届人民代表大会第五次会议',
  date: '2027-01-12',
  venue: '青川区人民会堂',
  presiding: '张明',
}
const poppler = hasTool('pdftotext')
const needsPoppler = 'needs pdftotext (apt-get install poppler-utils)'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

async function staffDownload(path: string): Promise<Buffer> {
  const res = await fetch(`http://127.0.0.1:${h.host.port}${path}`, {
    headers: { Authorization: `Bearer ${h.host.staffToken}` },
  })
  expect(res.status, path).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

/** The text of every cell of a workbook's first sheet (its result sheet). */
async function workbookTexts(xlsx: Buffer): Promise<string[]> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer)
  const texts: string[] = []
  workbook.worksheets[0]?.eachRow((row) => {
    row.eachCell((cell) => texts.push(String(cell.value)))
  })
  return texts
}

async function meetingFile(): Promise<{
  version: number
  meeting: { details: MeetingDetails; rehearsal: boolean }
}> {
  return JSON.parse(await readFile(join(h.meetingDir, 'meeting.json'), 'utf8')) as never
}

/** A demo of 12 in the open meeting, three tablets checked in, a 13选3 vote run and published. */
async function runVote(staff: Socket): Promise<VoteId> {
  await h.host.meetings.loadDemo(12)
  // Three of twelve: a test of the papers, not of the quorum.
  await h.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const ids = h.host.session.meeting.data.projects.map((p) => p.id)
  const created = await call(staff, 'vote:create', {
    title: '2027年度民生实事项目票决',
    rules: { kind: 'select', seats: 3 },
    candidateIds: ids,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const { voteId } = created.data
  const tablets = await Promise.all(
    h.host.session.meeting.data.deputies.slice(0, 3).map((d) => h.deputy(d.credential)),
  )
  expect(await call(staff, 'vote:open', { voteId })).toEqual({ ok: true, data: null })
  for (const [i, { socket }] of tablets.entries()) {
    const sent = await call(socket, 'ballot:submit', {
      voteId,
      ballotId: `details-${i}-ballot`,
      marks: { [ids[i]!]: 'for' },
    })
    expect(sent.ok).toBe(true)
  }
  expect(await call(staff, 'vote:close', { voteId })).toEqual({ ok: true, data: null })
  expect(await call(staff, 'vote:publish', { voteId })).toEqual({ ok: true, data: null })
  await h.host.archiver.idle()
  return voteId
}

describe('meeting details', () => {
  it('are asked at creation, stored, shown to the console and the screen, and audited', async () => {
    const staff = await h.staff()
    const created = await call(staff, 'meeting:create', {
      title: '2027年度民生实事项目票决',
      details,
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    expect(h.host.session.meetingId).toBe(created.data.meetingId)
    expect(h.host.session.meeting.data.meeting).toMatchObject({ details, rehearsal: false })
    expect((await meetingFile()).meeting).toMatchObject({ details, rehearsal: false })

    const shown = next<ScreenState>(h.connect('/screen'), 'screen:state')
    const again = h.connect('/console', { token: h.host.staffToken })
    const state = await next<ConsoleState>(again, 'console:state')
    expect(state.meeting).toMatchObject({ details, rehearsal: false })
    expect(state.meetings.find((m) => m.active)).toMatchObject({ rehearsal: false })
    expect(await shown).toMatchObject({ meetingDetails: details, rehearsal: false })
    expect(await h.auditTypes()).toEqual(
      expect.arrayContaining(['meeting.created', 'meeting.updated']),
    )
  })

  it('are edited later, for the open meeting and for another, date and all', async () => {
    const staff = await h.staff()
    const first = h.host.session.meetingId ?? ('' as MeetingId)
    const firstTitle = h.host.session.meeting.data.meeting?.title ?? ''
    const edited = await call(staff, 'meeting:update', {
      meetingId: first,
      title: firstTitle,
      details,
      rehearsal: false,
    })
    expect(edited).toEqual({ ok: true, data: null })
    expect(h.host.session.meeting.data.meeting?.details).toEqual(details)

    // Another meeting open now: the first is edited in its own folder, and lists its new title.
    expect((await call(staff, 'meeting:create', { title: '第二个会议' })).ok).toBe(true)
    const later = { ...details, date: '2027-01-13', venue: '区政务中心' }
    const other = await call(staff, 'meeting:update', {
      meetingId: first,
      title: '改名的会议',
      details: later,
      rehearsal: true,
    })
    expect(other).toEqual({ ok: true, data: null })
    expect(h.host.hall.library.find(first)).toMatchObject({ title: '改名的会议', rehearsal: true })
    const onDisk = JSON.parse(
      await readFile(join(h.host.hall.library.dirOf(first), 'meeting.json'), 'utf8'),
    ) as { meeting: unknown }
    expect(onDisk.meeting).toMatchObject({ title: '改名的会议', details: later, rehearsal: true })
    // The open meeting is untouched.
    expect(h.host.session.meeting.data.meeting).toMatchObject({
      title: '第二个会议',
      rehearsal: false,
    })
  })

  it.each([
    ['a date that is no day', { date: '2027-02-30' }, 'details.date: 会议日期应为'],
    ['a date in another form', { date: '2027年1月12日' }, 'details.date: 会议日期应为'],
    ['a session too long', { session: '届'.repeat(101) }, 'details.session: 届次会次最多 100 个字'],
    ['a venue on two lines', { venue: '人民会堂\n二楼' }, 'details.venue: 会议地点不能换行'],
    ['a presiding officer too long', { presiding: '张'.repeat(51) }, 'details.presiding'],
  ])('refuse %s, naming the field, and change nothing', async (_what, wrong, message) => {
    const staff = await h.staff()
    const meetingId = h.host.session.meetingId ?? ''
    const before = await readFile(join(h.meetingDir, 'meeting.json'), 'utf8')
    const title = h.host.session.meeting.data.meeting?.title ?? ''
    const bad = { ...details, ...wrong }
    for (const result of [
      await call(staff, 'meeting:update', { meetingId, title, details: bad, rehearsal: false }),
      await call(staff, 'meeting:create', { title: '新会议', details: bad }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      if (!result.ok) expect(result.error.detail).toContain(message)
    }
    expect(await readFile(join(h.meetingDir, 'meeting.json'), 'utf8')).toBe(before)
    expect(h.host.hall.library.meetings).toHaveLength(1)
  })

  it('refuse a field that is not one of them', async () => {
    const staff = await h.staff()
    const result = await callRaw(staff, 'meeting:create', {
      title: '新会议',
      details: { ...details, chair: '张明' },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(h.host.hall.library.meetings).toHaveLength(1)
  })

  it('are printed on the cards, the join sheet and the result report', async (ctx) => {
    skipUnless(ctx, poppler, needsPoppler)
    const staff = await h.staff()
    const meetingId = h.host.session.meetingId ?? ''
    await call(staff, 'meeting:update', {
      meetingId,
      title: '2027年度民生实事项目票决',
      details,
      rehearsal: false,
    })
    const voteId = await runVote(staff)
    // loadDemo renames the meeting and keeps its details.
    expect(h.host.session.meeting.data.meeting?.details).toEqual(details)
    const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '')
    const cards = flat(await staffDownload('/api/credentials.pdf'))
    expect(cards).toContain(details.session)
    expect(cards).toContain('2027年1月12日·青川区人民会堂')
    expect(cards).not.toContain('演练')
    const sheet = flat(await staffDownload('/api/join-sheet.pdf?wifi=hall'))
    expect(sheet).toContain(details.session)
    const report = flat(await staffDownload(`/api/archive/${voteId}/report.pdf`))
    for (const phrase of [
      details.session,
      '会议名称：青川区第三届人民代表大会第五次会议',
      '会议日期：2027年1月12日',
      '会议地点：青川区人民会堂',
      '主持人：张明',
    ])
      expect(report).toContain(phrase)
    expect(report).not.toContain('演练')
    const sheet1 = await workbookTexts(await staffDownload(`/api/archive/${voteId}/results.xlsx`))
    expect(sheet1[0]).toBe(details.session)
    for (const cell of [
      '会议日期',
      '2027年1月12日',
      '会议地点',
      '青川区人民会堂',
      '主持人',
      '张明',
    ])
      expect(sheet1).toContain(cell)
  })
})

describe('a rehearsal (演练)', () => {
  it('says so to every tablet and the screen, and its archive is kept apart', async (ctx) => {
    const staff = await h.staff()
    const created = await call(staff, 'meeting:create', {
      title: '票决演练',
      details,
      rehearsal: true,
    })
    expect(created.ok).toBe(true)
    expect(h.host.hall.library.meetings.map((m) => m.rehearsal)).toEqual([false, true])
    const screen = h.connect('/screen')
    const screenState = next<ScreenState>(screen, 'screen:state')
    expect(await screenState).toMatchObject({ rehearsal: true })

    const voteId = await runVote(staff)
    const tablet = await h.deputy(h.host.session.meeting.data.deputies[5]!.credential)
    expect(tablet.state.rehearsal).toBe(true)
    // The meeting renamed: every tablet is told, the flag with it.
    const told = next<DeputyHallView>(tablet.socket, 'deputy:hall')
    await call(staff, 'meeting:rename', {
      meetingId: h.host.session.meetingId ?? '',
      title: '演练2',
    })
    expect(await told).toMatchObject({ meetingTitle: '演练2', rehearsal: true })

    // Archived apart: nothing under archive/, the whole archive under rehearsal-archive/.
    expect(existsSync(join(h.meetingDir, 'archive'))).toBe(false)
    const dir = join(h.meetingDir, 'rehearsal-archive', voteId)
    expect(h.host.archiver.dirOf(voteId)).toBe(dir)
    expect((await readdir(dir)).sort()).toEqual([
      'announcement.docx',
      'announcement.txt',
      'audit.jsonl',
      'audit.txt',
      'ballot-box.json',
      'report.docx',
      'report.pdf',
      'resolution.docx',
      'result.json',
      'results.xlsx',
    ])
    const box = JSON.parse(await readFile(join(dir, 'ballot-box.json'), 'utf8')) as {
      rehearsal?: boolean
    }
    expect(box.rehearsal).toBe(true)
    // It still recounts: a rehearsal is a full run of the real thing.
    const recount = await recountArchive(dir)
    expect(recount.ok).toBe(true)
    expect(recount.lines).toContain(
      '· 演练：本归档为演练，不是正式表决结果 / a rehearsal: not a real result',
    )
    // 全部下载 finds it where it was written.
    const zip = unzipSync(new Uint8Array(await staffDownload('/api/archive.zip')))
    expect(Object.keys(zip).filter((name) => name.startsWith('01-')).length).toBeGreaterThan(3)

    skipUnless(ctx, poppler, needsPoppler)
    const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '')
    const report = flat(await staffDownload(`/api/archive/${voteId}/report.pdf`))
    expect(report).toContain('【演练】青川区第十八届人民代表大会第五次会议')
    expect(report).toContain('演练：本报告为会前演练的结果，不是正式表决结果')
    const sheet1 = await workbookTexts(await staffDownload(`/api/archive/${voteId}/results.xlsx`))
    expect(sheet1[0]).toBe('【演练】青川区第十八届人民代表大会第五次会议')
    expect(sheet1).toContain(
      '演练：本报告为会前演练的结果，不是正式表决结果，不得作为正式文件使用。',
    )
    const cards = flat(await staffDownload('/api/credentials.pdf'))
    expect(cards).toContain('【演练】')
    expect(cards).toContain('演练用代表证，仅供演练使用')
    expect(flat(await staffDownload('/api/join-sheet.pdf?wifi=hall'))).toContain('【演练】')
  })

  it('keeps its flag once a vote has opened, and a real meeting keeps its own', async () => {
    const staff = await h.staff()
    const meetingId = h.host.session.meetingId ?? ''
    await h.host.meetings.loadDemo(6)
    const title = h.host.session.meeting.data.meeting?.title ?? ''
    const created = await call(staff, 'vote:create', {
      title: '决议表决',
      rules: { kind: 'motion' },
      motion: { title: '关于2027年度民生实事项目的决议' },
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    // A draft agenda is no obstacle.
    const flip = { meetingId, title, details, rehearsal: true }
    expect(await call(staff, 'meeting:update', flip)).toEqual({ ok: true, data: null })
    expect(await call(staff, 'meeting:update', { ...flip, rehearsal: false })).toEqual({
      ok: true,
      data: null,
    })
    await h.deputy(h.host.session.meeting.data.deputies[0]!.credential)
    await call(staff, 'vote:open', { voteId: created.data.voteId })
    const before = await readFile(join(h.meetingDir, 'meeting.json'), 'utf8')
    const refused = await call(staff, 'meeting:update', flip)
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    if (!refused.ok) expect(refused.error.detail).toContain('rehearsal: 本会议已有表决开启过')
    expect(await readFile(join(h.meetingDir, 'meeting.json'), 'utf8')).toBe(before)
    // The details themselves may still change.
    const venue = { ...flip, rehearsal: false, details: { ...details, venue: '区政务中心' } }
    expect(await call(staff, 'meeting:update', venue)).toEqual({ ok: true, data: null })
    expect(h.host.session.meeting.data.meeting).toMatchObject({
      rehearsal: false,
      details: { venue: '区政务中心' },
    })
  })

  it('copied, becomes a real meeting with the same venue and presiding officer unless told', async () => {
    const staff = await h.staff()
    const created = await call(staff, 'meeting:create', {
      title: '票决演练',
      details,
      rehearsal: true,
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const copy = await call(staff, 'meeting:duplicate', {
      meetingId: created.data.meetingId,
      title: '2027年度民生实事项目票决',
    })
    expect(copy.ok).toBe(true)
    expect(h.host.session.meeting.data.meeting).toMatchObject({
      title: '2027年度民生实事项目票决',
      details: { ...details, date: '' },
      rehearsal: false,
    })
    const again = await call(staff, 'meeting:duplicate', {
      meetingId: created.data.meetingId,
      title: '第二次演练',
      details: { ...details, date: '2027-01-11' },
      rehearsal: true,
    })
    expect(again.ok).toBe(true)
    expect(h.host.session.meeting.data.meeting).toMatchObject({
      details: { date: '2027-01-11' },
      rehearsal: true,
    })
    expect((await meetingFile()).version).toBe(meetingVersions.current)
  })
})
