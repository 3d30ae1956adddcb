import { randomUUID } from 'node:crypto'
import type { Deputy, Project } from '../../../shared/protocol/meeting.schema'
import { voteStates } from '../../../shared/rules'
import type {
  ImportPreviewView,
  ProjectRowView,
  RosterRowView,
} from '../../../shared/protocol/preparation.schema'
import {
  deputyIdInputSchema,
  deputyInputSchema,
  deputyUpdateInputSchema,
  importConfirmInputSchema,
  projectIdInputSchema,
  projectInputSchema,
  projectsReorderInputSchema,
  projectUpdateInputSchema,
} from '../../../shared/protocol/preparation.schema'
import type { ParsedImport } from '../tables/import-job'
import { newCredential } from './credentials'
import type { Hall } from '../state/hall'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import type { Session } from '../state/session'
import type { DeputyId, MeetingId, ProjectId } from '../../../shared/protocol/ids'
import { deputyIdOf } from './new-ids'

type Preview =
  | { kind: 'roster'; meetingId: MeetingId | null; rows: RosterRowView[]; at: number }
  | { kind: 'projects'; meetingId: MeetingId | null; rows: ProjectRowView[]; at: number }

const previewLifetimeMs = 30 * 60_000

/**
 * Preparing a meeting: imports (previewed, then confirmed), deputies and projects by hand,
 * credential reissue. Nothing here runs while a vote is open.
 */
export class PreparationService {
  readonly #hall: Hall
  readonly #previews = new Map<string, Preview>()

  constructor(hall: Hall) {
    this.#hall = hall
  }

