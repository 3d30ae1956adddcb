/**
 * Days and months as offices type them in a proposal list or a project list: 2026-03-05,
 * 2026/3/5, 2026.3.5, 2026年3月5日 (full-width digits too), and for a planned completion a month
 * alone (2026-12, 2026年12月, 2026年12月底, 2026年底). Kept as ISO text: 'YYYY-MM-DD' or 'YYYY-MM'.
 * Pure: no clock, no time zone (a day is a calendar day, never an instant).
 */

const YEARS = { min: 2000, max: 2100 }

function whole(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

const pad = (n: number) => String(n).padStart(2, '0')

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function day(year: number, month: number, d: number): string | null {
  if (year < YEARS.min || year > YEARS.max || month < 1 || month > 12) return null
  if (d < 1 || d > daysIn(year, month)) return null
  return `${year}-${pad(month)}-${pad(d)}`
}

function month(year: number, m: number): string | null {
  if (year < YEARS.min || year > YEARS.max || m < 1 || m > 12) return null
  return `${year}-${pad(m)}`
}

const DAY = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?)$/
const MONTH = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月(?:底|末|份)?)$/
const YEAR_END = /^(\d{4})年(?:底|末|年底)$/

/** A calendar day typed as above, as 'YYYY-MM-DD'; null when it is not one (2026-02-30). */
export function parseDay(text: string): string | null {
  const m = DAY.exec(whole(text))
  if (!m) return null
  return day(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]))
}

/**
 * A planned completion (计划完成时间): a day ('YYYY-MM-DD') or a month ('YYYY-MM'; 年底 is
 * December); null when it is neither.
 */
export function parseCompletion(text: string): string | null {
  const t = whole(text)
  const asDay = parseDay(t)
  if (asDay) return asDay
  const m = MONTH.exec(t)
  if (m) return month(Number(m[1]), Number(m[2] ?? m[3]))
  const end = YEAR_END.exec(t)
  return end ? month(Number(end[1]), 12) : null
}

/** A stored day or month as staff and deputies read it: 2026年12月 / 2026年12月31日, or ISO. */
export function formatCompletion(value: string, lang: 'zh-CN' | 'en'): string {
  const [y, m, d] = value.split('-')
  if (lang === 'en' || !y || !m) return value
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`
}

/**
 * A planned completion as the last day it allows: a month is done by its last day (2027-12 →
 * 2027-12-31), a day is itself, none is ''. The year's board (year-sync.ts) keeps days.
 */
export function completionDay(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value)
  if (!m) return value
  return `${value}-${pad(daysIn(Number(m[1]), Number(m[2])))}`
}
