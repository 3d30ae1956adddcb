import { noScrutineers } from '../../../shared/protocol/scrutineers.schema'
import { randomUUID } from 'node:crypto'
import { emptyMeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { Deputy, Project } from '../../../shared/protocol/meeting.schema'
import { demoMeeting } from '../demo/demo-meeting'
import { newCards } from './credentials'
import { ServiceError } from './service-error'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import type { MeetingId, ProjectId } from '../../../shared/protocol/ids'
import { deputyIdOf } from './new-ids'

export class MeetingService {
  readonly #hall: Hall

  constructor(hall: Hall) {
    this.#hall = hall
  }
  get #session(): Session {
    return this.#hall.session
  }

  /**
   * Loads the demo (a few hundred deputies, 13 projects for 2027): into the open meeting when it
   * is still empty, otherwise into a new meeting that becomes the open one. Nothing is replaced.
   */
  async loadDemo(deputyCount?: number): Promise<void> {
    if (this.#session.openVote()) throw new ServiceError('another-vote-open')
    const demo = demoMeeting(deputyCount)
    const current = this.#session.meeting.data
    if (current.deputies.length > 0 || current.projects.length > 0 || current.votes.length > 0) {
      const entry = await this.#hall.create(demo.title)
      await this.#hall.switchTo(entry.id)
    } else if (this.#session.meetingId) {
      await this.#hall.library.rename(this.#session.meetingId, demo.title)
    }
    const width = String(demo.deputies.length).length
    const cards = newCards(demo.deputies.length)
    const deputies: Deputy[] = demo.deputies.map((d, i) => ({
      id: deputyIdOf(i + 1, Math.max(3, width)),
      name: d.name,
      delegation: d.delegation,
      seat: d.seat,
      ...cards[i]!,
      present: false,
    }))
    const projects: Project[] = demo.projects.map((p) => ({
      id: p.number as ProjectId,
      title: p.title,
      summary: p.summary,
      leadUnit: p.leadUnit,
      budget: p.budget,
      category: p.category,
      completion: '',
    }))
    await this.#session.meeting.update((data) => {
      data.meeting = data.meeting
        ? { ...data.meeting, title: demo.title }
        : {
            id: randomUUID() as MeetingId,
            title: demo.title,
            createdAt: new Date().toISOString(),
            details: { ...emptyMeetingDetails },
            rehearsal: false,
            scrutineers: noScrutineers(),
          }
      data.deputies = deputies
      data.projects = projects
      data.votes = []
      data.screen = { stage: 'welcome', voteId: null }
    })
    await this.#session.audit.append('meeting.demo-loaded', {
      title: demo.title,
      deputies: deputies.length,
      projects: projects.length,
    })
    this.#session.announce({ type: 'meeting' })
  }

  deputyByCredential(credential: string): Deputy | undefined {
    return this.#session.meeting.deputyByCredential(credential)
  }

  deputyByJoinCode(joinCode: string): Deputy | undefined {
    return this.#session.meeting.deputyByJoinCode(joinCode)
  }
}
