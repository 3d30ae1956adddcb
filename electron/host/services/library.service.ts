import { z } from 'zod'
import { draftAgain } from '../../../shared/rules'
import type { Deputy } from '../../../shared/protocol/meeting.schema'
import {
  emptyMeetingDetails,
  meetingDetailsSchema,
} from '../../../shared/protocol/meeting-details.schema'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import { digestOf } from '../store/json-files/digest'
import { newCards } from './credentials'
import type { Hall } from '../state/hall'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import { MeetingStore } from '../store/json-files/meeting.store'
import { Session } from '../state/session'
import type { MeetingId } from '../../../shared/protocol/ids'
import { meetingIdSchema } from '../../../shared/protocol/ids'

const titleSchema = z.string().trim().min(1).max(200)
export const meetingCreateInputSchema = z.object({
  title: titleSchema,
  details: meetingDetailsSchema.optional(),
  rehearsal: z.boolean().optional(),
})
export const meetingIdInputSchema = z.object({ meetingId: meetingIdSchema })
export const meetingRenameInputSchema = z.object({ meetingId: meetingIdSchema, title: titleSchema })
export const meetingUpdateInputSchema = z.object({
  meetingId: meetingIdSchema,
  title: titleSchema,
  details: meetingDetailsSchema,
  rehearsal: z.boolean(),
})
export const meetingDuplicateInputSchema = meetingCreateInputSchema.extend({
  meetingId: meetingIdSchema,
})

/**
 * Meetings: create (with its details, as a rehearsal or not), edit, list, open, duplicate (e.g.
 * last year's), delete (to trash).
 */
export class LibraryService {
  readonly #hall: Hall

  constructor(hall: Hall) {
    this.#hall = hall
  }

  async create(raw: unknown): Promise<{ meetingId: MeetingId }> {
    const { title, details, rehearsal = false } = parseInput(meetingCreateInputSchema, raw)
    this.#refuseDuringVote()
    const entry = await this.#hall.create(title, rehearsal)
    if (details) await this.#withMeeting(entry.id, (session) => setDetails(session, details))
    await this.#hall.switchTo(entry.id)
    return { meetingId: entry.id }
  }

