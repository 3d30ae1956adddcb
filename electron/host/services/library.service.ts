import { z } from 'zod'
import { draftAgain } from '../../../shared/rules'
import type { Deputy } from '../../../shared/protocol/meeting.schema'
import { newCards } from './credentials'
import type { Hall } from '../state/hall'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import { MeetingStore } from '../store/json-files/meeting.store'
import { Session } from '../state/session'
import type { MeetingId } from '../../../shared/protocol/ids'
import { meetingIdSchema } from '../../../shared/protocol/ids'

const titleSchema = z.string().trim().min(1).max(200)
export const meetingCreateInputSchema = z.object({ title: titleSchema })
export const meetingIdInputSchema = z.object({ meetingId: meetingIdSchema })
export const meetingRenameInputSchema = z.object({
  meetingId: meetingIdSchema,
  title: titleSchema,
})

/** Meetings: create, rename, list, open, duplicate (e.g. last year's), delete (to trash). */
export class LibraryService {
  readonly #hall: Hall

  constructor(hall: Hall) {
    this.#hall = hall
  }

  async create(raw: unknown): Promise<{ meetingId: MeetingId }> {
    const { title } = parseInput(meetingCreateInputSchema, raw)
    this.#refuseDuringVote()
    const entry = await this.#hall.create(title)
    await this.#hall.switchTo(entry.id)
    return { meetingId: entry.id }
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
    if (meetingId === this.#hall.session.meetingId) {
      const session = this.#hall.session
      await session.meeting.updateAgenda((data) => {
        if (data.meeting) data.meeting.title = title
      })
      await session.audit.append('meeting.renamed', { title })
      session.announce({ type: 'meeting' })
    } else {
      const dir = this.#hall.library.dirOf(meetingId)
      const session = await Session.open(dir, this.#hall.keys, undefined, { boxes: false })
      try {
        await session.meeting.updateAgenda((data) => {
          if (data.meeting) data.meeting.title = title
        })
        await session.audit.append('meeting.renamed', { title })
      } finally {
        await session.close()
      }
      this.#hall.emit('change', { type: 'meeting' })
    }
    return null
  }

  /**
   * A new meeting from an old one: its roster, projects and agenda, with every vote back to
   * draft, no results, nobody checked in, and new credentials (last year's cards stop working).
   */
  async duplicate(raw: unknown): Promise<{ meetingId: MeetingId }> {
    const { meetingId, title } = parseInput(meetingRenameInputSchema, raw)
    if (!this.#hall.library.find(meetingId)) throw new ServiceError('not-found', meetingId)
    this.#refuseDuringVote()
    // Read only: last year's meeting is left as it is, its ballot boxes shut.
    const from = await MeetingStore.readOnly(this.#hall.library.dirOf(meetingId))
    const entry = await this.#hall.create(title)
    const copy = await Session.open(this.#hall.library.dirOf(entry.id), this.#hall.keys, entry)
    try {
      await copy.meeting.update((data) => {
        const cards = newCards(from.deputies.length)
        data.deputies = from.deputies.map((d, i): Deputy => ({
          ...d,
          ...cards[i]!,
          present: false,
        }))
        data.projects = from.projects.map((p) => ({ ...p }))
        data.votes = from.votes.map(draftAgain)
        data.screen = { stage: 'welcome', voteId: null }
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
