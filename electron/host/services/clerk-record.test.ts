import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditSentence } from '../../../shared/i18n/audit-sentence'
import type { Mark } from '../../../shared/protocol/marks'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { recountArchive } from '../../cli/recount-archive'
import { hasTool, pdfText } from '../documents/pdf-inspect.fixture'
import { call, HostHarness } from '../testing/host-harness'
import { skipUnless } from '../testing/skip-unless'

/**
 * The clerk's record (issue 29, item 12): the audit log in sentences, archive downloads named
 * by the meeting and the vote, the whole meeting as one zip, an annulled vote archived with its
 * reason. A real host, real clients, a real data folder.
 */
let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

const title = '2027年度民生实事项目票决'

/** Three deputies check in on tablets; two vote there, one on paper; closed and published. */
async function runVote(voteTitle = title) {
  const staff = await h.staff()
  await h.host.meetings.loadDemo(40)
  const projects = h.host.session.meeting.data.projects.map((p) => p.id)
  const created = await call(staff, 'vote:create', {
    title: voteTitle,
    rules: defaultRules('select', 10),
    candidateIds: projects,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const voteId = created.data.voteId
  const deputies = h.host.session.meeting.data.deputies.slice(0, 3)
  const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
  expect(await call(staff, 'vote:open', { voteId })).toMatchObject({ ok: true })
  for (const [i, tablet] of tablets.slice(0, 2).entries()) {
    const marks: Record<string, Mark> = { [projects[i]!]: 'for' }
    const sent = await call(tablet.socket, 'ballot:submit', {
      voteId,
      ballotId: `clerk-ballot-${i}`,
      marks,
    })
    expect(sent.ok).toBe(true)
  }
  const paper = await call(staff, 'vote:paper', {
    voteId,
    deputyId: deputies[2]!.id,
    marks: { [projects[5]!]: 'for' },
    spoiled: false,
  })
  expect(paper).toMatchObject({ ok: true })
  expect(await call(staff, 'vote:close', { voteId })).toMatchObject({ ok: true })
  expect(await call(staff, 'vote:publish', { voteId })).toMatchObject({ ok: true })
  await h.host.archiver.idle()
  return { staff, voteId, deputies }
}

async function get(path: string): Promise<Response> {
  const sep = path.includes('?') ? '&' : '?'
  return fetch(`http://127.0.0.1:${h.host.port}${path}${sep}token=${h.host.staffToken}`)
}

/** The name a browser saves a download under: RFC 5987's filename*, decoded. */
function savedName(res: Response): string {
  const header = res.headers.get('content-disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1]
  if (!star) throw new Error(`no filename*: ${header}`)
  // RFC 5987 leaves none of these unencoded.
  expect(star).not.toMatch(/['()*\s]/)
  return decodeURIComponent(star)
}

describe('the audit log in sentences', () => {
  it('reads each step as a sentence, and none names the deputy of a paper ballot or a ballot', async () => {
    const { staff, voteId, deputies } = await runVote()
    const listed = await call(staff, 'audit:list', { limit: 1000 })
    if (!listed.ok) throw new Error('audit:list')
    const texts = listed.data.map((e) => e.text)
    expect(texts).toContain(`会务人员开启表决《${title}》，发出 3 张（应到 40 人，实到 3 人）`)
    expect(texts).toContain(`会务人员结束表决《${title}》：收回 3 张，有效 3 张，无效 0 张`)
    expect(texts).toContain(`会务人员公布表决《${title}》的结果`)
    expect(texts).toContain(`会务人员为一位平板故障的代表录入纸质选票（表决《${title}》）`)
    expect(texts).toContain(`代表 ${deputies[0]!.name} 在平板上报到`)
    expect(texts).toContain(`会务人员新建表决《${title}》（差额票决）`)
    // Newest first, as the console lists it, each with its raw data beside.
    const seqs = listed.data.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
    expect(listed.data.find((e) => e.type === 'vote.opened')?.data).toMatchObject({ voteId })

    // Nothing of a vote's lines names a deputy; no line holds a ballot's id or a mark.
    const names = h.host.session.meeting.data.deputies.flatMap((d) => [d.name, d.id])
    for (const e of listed.data) {
      expect(e.text).not.toMatch(/clerk-ballot|"for"|赞成/)
      if (e.type.startsWith('vote.'))
        for (const name of names) expect(e.text.includes(name), e.text).toBe(false)
    }

    const english = await call(staff, 'audit:list', { limit: 1000, lang: 'en' })
    if (!english.ok) throw new Error('audit:list en')
    expect(english.data.map((e) => e.text)).toContain(
      `Staff opened the vote “${title}”, 3 ballots issued (roster 40, present 3)`,
    )
    const bad = await call(staff, 'audit:list', { lang: 'fr' as never })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } })

    // The archive keeps the same sentences, with the date and time in China Standard Time.
    const text = await readFile(join(h.meetingDir, 'archive', voteId, 'audit.txt'), 'utf8')
    expect(text).toMatch(
      new RegExp(
        `\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  会务人员开启表决《${title}》，发出 3 张`,
      ),
    )
  })
})

describe('every entry the host writes', () => {
  it('has a sentence of its own', async () => {
    const root = join(import.meta.dirname, '..')
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('fixtures'),
    )
    const types = new Set<string>()
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8')
      // audit.append('type', …), the preparation service's #change('type', …), and the
      // attendance states' map to their types.
      for (const m of text.matchAll(/(?:audit\.append|#change(?:Agenda)?)\(\s*'([a-z.-]+)'/g))
        types.add(m[1]!)
      for (const m of text.matchAll(/^\s+\w+: '(deputy\.[a-z-]+)',$/gm)) types.add(m[1]!)
    }
    expect(types.size).toBeGreaterThan(30)
    expect(types).toContain('deputy.checked-in')
    const names = { vote: () => undefined, deputy: () => undefined }
    const unread = [...types].filter((type) =>
      auditSentence({ type, data: {} }, names, 'zh-CN').startsWith('记录“'),
    )
    expect(unread).toEqual([])
  })
})

describe('archive downloads', () => {
  it('are named by the vote title, in UTF-8 with an ASCII fallback', async () => {
    const odd = `${title}(试行)/第一轮`
    const { voteId } = await runVote(odd)
    const res = await get(`/api/archive/${voteId}/report.pdf`)
    expect(res.status).toBe(200)
    expect(savedName(res)).toBe(`${title}(试行)_第一轮-计票结果报告.pdf`)
    expect(res.headers.get('content-disposition')).toContain(`filename="${voteId}-report.pdf"`)
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    const text = await get(`/api/archive/${voteId}/audit.txt`)
    expect(savedName(text)).toBe(`${title}(试行)_第一轮-审计日志.txt`)
    expect(await text.text()).toContain('会务人员开启表决')
    // Only the archive's own files: nothing else in the folder, no other name.
    expect((await get(`/api/archive/${voteId}/meeting.json`)).status).toBe(404)
    expect((await get(`/api/archive/${voteId}/..%2f..%2fmeeting.json`)).status).toBe(404)
  })

  it('全部下载 streams the meeting as a zip whose files are listed, readable and recount', async () => {
    const { voteId } = await runVote()
    const res = await get('/api/archive.zip')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-length')).toBeNull()
    const meeting = h.host.session.meeting.data.meeting?.title ?? ''
    expect(savedName(res)).toBe(`${meeting}-归档.zip`)
    const zip = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const folder = `01-${title}`
    expect(Object.keys(zip).sort()).toEqual(
      [
        `${folder}/${title}-计票结果报告.pdf`,
        `${folder}/${title}-计票结果.xlsx`,
        `${folder}/${title}-票箱.json`,
        `${folder}/${title}-计票结果.json`,
        `${folder}/${title}-审计日志.jsonl`,
        `${folder}/${title}-审计日志.txt`,
        `${folder}/${title}-宣布稿.txt`,
        `${folder}/${title}-宣布稿.docx`,
        `${folder}/${title}-计票结果报告.docx`,
        `${folder}/${title}-决议草稿.docx`,
        '审计日志.txt',
        '审计日志.jsonl',
      ].sort(),
    )
    const file = (name: string) => Buffer.from(zip[name]!)
    expect(file(`${folder}/${title}-计票结果报告.pdf`).subarray(0, 5).toString()).toBe('%PDF-')
    expect(file(`${folder}/${title}-计票结果.xlsx`).subarray(0, 2).toString()).toBe('PK')
    expect(file(`${folder}/${title}-宣布稿.docx`).subarray(0, 2).toString()).toBe('PK')
    expect(file(`${folder}/${title}-宣布稿.txt`).toString('utf8')).toContain('各位代表：')
    const onDisk = await readFile(join(h.meetingDir, 'archive', voteId, 'ballot-box.json'))
    expect(file(`${folder}/${title}-票箱.json`).equals(onDisk)).toBe(true)
    expect(file('审计日志.txt').toString('utf8')).toContain(`会务人员公布表决《${title}》的结果`)

    // The folder from the zip is what `recount` checks, as it is.
    const out = await mkdtemp(join(tmpdir(), 'plenary-zip-'))
    try {
      for (const [name, bytes] of Object.entries(zip)) {
        await mkdir(dirname(join(out, name)), { recursive: true })
        await writeFile(join(out, name), bytes)
      }
      const report = await recountArchive(join(out, folder))
      expect(report.lines.join('\n')).toContain('结论：全部一致')
      expect(report.ok).toBe(true)
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  it('a download dropped halfway costs the host nothing: the next one is whole', async () => {
    await runVote()
    const ctrl = new AbortController()
    const res = await fetch(
      `http://127.0.0.1:${h.host.port}/api/archive.zip?token=${h.host.staffToken}`,
      { signal: ctrl.signal },
    )
    const reader = res.body!.getReader()
    await reader.read()
    ctrl.abort()
    await reader.read().catch(() => undefined)
    const again = await get('/api/archive.zip')
    expect(Object.keys(unzipSync(new Uint8Array(await again.arrayBuffer())))).toHaveLength(12)
  })

  it('refuses the zip without the staff token', async () => {
    const res = await fetch(`http://127.0.0.1:${h.host.port}/api/archive.zip`)
    expect(res.status).toBe(401)
  })
})

describe('an annulled vote', () => {
  it('is archived with its reason when annulled while open, and recounts', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 20)
    const deputies = h.host.session.meeting.data.deputies.slice(0, 2)
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    expect(await call(staff, 'vote:open', { voteId })).toMatchObject({ ok: true })
    const projects = h.host.session.meeting.data.projects.map((p) => p.id)
    for (const [i, tablet] of tablets.entries()) {
      const sent = await call(tablet.socket, 'ballot:submit', {
        voteId,
        ballotId: `annul-ballot-${i}`,
        marks: { [projects[i]!]: 'for' },
      })
      expect(sent, JSON.stringify(sent)).toMatchObject({ ok: true })
    }
    const reason = '会场网络故障，部分代表未能投票'
    expect(await call(staff, 'vote:annul', { voteId, reason })).toMatchObject({ ok: true })
    await h.host.archiver.idle()
    const dir = join(h.meetingDir, 'archive', voteId)
    const box = JSON.parse(await readFile(join(dir, 'ballot-box.json'), 'utf8')) as {
      annulled?: { reason: string }
      ballots: unknown[]
    }
    expect(box.annulled).toEqual({ reason })
    expect(box.ballots).toHaveLength(2)
    expect(await readFile(join(dir, 'audit.txt'), 'utf8')).toContain(
      `会务人员宣布表决《${title}》无效，理由：${reason}`,
    )
    const report = await recountArchive(dir)
    expect(report.ok, report.lines.join('\n')).toBe(true)
    expect(report.lines.join('\n')).toContain(`该表决已宣布无效，不产生表决结果；理由：${reason}`)
    // It never had a result: the console shows none, and no result report is drawn.
    expect(h.host.session.meeting.data.votes.find((v) => v.id === voteId)?.result).toBeNull()
    expect(existsSync(join(dir, 'report.pdf'))).toBe(false)
  })

  it('annulled after publishing, its archive is written again with the reason', async (ctx) => {
    const { staff, voteId } = await runVote()
    const before = await readFile(join(h.meetingDir, 'archive', voteId, 'ballot-box.json'), 'utf8')
    expect(JSON.parse(before)).not.toHaveProperty('annulled')
    const reason = '计票规则设置有误'
    expect(await call(staff, 'vote:annul', { voteId, reason })).toMatchObject({ ok: true })
    await h.host.archiver.idle()
    const dir = join(h.meetingDir, 'archive', voteId)
    const box = JSON.parse(await readFile(join(dir, 'ballot-box.json'), 'utf8')) as object
    expect(box).toMatchObject({ annulled: { reason } })
    const report = await recountArchive(dir)
    expect(report.ok, report.lines.join('\n')).toBe(true)
    const zip = unzipSync(new Uint8Array(await (await get('/api/archive.zip')).arrayBuffer()))
    expect(Object.keys(zip)).toContain(`01-${title}/${title}-计票结果报告.pdf`)

    skipUnless(ctx, hasTool('pdftotext'), 'pdftotext (poppler-utils) reads the report back')
    const pdf = pdfText(await readFile(join(dir, 'report.pdf'))).replace(/\s+/g, '')
    expect(pdf).toContain(`本次表决已宣布无效，不产生表决结果。理由：${reason}`)
  })
})