  /**
   * The title, details and rehearsal flag, for the open meeting or another. The flag is fixed
   * once a vote of the meeting has opened: a rehearsal's ballots would otherwise join the real
   * archive, or a real result leave it.
   */
  async update(raw: unknown): Promise<null> {
    const { meetingId, title, details, rehearsal } = parseInput(meetingUpdateInputSchema, raw)
    if (!this.#hall.library.find(meetingId)) throw new ServiceError('not-found', meetingId)
    await this.#withMeeting(meetingId, async (session) => {
      const data = session.meeting.data
      if (!data.meeting) throw new ServiceError('no-meeting')
      if (rehearsal !== data.meeting.rehearsal && data.votes.some((v) => v.status !== 'draft'))
        throw new ServiceError('bad-request', `rehearsal: ${rehearsalLocked}`)
      const changed = {
        ...(title !== data.meeting.title ? { title } : {}),
        ...(digestOf(details) !== digestOf(data.meeting.details) ? { details } : {}),
        ...(rehearsal !== data.meeting.rehearsal ? { rehearsal } : {}),
      }
      if (Object.keys(changed).length === 0) return
      await session.meeting.updateAgenda((d) => {
        if (d.meeting) d.meeting = { ...d.meeting, title, details: { ...details }, rehearsal }
      })
      await this.#hall.library.update(meetingId, { title, rehearsal })
      await session.audit.append('meeting.updated', changed)
    })
    return null
  }

  async open(raw: unknown): Promise<null> {
    const { meetingId } = parseInput(meetingIdInputSchema, raw)
    await this.#hall.switchTo(meetingId)
    await this.#hall.session.audit.append('meeting.opened', { meetingId })
    return null
  }

  async rename(raw: unknown): Promise<null> {
    const { meetingId, title } = parseInput(meetingRenameInputSchema, raw)
    if (!this.#hall.library.find(meetingId)) throw new ServiceError('not-found', meetingId)
    await this.#hall.library.rename(meetingId, title)
    await this.#withMeeting(meetingId, async (session) => {
      await session.meeting.updateAgenda((data) => {
        if (data.meeting) data.meeting.title = title
      })
      await session.audit.append('meeting.renamed', { title })
    })
    return null
  }

  /**
   * Runs a change on a meeting's session: the open one's, announced to every page; another's
   * through a session of its own with no ballot box loaded (see Session.open), then let go.
   */
  async #withMeeting(meetingId: MeetingId, change: (session: Session) => Promise<void>) {
    if (meetingId === this.#hall.session.meetingId) {
      await change(this.#hall.session)
      this.#hall.session.announce({ type: 'meeting' })
      return
    }
    const dir = this.#hall.library.dirOf(meetingId)
    const entry = this.#hall.library.find(meetingId)
    const session = await Session.open(dir, this.#hall.keys, entry, { boxes: false })
    try {
      await change(session)
    } finally {
      await session.close()
    }
    this.#hall.emit('change', { type: 'meeting' })
  }

  /**
   * A new meeting from an old one: its roster, projects and agenda, with every vote back to
   * draft, no results, nobody checked in, and new credentials (last year's cards stop working).
   */
  async duplicate(raw: unknown): Promise<{ meetingId: MeetingId }> {
    const input = parseInput(meetingDuplicateInputSchema, raw)
    const { meetingId, title, rehearsal = false } = input
    if (!this.#hall.library.find(meetingId)) throw new ServiceError('not-found', meetingId)
    this.#refuseDuringVote()
    // Read only: last year's meeting is left as it is, its ballot boxes shut.
    const from = await MeetingStore.readOnly(this.#hall.library.dirOf(meetingId))
    const entry = await this.#hall.create(title, rehearsal)
    const copy = await Session.open(this.#hall.library.dirOf(entry.id), this.#hall.keys, entry)
    // Unless staff said otherwise: the same venue and presiding officer, a day still to set.
    const details = input.details ?? {
      ...emptyMeetingDetails,
      ...(from.meeting?.details ?? {}),
      date: '',
    }
    try {
      await setDetails(copy, details)
      await copy.meeting.update((data) => {
        const cards = newCards(from.deputies.length)
        data.deputies = from.deputies.map((d, i): Deputy => ({
          ...d,
          ...cards[i]!,
          present: false,
        }))
        data.projects = from.projects.map((p) => ({ ...p }))
        // The proposals behind the projects come along, grouped as they were.
        data.proposals = from.proposals.map((p) => ({ ...p }))
        data.votes = from.votes.map(draftAgain)
        data.screen = { stage: 'welcome', voteId: null }
        // The same people, most years; the approval is the new meeting's own to give.
        if (data.meeting && from.meeting)
          data.meeting.scrutineers = {
            members: from.meeting.scrutineers.members.map((m) => ({ ...m })),
            approvedAt: null,
          }
      })
      await copy.audit.append('meeting.duplicated', {
        from: meetingId,
        fromTitle: from.meeting?.title ?? '',
      })
    } finally {
      await copy.close()
    }
    await this.#hall.switchTo(entry.id)
    return { meetingId: entry.id }
  }

  /** Switching meetings mid-vote would strand the tablets: refused before anything is made. */
  #refuseDuringVote(): void {
    if (this.#hall.session.openVote()) throw new ServiceError('another-vote-open')
  }

  /** Deletes a meeting that is not open now; its folder goes to trash/, nothing is erased. */
  async remove(raw: unknown): Promise<null> {
    const { meetingId } = parseInput(meetingIdInputSchema, raw)
    if (!this.#hall.library.find(meetingId)) throw new ServiceError('not-found', meetingId)
    if (meetingId === this.#hall.session.meetingId) {
      throw new ServiceError(
        'bad-request',
        'meetingId: the open meeting cannot be deleted; open another first',
      )
    }
    const trash = await this.#hall.library.remove(meetingId)
    await this.#hall.session.audit.append('meeting.deleted', { meetingId, movedTo: trash })
    this.#hall.emit('change', { type: 'meeting' })
    return null
  }
}

/** Why the rehearsal flag cannot change: said to staff, in Chinese, with what to do instead. */
const rehearsalLocked =
  '本会议已有表决开启过，不能再更改是否为演练；如需正式会议（或演练），请“复制”为新会议'

async function setDetails(session: Session, details: MeetingDetails): Promise<void> {
  await session.meeting.updateAgenda((data) => {
    if (data.meeting) data.meeting.details = { ...details }
  })
  await session.audit.append('meeting.updated', { details })
}
