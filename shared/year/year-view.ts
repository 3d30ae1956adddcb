import type { MeetingId } from '../protocol/ids'
import type { ImportedYear, RatingLink, YearProject } from './year.schema'

/** The open meeting's year as the console is shown it. */
export interface YearView {
  projects: YearProject[]
  ratings: RatingLink[]
  /** Previous years' progress lists imported into this meeting, to rate. */
  imported: ImportedYear[]
  /** The host's today in China (YYYY-MM-DD): what late is measured against. */
  today: string
}

/** A meeting of the data folder whose year a 满意度测评 can be made from. */
export interface PreviousYear {
  meetingId: MeetingId
  title: string
  createdAt: string
  /** Its year's projects that can be rated (all but the withdrawn). */
  projects: number
}
