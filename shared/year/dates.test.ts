import { describe, expect, it } from 'vitest'
import { completionDay, formatCompletion, parseCompletion, parseDay } from './dates'

describe('parseDay', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    [' 2026 - 03 - 05 ', '2026-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, day) => {
    expect(parseDay(text)).toBe(day)
  })

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-3',
    '3/5/2026',
    '46086',
    '昨天',
    '',
    '1899-12-30',
  ])('refuses %s', (text) => {
    expect(parseDay(text)).toBeNull()
  })
})

describe('parseCompletion', () => {
  it.each([
    ['2027-12', '2027-12'],
    ['2027/6', '2027-06'],
    ['2027年12月', '2027-12'],
    ['2027年12月底', '2027-12'],
    ['2027年底', '2027-12'],
    ['2027-12-31', '2027-12-31'],
    ['2027年6月30日', '2027-06-30'],
  ])('reads %s as %s', (text, value) => {
    expect(parseCompletion(text)).toBe(value)
  })

  it.each(['2027', '年底', '2027-13', '下半年', '2027-06-31'])('refuses %s', (text) => {
    expect(parseCompletion(text)).toBeNull()
  })

  it('gives a month as its last day, for the year board', () => {
    expect(completionDay('2027-12')).toBe('2027-12-31')
    expect(completionDay('2028-02')).toBe('2028-02-29')
    expect(completionDay('2027-06-15')).toBe('2027-06-15')
    expect(completionDay('')).toBe('')
  })

  it('shows a month or a day in Chinese, and as written in English', () => {
    expect(formatCompletion('2027-06', 'zh-CN')).toBe('2027年6月')
    expect(formatCompletion('2027-06-30', 'zh-CN')).toBe('2027年6月30日')
    expect(formatCompletion('2027-06-30', 'en')).toBe('2027-06-30')
  })
})