  get #session(): Session {
    return this.#hall.session
  }

  /**
   * Keeps an upload the import worker parsed (import-worker.ts) for confirmation, only when it
   * has no problem at all.
   */
  preview(
    kind: 'roster' | 'projects',
    parsed: ParsedImport,
    fileName: string,
  ): ImportPreviewView<RosterRowView | ProjectRowView> {
    let previewId: string | null = null
    if (parsed.problems.length === 0) {
      this.#expire()
      previewId = randomUUID()
      const meetingId = this.#session.meetingId
      this.#previews.set(
        previewId,
        kind === 'roster'
          ? { kind, meetingId, rows: parsed.rows as RosterRowView[], at: Date.now() }
          : { kind, meetingId, rows: parsed.rows as ProjectRowView[], at: Date.now() },
      )
    }
    return {
      previewId,
      kind,
      fileName,
      sheet: parsed.sheet,
      totalRows: parsed.totalRows,
      rows: parsed.rows,
      rowNumbers: parsed.rowNumbers,
      problems: parsed.problems,
    }
  }

  /** Replaces the roster with a clean preview; every deputy gets a new credential. */
  async confirmRoster(raw: unknown): Promise<{ deputies: number }> {
    const preview = this.#take(raw, 'roster')
    if (preview.kind !== 'roster') throw new ServiceError('bad-request')
    this.#refuseDuringVote()
    const width = Math.max(3, String(preview.rows.length).length)
    const deputies: Deputy[] = preview.rows.map((r, i) => ({
      id: deputyIdOf(i + 1, width),
      name: r.name,
      delegation: r.delegation,
      seat: r.seat,
      idLast4: r.idLast4,
      note: r.note,
      credential: newCredential(),
      present: false,
    }))
    await this.#change('roster.imported', { deputies: deputies.length }, (data) => {
      data.deputies = deputies
    })
    return { deputies: deputies.length }
  }

  async confirmProjects(raw: unknown): Promise<{ projects: number }> {
    const preview = this.#take(raw, 'projects')
    if (preview.kind !== 'projects') throw new ServiceError('bad-request')
    this.#refuseDuringVote()
    const projects: Project[] = preview.rows.map((r) => ({
      // The import checked the id rule (tables/project-import.ts).
      id: r.number as ProjectId,
      title: r.title,
      summary: r.summary,
      leadUnit: r.leadUnit,
      budget: r.budget,
      category: r.category,
    }))
    await this.#changeAgenda('projects.imported', { projects: projects.length }, (data) => {
      data.projects = projects
    })
    return { projects: projects.length }
  }

  async addDeputy(raw: unknown): Promise<{ deputyId: DeputyId }> {
    const input = parseInput(deputyInputSchema, raw)
    this.#refuseDuringVote()
    const deputies = this.#session.meeting.data.deputies
    this.#checkDeputy(input, null)
    const next = deputies.reduce((max, d) => Math.max(max, Number(d.id.slice(1)) || 0), 0) + 1
    const deputyId = deputyIdOf(next, 3)
    await this.#change('deputy.added', { deputyId }, (data) => {
      data.deputies.push({ id: deputyId, ...input, credential: newCredential(), present: false })
    })
    return { deputyId }
  }

  async updateDeputy(raw: unknown): Promise<null> {
    const { deputyId, ...input } = parseInput(deputyUpdateInputSchema, raw)
    this.#deputy(deputyId)
    this.#checkDeputy(input, deputyId)
    await this.#change('deputy.updated', { deputyId }, (data) => {
      const d = data.deputies.find((x) => x.id === deputyId)
      if (d) Object.assign(d, input)
    })
    return null
  }

  async removeDeputy(raw: unknown): Promise<null> {
    const { deputyId } = parseInput(deputyIdInputSchema, raw)
    this.#deputy(deputyId)
    this.#refuseDuringVote()
    await this.#change('deputy.removed', { deputyId }, (data) => {
      data.deputies = data.deputies.filter((d) => d.id !== deputyId)
    })
    this.#hall.emit('change', { type: 'deputy-revoked', deputyId })
    return null
  }

  /** A new card for one deputy: the old credential stops working at once. */
  async reissue(raw: unknown): Promise<{ credential: string }> {
    const { deputyId } = parseInput(deputyIdInputSchema, raw)
    this.#deputy(deputyId)
    const credential = newCredential()
    await this.#change('deputy.credential-reissued', { deputyId }, (data) => {
      const d = data.deputies.find((x) => x.id === deputyId)
      if (d) d.credential = credential
    })
    this.#hall.emit('change', { type: 'deputy-revoked', deputyId })
    return { credential }
  }

  async addProject(raw: unknown): Promise<null> {
    const input = parseInput(projectInputSchema, raw)
    this.#checkProject(input, null)
    await this.#changeAgenda('project.added', { projectId: input.id }, (data) => {
      data.projects.push(input)
    })
    return null
  }

  /** Edits a project; draft votes show the new title, opened votes keep what they were. */
  async updateProject(raw: unknown): Promise<null> {
    const { projectId, ...input } = parseInput(projectUpdateInputSchema, raw)
    if (!this.#session.meeting.data.projects.some((p) => p.id === projectId))
      throw new ServiceError('not-found', projectId)
    this.#checkProject(input, projectId)
    await this.#changeAgenda('project.updated', { projectId }, (data) => {
      const p = data.projects.find((x) => x.id === projectId)
      if (p) Object.assign(p, input)
      for (const v of data.votes) {
        if (voteStates[v.status].rulesLocked) continue
        for (const c of v.candidates) {
          if (c.id === projectId) Object.assign(c, { id: input.id, title: input.title })
        }
      }
    })
    return null
  }

  async removeProject(raw: unknown): Promise<null> {
    const { projectId } = parseInput(projectIdInputSchema, raw)
    if (!this.#session.meeting.data.projects.some((p) => p.id === projectId))
      throw new ServiceError('not-found', projectId)
    await this.#changeAgenda('project.removed', { projectId }, (data) => {
      data.projects = data.projects.filter((p) => p.id !== projectId)
      for (const v of data.votes) {
        if (!voteStates[v.status].rulesLocked)
          v.candidates = v.candidates.filter((c) => c.id !== projectId)
      }
    })
    return null
  }

  async reorderProjects(raw: unknown): Promise<null> {
    const { ids } = parseInput(projectsReorderInputSchema, raw)
    const current = this.#session.meeting.data.projects
    const same =
      ids.length === current.length &&
      new Set(ids).size === ids.length &&
      ids.every((id) => current.some((p) => p.id === id))
    if (!same) throw new ServiceError('bad-request', 'ids: must list every project once')
    await this.#changeAgenda('projects.reordered', { ids }, (data) => {
      data.projects = ids.map((id) => data.projects.find((p) => p.id === id) as Project)
    })
    return null
  }

  #take(raw: unknown, kind: Preview['kind']): Preview {
    const { previewId } = parseInput(importConfirmInputSchema, raw)
    this.#expire()
    const preview = this.#previews.get(previewId)
    if (!preview || preview.kind !== kind || preview.meetingId !== this.#session.meetingId) {
      throw new ServiceError('not-found', 'previewId: upload the file again')
    }
    this.#previews.delete(previewId)
    return preview
  }

  #expire(): void {
    const now = Date.now()
    for (const [id, p] of this.#previews)
      if (now - p.at > previewLifetimeMs) this.#previews.delete(id)
  }

  #deputy(deputyId: DeputyId): Deputy {
    const d = this.#session.meeting.deputy(deputyId)
    if (!d) throw new ServiceError('not-found', deputyId)
    return d
  }

  #checkDeputy(
    input: { name: string; delegation: string; seat: string },
    self: DeputyId | null,
  ): void {
    for (const d of this.#session.meeting.data.deputies) {
      if (d.id === self) continue
      if (d.seat === input.seat)
        throw new ServiceError('bad-request', `seat: ${input.seat} is taken by ${d.name}`)
      if (d.name === input.name && d.delegation === input.delegation) {
        throw new ServiceError('bad-request', `name: ${input.name} of ${input.delegation} exists`)
      }
    }
  }

  #checkProject(input: { id: string; title: string }, self: ProjectId | null): void {
    for (const p of this.#session.meeting.data.projects) {
      if (p.id === self) continue
      if (p.id === input.id) throw new ServiceError('bad-request', `id: ${input.id} exists`)
      if (p.title === input.title)
        throw new ServiceError('bad-request', `title: ${input.title} exists`)
    }
  }

  #refuseDuringVote(): void {
    if (this.#session.openVote()) throw new ServiceError('another-vote-open')
  }

  /** A change to the roster: persisted, logged, announced. */
  async #change(
    event: string,
    data: Record<string, unknown>,
    change: Parameters<Session['meeting']['update']>[0],
  ) {
    await this.#session.meeting.update(change)
    await this.#logged(event, data)
  }

  /** A change to anything but the roster (projects), written with the roster's cached bytes. */
  async #changeAgenda(
    event: string,
    data: Record<string, unknown>,
    change: Parameters<Session['meeting']['updateAgenda']>[0],
  ) {
    await this.#session.meeting.updateAgenda(change)
    await this.#logged(event, data)
  }

  async #logged(event: string, data: Record<string, unknown>) {
    await this.#session.audit.append(event, data)
    this.#session.announce({ type: 'meeting' })
  }
}
