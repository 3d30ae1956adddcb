import { describe, expect, it } from 'vitest'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import type { ProjectId } from '../../../shared/protocol/ids'
import { skipUnless } from '../testing/skip-unless'
import { hasTool, pageCount, pdfText } from './pdf-inspect.fixture'
import type { PaperBallotInput } from './paper-ballot.pdf'
import { renderPaperBallotPdf } from './paper-ballot.pdf'
import { demoProjects } from './report.fixture'

const poppler = hasTool('pdftotext')
const needsPoppler = 'needs pdftotext (apt-get install poppler-utils)'
const at = new Date('2027-01-10T02:00:00Z')
const candidates = demoProjects.map((p) => ({ id: p.id, title: p.title }))
const leadUnits = new Map(demoProjects.map((p) => [p.id as string, p.leadUnit]))

function input(vote: PaperBallotInput['vote'], extra: Partial<PaperBallotInput> = {}) {
  return {
    meetingTitle: '青川区第十八届人民代表大会第五次会议',
    vote,
    leadUnits,
    generatedAt: at,
    ...extra,
  }
}

const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '')

describe('the paper ballot', () => {
  it.for([
    [
      '差额',
      { title: '2027年度民生实事项目票决', rules: defaultRules('select', 10), candidates },
      ['选票', '13选10：最多选10项', '所划超过10项的，本票无效', '赞成'],
      ['反对', '弃权', '满意'],
    ],
    [
      '逐项',
      {
        title: '逐项表决',
        rules: { ...defaultRules('per-item', 3), maxFor: 3 },
        candidates: candidates.slice(0, 5),
      },
      ['表决票', '赞成', '反对', '弃权', '赞成的项目最多3项'],
      ['满意', '最多选'],
    ],
    [
      '满意度',
      {
        title: '2026年度民生实事项目满意度测评',
        rules: defaultRules('rating'),
        candidates: candidates.slice(0, 4),
      },
      ['测评票', '满意', '基本满意', '不满意', '弃权'],
      ['赞成', '最多选'],
    ],
  ] as const)(
    '%s: laid out for its kind and rules, each item in ballot order',
    async ([, vote, has, hasNot], ctx) => {
      const pdf = await renderPaperBallotPdf(input({ ...vote, motion: null }))
      skipUnless(ctx, poppler, needsPoppler)
      const text = flat(pdf)
      for (const phrase of [
        vote.title,
        '青川区第十八届人民代表大会第五次会议',
        '本票为无记名投票',
        ...has,
      ])
        expect(text).toContain(phrase.replace(/\s+/g, ''))
      for (const phrase of hasNot) expect(text).not.toContain(phrase)
      const positions = vote.candidates.map((c) => text.indexOf(c.title.replace(/\s+/g, '')))
      expect(positions.every((p) => p > 0)).toBe(true)
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
      expect(text).toContain(leadUnits.get(vote.candidates[0]!.id)!)
    },
  )

  it('决议: the motion’s text, its 文号, and 赞成/反对/弃权', async (ctx) => {
    const motion = {
      title: '关于2027年度民生实事项目的决议（草案）',
      docNumber: '青人大〔2027〕3号',
      summary: '会议决定实施十项民生实事项目。',
    }
    const pdf = await renderPaperBallotPdf(
      input({
        title: '决议表决',
        rules: defaultRules('motion'),
        candidates: [{ id: 'M1' as ProjectId, title: motion.title }],
        motion,
      }),
    )
    skipUnless(ctx, poppler, needsPoppler)
    const text = flat(pdf)
    for (const phrase of [
      '表决票',
      '表决事项',
      motion.title,
      '文号：青人大〔2027〕3号',
      motion.summary,
      '赞成反对弃权',
    ])
      expect(text).toContain(phrase)
  })

  it('is the same for every deputy: no serial, no code, the same bytes each time', async (ctx) => {
    const vote = { title: '票决', rules: defaultRules('select', 10), candidates, motion: null }
    const a = await renderPaperBallotPdf(input(vote))
    const b = await renderPaperBallotPdf(input(vote))
    expect(a.equals(b)).toBe(true)
    skipUnless(ctx, poppler, needsPoppler)
    // Numbers on the page: the items' order, the rules' 13 and 10, nothing else.
    const numbers = pdfText(a).match(/\d+/g)?.map(Number) ?? []
    expect(numbers.filter((n) => n > 13 && n !== 2027)).toEqual([])
  })

  it('fits the demo’s 13 candidates on one page', async () => {
    const vote = { title: '票决', rules: defaultRules('select', 10), candidates, motion: null }
    expect(pageCount(await renderPaperBallotPdf(input(vote)))).toBe(1)
  })

  it('runs a long list onto pages that each say they are the same ballot, and marks a rehearsal', async (ctx) => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: `Q${i + 1}` as ProjectId,
      title: `第${i + 1}个候选项目的名称`,
    }))
    const pdf = await renderPaperBallotPdf(
      input(
        { title: '长名单', rules: defaultRules('per-item', 20), candidates: many, motion: null },
        { rehearsal: true },
      ),
    )
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2)
    skipUnless(ctx, poppler, needsPoppler)
    const text = flat(pdf)
    expect(text).toContain('第1页/共')
    expect(text).toContain('（各页为同一张票）')
    expect(text).toContain('【演练】')
    expect(text).toContain('第40个候选项目的名称')
  })
})
