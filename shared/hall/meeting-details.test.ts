import { describe, expect, it } from 'vitest'
import { emptyMeetingDetails, meetingDetailsSchema } from '../protocol/meeting-details.schema'
import { formatMeetingDate, meetingDetailLine, sessionLine } from './meeting-details'

const details = {
  session: '青川区第十八届人民代表大会第五次会议',
  date: '2027-01-12',
  venue: '青川区人民会堂',
  presiding: '张明',
}

describe('meeting details as printed', () => {
  it('write the date the Chinese way, and leave anything else as it is', () => {
    expect(formatMeetingDate('2027-01-12')).toBe('2027年1月12日')
    expect(formatMeetingDate('2027-01-12', 'en')).toBe('2027-01-12')
    expect(formatMeetingDate('')).toBe('')
  })

  it('join what is given under the title, leaving out what is blank', () => {
    expect(meetingDetailLine(details)).toBe('2027年1月12日 · 青川区人民会堂 · 主持人：张明')
    expect(meetingDetailLine(details, 'en')).toBe('2027-01-12 · 青川区人民会堂 · Presiding: 张明')
    expect(meetingDetailLine({ ...emptyMeetingDetails, venue: '会堂' })).toBe('会堂')
    expect(meetingDetailLine(emptyMeetingDetails)).toBe('')
  })

  it('show the session above the title only when it says more', () => {
    expect(sessionLine('2027年度民生实事项目票决', details)).toBe(details.session)
    expect(sessionLine(details.session, details)).toBe('')
    expect(sessionLine('会议', emptyMeetingDetails)).toBe('')
  })

  it('are trimmed as staff send them, and a blank date is allowed', () => {
    const parsed = meetingDetailsSchema.safeParse({ ...details, venue: '  会堂 ', date: '' })
    expect(parsed.success && parsed.data).toEqual({ ...details, venue: '会堂', date: '' })
  })
})
