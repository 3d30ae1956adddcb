import { describe, expect, it } from 'vitest'
import { ratingTitle } from './rated-source'

describe('ratingTitle', () => {
  it.each([
    ['2026年度民生实事项目', '2026年度民生实事项目满意度测评'],
    [
      '青川区第三届人民代表大会第五次会议',
      '青川区第三届人民代表大会第五次会议民生实事项目满意度测评',
    ],
    ['《2026年度民生实事项目》', '2026年度民生实事项目满意度测评'],
    ['  2026年  ', '2026年民生实事项目满意度测评'],
  ])('%s → %s', (from, title) => {
    expect(ratingTitle(from)).toBe(title)
  })

  it('never holds 《》 of its own, so 《title》 nests nothing', () => {
    expect(ratingTitle('第五次会议')).not.toMatch(/[《》]/)
  })

  it('stays within a vote title’s 200 characters', () => {
    expect(ratingTitle('会'.repeat(300))).toHaveLength(200)
  })
})
