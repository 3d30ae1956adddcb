import type { Language } from '../i18n'
import { translate } from '../i18n'
import type { MeetingDetails } from '../protocol/meeting-details.schema'
import { isMeetingDate } from '../protocol/meeting-details.schema'

/** 2027-01-12 → 2027年1月12日 (in English as it is); anything else as it is. */
export function formatMeetingDate(date: string, lang: Language = 'zh-CN'): string {
  if (lang !== 'zh-CN' || !isMeetingDate(date)) return date
  const [year, month, day] = date.split('-').map(Number)
  return `${year}年${month}月${day}日`
}

/**
 * The line under a meeting's name on the screen, the tablet and the papers: date, venue and
 * presiding officer, those given ("2027年1月12日 · 区人民会堂 · 主持人：张明").
 */
export function meetingDetailLine(details: MeetingDetails, lang: Language = 'zh-CN'): string {
  const parts = [
    details.date ? formatMeetingDate(details.date, lang) : '',
    details.venue,
    details.presiding
      ? translate(lang, 'hall.details.presidingLine', { name: details.presiding })
      : '',
  ]
  return parts.filter((p) => p !== '').join(' · ')
}

/**
 * The meeting's formal name (届次/会次) when it is given and says more than the title does, for
 * a line above the title; '' otherwise.
 */
export function sessionLine(title: string, details: MeetingDetails): string {
  const session = details.session.trim()
  return session !== '' && session !== title.trim() ? session : ''
}
