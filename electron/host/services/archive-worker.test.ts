import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mark } from '../../../shared/protocol/marks'
import type { ConsoleState } from '../../../shared/protocol/views'
import { call, HostHarness, next } from '../testing/host-harness'
import type { VoteId } from '../../../shared/protocol/ids'

const TITLE = '2027年度民生实事项目票决'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

/** The CommonJS packages this process has loaded (ESM ones, like pdfkit, are not listed). */
function loadedPackages(): string[] {
  const cache = createRequire(import.meta.url).cache
  return Object.keys(cache).flatMap((path) => /node_modules\/([^/]+)\//.exec(path)?.[1] ?? [])
}

/** Three deputies vote and the vote is closed. Resolves with the staff socket and the vote's id. */
async function closed(): Promise<{ staff: Socket; voteId: VoteId }> {
  const staff = await h.staff()
  const voteId = await h.demoWithVote(staff, 12)
  const deputies = h.host.session.meeting.data.deputies.slice(0, 3)
  const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
  await call(staff, 'vote:open', { voteId })
  const [first, second] = h.host.session.meeting.data.projects
  for (const [i, tablet] of tablets.entries()) {
    const marks: Record<string, Mark> =
      i === 0 ? { [first!.id]: 'for' } : { [first!.id]: 'for', [second!.id]: 'for' }
    const receipt = await call(tablet.socket, 'ballot:submit', {
      voteId,
      ballotId: `worker-test-${i}-ballot`,
      marks,
    })
    expect(receipt.ok).toBe(true)
  }
  expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
  return { staff, voteId }
}

/** As `closed`, then published. Resolves with the vote's id. */
async function closedAndPublished(): Promise<VoteId> {
  const { staff, voteId } = await closed()
  expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
  return voteId
}

/** The text of every cell of the workbook's first sheet. */
async function workbookTexts(file: string): Promise<string[]> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer)
  const texts: string[] = []
  workbook.worksheets[0]?.eachRow((row) => {
    row.eachCell((cell) => texts.push(String(cell.value)))
  })
  return texts
}

describe('the report worker', () => {
  it('writes report.pdf and results.xlsx while the host itself never loads exceljs or qrcode', async () => {
    const atRest = loadedPackages()
    for (const heavy of ['exceljs', 'iconv-lite', 'qrcode']) expect(atRest).not.toContain(heavy)

    const voteId = await closedAndPublished()
    await h.host.archiver.idle()
    // results.xlsx was rendered with exceljs: in another thread, or it would be listed here.
    expect(loadedPackages()).not.toContain('exceljs')
    expect(h.host.session.alerts).toEqual([])

    const dir = h.host.archiver.dirOf(voteId)
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const pdf = await readFile(join(dir, 'report.pdf'))
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF/)

    const texts = await workbookTexts(join(dir, 'results.xlsx'))
    expect(loadedPackages()).toContain('exceljs')
    expect(texts).toContainEqual(expect.stringMatching(new RegExp(`^${TITLE} `)))
  })

  it('publish keeps the documents the close drew, as they print nothing publishing changes', async () => {
    const { staff, voteId } = await closed()
    await h.host.archiver.idle()
    const dir = h.host.archiver.dirOf(voteId)
    // Each drawing writes a new file and renames it over the old one: a new inode.
    const files = () => Promise.all(['report.pdf', 'results.xlsx'].map((f) => stat(join(dir, f))))
    const atClose = (await files()).map((s) => s.ino)

    expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
    await h.host.archiver.idle()
    // The publish was archived (its audit entry is in the copied log), the documents untouched.
    expect(await readFile(join(dir, 'audit.jsonl'), 'utf8')).toContain('vote.published')
    expect((await files()).map((s) => s.ino)).toEqual(atClose)
    expect(h.host.session.alerts).toEqual([])
  })

  it('publish draws the documents again when what they print changed since the close', async () => {
    const { staff, voteId } = await closed()
    await h.host.archiver.idle()
    const meetingId = h.host.session.meetingId!
    expect((await call(staff, 'meeting:rename', { meetingId, title: '更名后的会议' })).ok).toBe(
      true,
    )
    expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
    await h.host.archiver.idle()
    const texts = await workbookTexts(join(h.host.archiver.dirOf(voteId), 'results.xlsx'))
    expect(texts[0]).toBe('更名后的会议')
  })

  it('a render that fails in the worker reaches the staff as archive-failed and is audited', async () => {
    // A real failure the packaged app could meet: the Chinese fonts are not where they should be.
    const noFonts = await mkdtemp(join(tmpdir(), 'plenary-no-fonts-'))
    const saved = process.env.PLENARY_FONTS_DIR
    process.env.PLENARY_FONTS_DIR = noFonts
    try {
      const staff = await h.staff()
      const alerted = next<ConsoleState>(staff, 'console:state', (s) =>
        s.alerts.some((a) => a.code === 'archive-failed'),
      )
      const voteId = await closedAndPublished()
      await h.host.archiver.idle()
      const state = await alerted
      const failed = state.alerts.filter((a) => a.code === 'archive-failed')
      expect(failed[0]).toMatchObject({ level: 'error' })
      expect(failed[0]?.detail).toContain(TITLE)
      expect(failed[0]?.detail).toContain(join(noFonts, 'NotoSansSC-GB2312-Regular.ttf'))

      const audited = (await h.host.session.audit.entries()).filter(
        (e) => e.type === 'archive.failed',
      )
      expect(audited.map((e) => e.data.moment)).toEqual(['close', 'publish'])
      expect(audited.every((e) => e.data.voteId === voteId)).toBe(true)
      // What does not need the worker is archived all the same, and no half-written file stays.
      const files = await readdir(h.host.archiver.dirOf(voteId))
      expect(files).toEqual(expect.arrayContaining(['ballot-box.json', 'result.json']))
      expect(files.filter((f) => f.startsWith('report') || f.startsWith('results.'))).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.PLENARY_FONTS_DIR
      else process.env.PLENARY_FONTS_DIR = saved
      await rm(noFonts, { recursive: true, force: true })
    }
  })
})
