import type { Project } from '../../../shared/protocol/meeting.schema'
import type { MeetingId, ProjectId, VoteId } from '../../../shared/protocol/ids'
import { isSafeId } from '../../../shared/protocol/ids'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { voteStates } from '../../../shared/rules'
import { ratedProjects } from '../../../shared/year/year-rules'
import type { RatedSource } from '../../../shared/year/rated-source'
import {
  gradeOf,
  ratedSummary,
  sourceOfImported,
  ratingTitle,
  sourceOfYearProject,
} from '../../../shared/year/rated-source'
import { chinaDateOf, chinaToday, ratingCreateInputSchema } from '../../../shared/year/year.schema'
import type { RatedItem, RatingLink, YearGrade } from '../../../shared/year/year.schema'
import type { PreviousYear } from '../../../shared/year/year-view'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import { parseInput } from '../services/parse-input'
import type { PreparationService } from '../services/preparation.service'
import { ServiceError } from '../services/service-error'
import type { VoteService } from '../services/vote.service'
import { MeetingStore } from '../store/json-files/meeting.store'
import { YearStore } from '../store/json-files/year.store'
import type { YearService } from './year.service'

/** What a rating's candidates are filed under among the meeting's projects. */
export const ratedCategory = '上年度民生实事'

/**
 * 验单: a 满意度测评 made in one click from a previous meeting's year, and its grades written
 * back to that year once it is published. The previous meeting is only read (its meeting.json
 * never opened for writing, no ballot box loaded); its year.json gets the grades and nothing else.
 */
export class RatingService {
  readonly #hall: Hall
  readonly #year: YearService
  readonly #prep: PreparationService
  readonly #votes: VoteService

