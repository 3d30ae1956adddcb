import type { Hall, HallChange } from '../state/hall'
import type { Session } from '../state/session'
import { parseInput } from '../services/parse-input'
import { ServiceError } from '../services/service-error'
import { YearStore } from '../store/json-files/year.store'
import { findProject } from '../../../shared/year/year-rules'
import {
  chinaDateOf,
  chinaToday,
  progressEditInputSchema,
  progressInputSchema,
  yearProjectInputSchema,
} from '../../../shared/year/year.schema'
import type {
  ProgressEntry,
  ProgressUpdate,
  YearData,
  YearProject,
  YearProjectDetails,
} from '../../../shared/year/year.schema'
import type { YearView } from '../../../shared/year/year-view'
import { applyYearEvents, yearEvents } from './year-sync'

/** Something else to bring up to date whenever the year is (the rating's write-back). */
export type YearFollower = (session: Session, year: YearStore) => Promise<void>

/**
 * The open meeting's year (查单): its projects, made from its published votes, their details
 * and progress updates. Every change is serialised, written durably, then audited; an edit
 * keeps the version it replaced. The year follows the meeting's votes by itself: after every
 * change of the meeting it is brought up to them (year-sync.ts), and again before it is shown.
 */
export class YearService {
  readonly #hall: Hall
  #open: { session: Session; store: Promise<YearStore> } | null = null
  #queue: Promise<unknown> = Promise.resolve()
  readonly #followers: YearFollower[] = []
  readonly #onChange = (change: HallChange) => {
    if (change.type === 'meeting-switched') void this.#run(async () => this.#letGo())
    else if (change.type === 'meeting') void this.#run(() => this.#sync()).catch(() => {})
  }

  constructor(hall: Hall) {
    this.#hall = hall
    hall.on('change', this.#onChange)
  }

  /** Runs after every bring-up-to-date, in the same turn of the queue. */
  follow(follower: YearFollower): void {
    this.#followers.push(follower)
  }

  /** Resolves once every change asked for so far is done (tests; the host's close). */
  idle(): Promise<void> {
    return this.#queue.then(
      () => {},
      () => {},
    )
  }

  async close(): Promise<void> {
    this.#hall.off('change', this.#onChange)
    await this.idle()
    await this.#letGo()
  }

  async view(): Promise<YearView> {
    return this.#run(async () => {
      const year = await this.#sync()
      const { projects, ratings, imported } = year.data
      return { projects, ratings, imported, today: chinaToday() }
    })
  }

  /** Staff edit a project's details; the details it had are kept. */
  async updateProject(raw: unknown): Promise<null> {
    const { projectId, ...details } = parseInput(yearProjectInputSchema, raw)
    return this.#change(projectId, 'year.project-updated', (project, now) => {
      if (sameDetails(project, details)) return false
      project.detailsEarlier.push({ ...detailsOf(project), replacedAt: now })
      Object.assign(project, details)
      return true
    })
  }

  async addProgress(raw: unknown): Promise<{ updateId: string }> {
    const input = parseInput(progressInputSchema, raw)
    let updateId = ''
    await this.#change(input.projectId, 'year.progress-added', (project, now) => {
      const entry = this.#entry(project, input, now)
      updateId = `U${project.updates.length + 1}`
      project.updates.push({ ...entry, id: updateId, earlier: [] })
      return { updateId, date: entry.date, percent: entry.percent }
    })
    return { updateId }
  }

  /** An edit of an update keeps the version it replaces, listed under it. */
  async editProgress(raw: unknown): Promise<null> {
    const { updateId, ...input } = parseInput(progressEditInputSchema, raw)
    return this.#change(input.projectId, 'year.progress-edited', (project, now) => {
      const update = project.updates.find((u) => u.id === updateId)
      if (!update) throw new ServiceError('not-found', `updateId: 没有这条进展记录 ${updateId}`)
      const entry = this.#entry(project, input, now)
      if (sameEntry(update, entry)) return false
      const { id: _id, earlier, ...before } = update
      Object.assign(update, entry, { earlier: [...earlier, before] })
      return { updateId, date: entry.date, percent: entry.percent }
    })
  }

  /** Runs a change of the open meeting's year in the queue, after bringing it up to date. */
  run<T>(fn: (session: Session, year: YearStore) => Promise<T>): Promise<T> {
    return this.#run(async () => fn(this.#hall.session, await this.#sync()))
  }

  /** A checked progress entry: its date neither in the future nor before the vote's publication. */
  #entry(
    project: YearProject,
    input: ReturnType<typeof progressInputSchema.parse>,
    now: string,
  ): ProgressEntry {
    const today = chinaToday(new Date(now))
    if (input.date > today)
      throw new ServiceError('bad-request', `date: 日期 ${input.date} 晚于今天 / is in the future`)
    const from = chinaDateOf(project.madeAt)
    if (input.date < from)
      throw new ServiceError(
        'bad-request',
        `date: 日期 ${input.date} 早于表决结果公布之日 ${from} / is before the vote was published`,
      )
    return {
      date: input.date,
      kind: input.kind,
      percent: input.percent,
      text: input.text,
      opinions: input.opinions,
      recordedAt: now,
    }
  }

  /**
   * One project's change: found (else not-found, nothing changed), changed, written, audited.
   * The change answers false when nothing differs (nothing written), else the audit's facts.
   */
  async #change(
    projectId: string,
    type: string,
    change: (project: YearProject, now: string) => boolean | Record<string, unknown>,
  ): Promise<null> {
    return this.run(async (session, year) => {
      const there = findProject(year.data.projects, projectId)
      if (!there)
        throw new ServiceError('not-found', `projectId: 本年度没有项目 ${projectId.slice(0, 40)}`)
      // Changed on a copy, so a refusal part-way leaves the year as it was.
      const copy = structuredClone(there)
      const facts = change(copy, new Date().toISOString())
      if (facts === false) return null
      await year.update((data) => {
        const at = data.projects.findIndex((p) => p.id === projectId)
        data.projects[at] = copy
      })
      await session.audit.append(type, {
        projectId,
        title: copy.title,
        ...(facts === true ? {} : facts),
      })
      session.announce({ type: 'meeting' })
      return null
    })
  }

  /** The year brought up to the meeting's votes; what it made or withdrew is audited. */
  async #sync(): Promise<YearStore> {
    const session = this.#hall.session
    const year = await this.#store(session)
    const { votes, projects } = session.meeting.data
    const events = yearEvents(year.data, votes)
    if (events.length > 0) {
      await year.update((data: YearData) =>
        applyYearEvents(data, events, votes, projects, new Date().toISOString()),
      )
      for (const { type, ...facts } of events) await session.audit.append(type, facts)
    }
    for (const follower of this.#followers) await follower(session, year)
    session.ratings = year.data.ratings
    return year
  }

  #store(session: Session): Promise<YearStore> {
    if (this.#open?.session !== session) {
      const previous = this.#open
      this.#open = { session, store: YearStore.open(session.dataDir) }
      void previous?.store.then((s) => s.close())
    }
    return this.#open.store
  }

  async #letGo(): Promise<void> {
    const open = this.#open
    this.#open = null
    await (await open?.store.catch(() => null))?.close()
  }

  #run<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => {})
    return run
  }
}

function detailsOf(p: YearProjectDetails): YearProjectDetails {
  const { title, leadUnit, budget, plannedCompletion, responsible } = p
  return { title, leadUnit, budget, plannedCompletion, responsible }
}

function sameDetails(a: YearProjectDetails, b: YearProjectDetails): boolean {
  return JSON.stringify(detailsOf(a)) === JSON.stringify(detailsOf(b))
}

function sameEntry(a: ProgressUpdate, b: ProgressEntry): boolean {
  const key = (e: ProgressEntry) => JSON.stringify([e.date, e.kind, e.percent, e.text, e.opinions])
  return key(a) === key(b)
}
