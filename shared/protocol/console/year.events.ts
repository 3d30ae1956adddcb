import type { Ack } from '../envelope'
import type { MeetingId, VoteId } from '../ids'
import type { ProgressEditInput, ProgressInput, YearProjectInput } from '../../year/year.schema'
import type { PreviousYear, YearView } from '../../year/year-view'

/** The year after the vote (查单) and its rating at the next plenary (验单). */
export interface ConsoleYearEvents {
  'year:view': (input: Record<string, never>, ack: Ack<YearView>) => void
  'year:project-update': (input: YearProjectInput, ack: Ack<null>) => void
  'year:progress-add': (input: ProgressInput, ack: Ack<{ updateId: string }>) => void
  'year:progress-edit': (input: ProgressEditInput, ack: Ack<null>) => void
  /** Other meetings of the data folder whose year has projects to rate. */
  'year:previous': (input: Record<string, never>, ack: Ack<PreviousYear[]>) => void
  /** A 满意度测评 whose candidates are that meeting's year's projects (a second click: the same). */
  'year:rating-create': (
    input: { meetingId: MeetingId } | { importId: string },
    ack: Ack<{ voteId: VoteId }>,
  ) => void
  /**
   * Keeps a clean preview of a previous year's progress list (uploaded to /api/import/progress)
   * as an imported list of this meeting's year, to make a rating from.
   */
  'year:progress-import': (
    input: { previewId: string; title: string },
    ack: Ack<{ importId: string }>,
  ) => void
}
