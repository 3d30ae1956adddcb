import { z } from 'zod'

/**
 * What a meeting is, as the hall and its papers name it: asked when the meeting is created,
 * editable later. Each may be left blank (a meeting made before they were asked has none);
 * what is blank is simply not printed.
 */
export interface MeetingDetails {
  /** 届次/会次, e.g. 青川区第十八届人民代表大会第五次会议. */
  session: string
  /** The day of the meeting as YYYY-MM-DD, or ''. */
  date: string
  /** 会议地点, e.g. 区人民会堂. */
  venue: string
  /** 主持人 (the presiding officer, 执行主席). */
  presiding: string
}

export const emptyMeetingDetails: Readonly<MeetingDetails> = Object.freeze({
  session: '',
  date: '',
  venue: '',
  presiding: '',
})

export const meetingDetailLimits = { session: 100, venue: 100, presiding: 50 } as const

/** A real calendar day written YYYY-MM-DD (what a date input gives), in a plausible year. */
export function isMeetingDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 2000 || year > 2100) return false
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    // A line break would break the one-line headings of the cards and the reports.
    .refine((v) => !/[\r\n\t]/.test(v), `${label}不能换行`)

/**
 * The details as staff send them: every field named, each message in Chinese naming its field
 * (the console shows it under the input; the host's refusal carries it with the field's path).
 */
export const meetingDetailsSchema = z
  .object({
    session: text('届次会次', meetingDetailLimits.session),
    date: z
      .string()
      .trim()
      .refine((v) => v === '' || isMeetingDate(v), '会议日期应为“年-月-日”，如 2027-01-12'),
    venue: text('会议地点', meetingDetailLimits.venue),
    presiding: text('主持人', meetingDetailLimits.presiding),
  })
  .strict()
