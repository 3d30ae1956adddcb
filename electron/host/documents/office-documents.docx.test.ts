import { describe, expect, it } from 'vitest'
import { unzipSync, strFromU8 } from 'fflate'
import { buildAnnouncement } from '../../../shared/hall/announcement'
import { defaultQuorum } from '../../../shared/protocol/attendance.schema'
import { skipUnless } from '../testing/skip-unless'
import { renderAnnouncementDocx } from './announcement.docx'
import { docxText, hasSoffice, needsSoffice } from './office-inspect.fixture'
import { hasResolution, renderResolutionDocx } from './resolution.docx'
import { renderResultReportDocx } from './result-report.docx'
import type { ResultReportInput } from './report-model'
import {
  demoProjects,
  motionInput,
  perItemInput,
  ratingInput,
  selectInput,
  voidInput,
} from './report.fixture'

const details = {
  session: '青川区第十八届人民代表大会第五次会议',
  date: '2027-01-12',
  venue: '区人民会堂',
  presiding: '张明',
}
const scrutineers = [
  { role: 'chief' as const, name: '周建国', delegation: '城关代表团' },
  { role: 'scrutineer' as const, name: '李秀英', delegation: '' },
]

function job(input: ResultReportInput) {
  return {
    ...input,
    meetingDetails: details,
    rehearsal: false,
    projects: input.projects ?? [],
    scrutineers,
    quorum: defaultQuorum,
  }
}

/** The parts of a DOCX that Word would act on: no field, no hyperlink, no macro. */
function activeParts(docx: Buffer): string[] {
  const files = unzipSync(new Uint8Array(docx))
  const found: string[] = []
  for (const [name, bytes] of Object.entries(files)) {
    if (/vbaProject|\.bin$/.test(name)) found.push(name)
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue
    const xml = strFromU8(bytes)
    for (const tag of ['<w:hyperlink', '<w:fldSimple', 'HYPERLINK', 'TargetMode="External"'])
      if (xml.includes(tag)) found.push(`${name}: ${tag}`)
    // Word's own page number field in the footer is the one field allowed.
    for (const m of xml.matchAll(/<w:instrText[^>]*>([^<]*)</g))
      if (m[1]!.trim() !== 'PAGE') found.push(`${name}: field ${m[1]}`)
  }
  return found
}

const clean = (text: string) => text.replace(/\s+/g, '')

// LibreOffice starts afresh for each document it converts: seconds each on a busy machine.
describe('the office’s Word documents, as LibreOffice reads them', { timeout: 60_000 }, () => {
  it('the announcement: heading and every paragraph the chair reads', async (ctx) => {
    const j = job(selectInput())
    const a = buildAnnouncement(j)
    const docx = await renderAnnouncementDocx(a, j)
    expect(activeParts(docx)).toEqual([])
    skipUnless(ctx, hasSoffice, needsSoffice)
    const text = clean(docxText(docx))
    expect(text).toContain(clean('《2027年度民生实事项目票决》表决结果宣布稿'))
    for (const p of a.paragraphs) expect(text).toContain(clean(p))
    expect(text).toContain('须对上述3个项目另行票决')
  })

  it('the 决议 draft: session and vote in the title, adopted projects numbered with lead unit and budget, blanks for date and seal', async (ctx) => {
    const j = job(selectInput())
    const docx = await renderResolutionDocx(j)
    expect(activeParts(docx)).toEqual([])
    skipUnless(ctx, hasSoffice, needsSoffice)
    const text = docxText(docx)
    const flat = clean(text)
    expect(flat).toContain(
      '青川区第十八届人民代表大会第五次会议关于2027年度民生实事项目票决结果的决议',
    )
    expect(flat).toContain('（草稿）')
    const elected = j.result.elected
    expect(elected.length).toBe(8)
    elected.forEach((id, i) => {
      const p = demoProjects.find((x) => x.id === id)!
      expect(flat).toContain(
        clean(`${i + 1}. ${p.title}（牵头单位：${p.leadUnit}；投资额：${p.budget}万元）`),
      )
    })
    expect(flat).toContain('另有3个项目末位得票相同，剩余名额2个，须另行票决')
    // Blanks the office fills in: the date (twice) and the seal.
    expect(text.match(/ {4}年 {2}月 {2}日/g)?.length).toBe(2)
    expect(flat).toContain('（盖章）')
  })

  it('no 决议 draft for a void, annulled, motion or rating result', () => {
    expect(hasResolution(job(selectInput()))).toBe(true)
    expect(hasResolution(job(perItemInput()))).toBe(true)
    for (const make of [voidInput, motionInput, ratingInput])
      expect(hasResolution(job(make()))).toBe(false)
    const annulled = selectInput()
    annulled.vote = { ...annulled.vote, status: 'annulled', annulReason: '重复开启' }
    expect(hasResolution(job(annulled))).toBe(false)
  })

  it.for([
    ['select', selectInput, ['差额票决', '是否当选', '另行票决']],
    ['rating', ratingInput, ['满意度测评', '基本满意', '84.6%', '总体满意率']],
    ['void', voidInput, ['本次表决无效', '收回票数多于发出票数']],
  ] as const)(
    'the %s result report: the PDF’s content and the scrutineers’ names',
    async ([, make, phrases], ctx) => {
      const docx = await renderResultReportDocx(job(make()))
      expect(activeParts(docx)).toEqual([])
      skipUnless(ctx, hasSoffice, needsSoffice)
      const text = clean(docxText(docx))
      for (const phrase of [
        '计票结果报告',
        '青川区第十八届人民代表大会第五次会议',
        '应到',
        '实到',
        '有效',
        '无效',
        ...phrases,
      ])
        expect(text).toContain(clean(phrase))
      expect(text).toContain('总监票人：周建国（城关代表团）签名：')
      expect(text).toContain('监票人：李秀英签名：')
      expect(text).toContain('计票人（签名）：')
      expect(text).toContain('e3b0c44298fc1c14')
    },
  )

  it('names from imports stay text: a project called like a link or a field is printed as it is', async (ctx) => {
    const input = selectInput()
    const evil = 'HYPERLINK "http://x.test" =cmd|calc <w:t>'
    input.vote = {
      ...input.vote,
      candidates: input.vote.candidates.map((c, i) => (i === 0 ? { ...c, title: evil } : c)),
    }
    const j = job(input)
    for (const docx of [await renderResultReportDocx(j), await renderResolutionDocx(j)]) {
      expect(activeParts(docx).filter((p) => !p.includes('document.xml: HYPERLINK'))).toEqual([])
      // The words are in a text run, escaped, never a field instruction.
      const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!)
      expect(xml).toContain('HYPERLINK &quot;http://x.test&quot; =cmd|calc &lt;w:t&gt;')
      expect(xml).not.toMatch(/<w:instrText[^>]*>[^<]*HYPERLINK/)
    }
    skipUnless(ctx, hasSoffice, needsSoffice)
    expect(docxText(await renderResolutionDocx(j))).toContain(evil)
  })
})