  constructor(hall: Hall, year: YearService, prep: PreparationService, votes: VoteService) {
    this.#hall = hall
    this.#year = year
    this.#prep = prep
    this.#votes = votes
    year.follow((session, store) => this.#writeBack(session, store))
  }

  /** The other meetings whose year has projects to rate, newest first. */
  async previous(): Promise<PreviousYear[]> {
    const { library } = this.#hall
    const found: PreviousYear[] = []
    for (const m of [...library.meetings].reverse()) {
      if (m.id === this.#hall.session.meetingId) continue
      const year = await YearStore.readOnly(library.dirOf(m.id)).catch(() => null)
      const projects = year ? ratedProjects(year.projects).length : 0
      if (projects > 0)
        found.push({ meetingId: m.id, title: m.title, createdAt: m.createdAt, projects })
    }
    return found
  }

  async create(raw: unknown): Promise<{ voteId: VoteId }> {
    const input = parseInput(ratingCreateInputSchema, raw)
    if ('importId' in input) return this.#fromImport(input.importId)
    const { meetingId } = input
    const { library } = this.#hall
    if (meetingId === this.#hall.session.meetingId)
      throw new ServiceError(
        'bad-request',
        'meetingId: 请选择上一次会议，而不是本会议 / pick another meeting',
      )
    if (!library.find(meetingId)) throw new ServiceError('not-found', meetingId)
    const dir = library.dirOf(meetingId)
    const [from, fromYear] = await Promise.all([
      MeetingStore.readOnly(dir),
      YearStore.readOnly(dir),
    ])
    const today = chinaToday()
    const sources = ratedProjects(fromYear.projects).map((p) =>
      sourceOfYearProject(p, today, chinaDateOf),
    )
    if (sources.length === 0)
      throw new ServiceError(
        'bad-request',
        'meetingId: 该会议没有年度民生实事项目 / no year projects',
      )
    const fromTitle = from.meeting?.title ?? library.find(meetingId)?.title ?? ''
    return this.#year.run((session, year) =>
      this.#make(
        session,
        year,
        { fromMeetingId: meetingId, fromImportId: null, fromTitle },
        sources,
      ),
    )
  }

  /** A rating from a progress list imported into this meeting (rating-import.service.ts). */
  #fromImport(importId: string): Promise<{ voteId: VoteId }> {
    return this.#year.run((session, year) => {
      const list = year.data.imported.find((i) => i.id === importId)
      if (!list || !session.meetingId)
        throw new ServiceError('not-found', `importId: 没有这份导入的进展表 ${importId}`)
      const today = chinaToday()
      const sources = list.projects.map((p) => sourceOfImported(p, today))
      const from = {
        fromMeetingId: session.meetingId,
        fromImportId: list.id,
        fromTitle: list.title,
      }
      return this.#make(session, year, from, sources)
    })
  }

  /** Makes the rating (or answers with the one already made from the same source). */
  async #make(
    session: Session,
    year: YearStore,
    from: { fromMeetingId: MeetingId; fromImportId: string | null; fromTitle: string },
    sources: readonly RatedSource[],
  ): Promise<{ voteId: VoteId }> {
    const { fromMeetingId, fromImportId, fromTitle } = from
    // A second click answers with the rating already made.
    const made = year.data.ratings.find(
      (r) =>
        r.fromMeetingId === fromMeetingId &&
        r.fromImportId === fromImportId &&
        this.#standing(session, r.voteId),
    )
    if (made) return { voteId: made.voteId }
    const items = await this.#candidates(session, sources)
    const { voteId } = await this.#votes.create({
      title: ratingTitle(fromTitle),
      rules: defaultRules('rating'),
      candidateIds: items.map((i) => i.candidateId),
    })
    const link: RatingLink = {
      voteId,
      fromMeetingId,
      fromMeetingTitle: fromTitle,
      fromImportId,
      items,
      writtenBackAt: null,
    }
    await year.update((data) => {
      data.ratings.push(link)
    })
    session.ratings = year.data.ratings
    await session.audit.append('year.rating-created', {
      voteId,
      fromMeetingId,
      fromTitle,
      projects: items.length,
      ...(fromImportId ? { fromImportId } : {}),
    })
    // Tablets and the screen read the rating's progress from the link just written.
    session.announce({ type: 'meeting' })
    return { voteId }
  }

  /** A rating vote still on the agenda and not annulled. */
  #standing(session: Session, voteId: VoteId): boolean {
    const vote = session.meeting.data.votes.find((v) => v.id === voteId)
    return vote !== undefined && !voteStates[vote.status].voided
  }

  /**
   * Each rated project as a project of this meeting: the one of the same title where this
   * meeting has it (a meeting copied from last year's, a project that goes on), else added under its 编号, or
   * under `<编号>-L` (…-L2) where this year's list uses that 编号 for another project.
   */
  async #candidates(session: Session, sources: readonly RatedSource[]): Promise<RatedItem[]> {
    const items: RatedItem[] = []
    for (const p of sources) {
      const projects = session.meeting.data.projects
      const same = projects.find((x) => x.title === p.title)
      const candidateId = same?.id ?? freeId(p.projectId, projects)
      if (!same)
        await this.#prep.addProject({
          id: candidateId,
          title: p.title,
          summary: ratedSummary(p),
          leadUnit: p.leadUnit,
          budget: p.budget,
          category: ratedCategory,
        })
      const { projectId, percent, lastDate, late } = p
      items.push({ candidateId, projectId, percent, lastDate, late })
    }
    return items
  }

  /**
   * Once a rating is published, each project's year in the previous meeting ends with its grade.
   * Written once (the link records when); the previous meeting's year.json is opened, changed in
   * its projects' `grade` only, and let go.
   */
  async #writeBack(session: Session, year: YearStore): Promise<void> {
    for (const link of year.data.ratings) {
      if (link.writtenBackAt) continue
      const vote = session.meeting.data.votes.find((v) => v.id === link.voteId)
      if (vote?.status !== 'published' || !vote.result || vote.result.kind !== 'rating') continue
      const at = new Date().toISOString()
      const where = {
        meetingId: session.meetingId as MeetingId,
        meetingTitle: session.meeting.data.meeting?.title ?? '',
        voteId: vote.id,
        voteTitle: vote.title,
        at,
      }
      const grades = (projects: { id: ProjectId; grade: YearGrade | null }[]) => {
        const graded: ProjectId[] = []
        for (const item of vote.result?.kind === 'rating' ? vote.result.items : []) {
          const ref = link.items.find((i) => i.candidateId === item.id)
          const project = projects.find((p) => p.id === ref?.projectId)
          if (!project) continue
          project.grade = gradeOf(item, where)
          graded.push(project.id)
        }
        return graded
      }
      let graded: ProjectId[] = []
      // An imported list is kept in this meeting's year: its grades are written here.
      const found =
        link.fromImportId !== null || this.#hall.library.find(link.fromMeetingId) !== undefined
      if (link.fromImportId) {
        await year.update((data) => {
          const list = data.imported.find((i) => i.id === link.fromImportId)
          graded = list ? grades(list.projects) : []
        })
      } else if (found) {
        const from = await YearStore.open(this.#hall.library.dirOf(link.fromMeetingId))
        try {
          await from.update((data) => {
            graded = grades(data.projects)
          })
        } finally {
          await from.close()
        }
      }
      await year.update((data) => {
        const own = data.ratings.find((r) => r.voteId === link.voteId)
        if (own) own.writtenBackAt = at
      })
      await session.audit.append('year.grades-written-back', {
        voteId: vote.id,
        fromMeetingId: link.fromMeetingId,
        fromTitle: link.fromMeetingTitle,
        projectIds: graded,
        found,
      })
    }
  }
}

function freeId(id: ProjectId, projects: readonly Project[]): ProjectId {
  const taken = (x: string) => projects.some((p) => p.id === x)
  const base = isSafeId(id) ? id.slice(0, 28) : 'L'
  if (isSafeId(id) && !taken(id)) return id
  for (let n = 1; ; n++) {
    const next = `${base}-L${n === 1 ? '' : n}`
    if (!taken(next)) return next as ProjectId
  }
}
