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
  reissueAllInputSchema,
} from '../../../shared/protocol/preparation.schema'
import type { ImportPreview } from '../tables/import-problems'
import { newCards } from './credentials'
import type { Hall } from '../state/hall'
import {
  heldProblems,
  projectChanges,
  projectFingerprint,
  rosterChanges,
  rosterFingerprint,
} from './import-changes'
import { mergeProjects } from './project-merge'
import { mergeRoster } from './roster-merge'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import type { Session } from '../state/session'
import type { DeputyId, MeetingId, ProjectId } from '../../../shared/protocol/ids'
import { deputyIdOf } from './new-ids'
import { proposalsFollowing, ungroupedNotice } from '../year/proposals-follow'

type Preview = { meetingId: MeetingId | null; at: number; fingerprint: string } & (
  { kind: 'roster'; rows: RosterRowView[] } | { kind: 'projects'; rows: ProjectRowView[] }
)

const previewLifetimeMs = 30 * 60_000

/** Cards a preview does not print: it only counts who would be new. */
const unprinted = (count: number) =>
  Array.from({ length: count }, () => ({ credential: '', joinCode: '' }))

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
   * has no problem at all, with what confirming it would change in the list there now.
   */
  preview(
    kind: 'roster' | 'projects',
    parsed: ImportPreview<RosterRowView> | ImportPreview<ProjectRowView>,
    fileName: string,
  ): ImportPreviewView<RosterRowView | ProjectRowView> {
    const problems = [...parsed.problems]
    const notices = [...parsed.notices]
    let changes: ImportPreviewView<unknown>['changes'] = null
    let entry: Preview | null = null
    const base = { meetingId: this.#session.meetingId, at: Date.now() }
    if (problems.length === 0 && kind === 'roster') {
      const rows = parsed.rows as RosterRowView[]
      const existing = this.#session.meeting.data.deputies
      const merge = mergeRoster(existing, rows, (n) => unprinted(n))
      if (existing.length > 0) changes = rosterChanges(merge)
      entry = { ...base, kind, rows, fingerprint: rosterFingerprint(merge) }
    } else if (problems.length === 0) {
      const rows = parsed.rows as ProjectRowView[]
      const { projects, votes } = this.#session.meeting.data
      const merge = mergeProjects(projects, rows, votes)
      if (projects.length > 0) changes = projectChanges(merge)
      problems.push(...heldProblems(merge))
      const removed = merge.removed.map((p) => p.id)
      notices.push(...ungroupedNotice(proposalsFollowing(this.#proposals, { removed }).ungrouped))
      entry = { ...base, kind: 'projects', rows, fingerprint: projectFingerprint(merge) }
    }
    let previewId: string | null = null
    if (entry && problems.length === 0) {
      this.#expire()
      previewId = randomUUID()
      this.#previews.set(previewId, entry)
    }
    return {
      previewId,
      kind,
      fileName,
      sheet: parsed.sheet,
      totalRows: parsed.totalRows,
      rows: parsed.rows,
      rowNumbers: parsed.rowNumbers,
      problems,
      notices: notices.map(({ message, messageEn }) => ({ message, messageEn })),
      changes,
    }
  }

  /**
   * Imports the roster onto the one there (roster-merge.ts): deputies the file still has keep
   * their id, card and attendance; those it no longer has are removed, and their tablets told.
   */
  async confirmRoster(raw: unknown): Promise<{ deputies: number }> {
    const preview = this.#take(raw, 'roster')
    if (preview.kind !== 'roster') throw new ServiceError('bad-request')
    this.#refuseDuringVote()
    const merge = mergeRoster(this.#session.meeting.data.deputies, preview.rows, newCards)
    if (rosterFingerprint(merge) !== preview.fingerprint) throw new ServiceError('preview-outdated')
    const summary = {
      deputies: merge.deputies.length,
      added: merge.added.length,
      removed: merge.removed.map((d) => d.id),
      changed: merge.changed.map((c) => c.deputy.id),
    }
    await this.#change('roster.imported', summary, (data) => {
      data.deputies = merge.deputies
    })
    for (const d of merge.removed)
      this.#hall.emit('change', { type: 'deputy-revoked', deputyId: d.id })
    return { deputies: merge.deputies.length }
  }

  /**
   * Imports the projects onto the list there by 编号 (project-merge.ts). Draft votes follow (a
   * removed project leaves them, a renamed one is renamed); votes that have opened keep theirs.
   */
  async confirmProjects(raw: unknown): Promise<{ projects: number }> {
    const preview = this.#take(raw, 'projects')
    if (preview.kind !== 'projects') throw new ServiceError('bad-request')
    this.#refuseDuringVote()
    const { projects, votes } = this.#session.meeting.data
    const merge = mergeProjects(projects, preview.rows, votes)
    if (merge.held.length > 0 || projectFingerprint(merge) !== preview.fingerprint)
      throw new ServiceError('preview-outdated')
    const follow = proposalsFollowing(this.#proposals, { removed: merge.removed.map((p) => p.id) })
    const summary = {
      projects: merge.projects.length,
      added: merge.added.map((p) => p.id),
      removed: merge.removed.map((p) => p.id),
      changed: merge.changed.map((c) => c.project.id),
      ungroupedProposals: sum(follow.ungrouped),
    }
    await this.#changeAgenda('projects.imported', summary, (data) => {
      data.projects = merge.projects
      data.proposals = follow.proposals
      const byId = new Map(merge.projects.map((p) => [p.id, p]))
      for (const v of data.votes) {
        if (voteStates[v.status].rulesLocked || v.motion) continue
        v.candidates = v.candidates.flatMap((c) => {
          const p = byId.get(c.id)
          return p ? [{ ...c, title: p.title }] : []
        })
      }
    })
    return { projects: merge.projects.length }
  }

  /** New cards for every deputy, as its own confirmed action: every old card stops working. */
  async reissueAll(raw: unknown): Promise<{ deputies: number }> {
    parseInput(reissueAllInputSchema, raw)
    this.#refuseDuringVote()
    const ids = this.#session.meeting.data.deputies.map((d) => d.id)
    await this.#change('roster.credentials-reissued', { deputies: ids.length }, (data) => {
      const cards = newCards(data.deputies.length)
      data.deputies.forEach((d, i) => Object.assign(d, cards[i]))
    })
    for (const deputyId of ids) this.#hall.emit('change', { type: 'deputy-revoked', deputyId })
    return { deputies: ids.length }
  }

  async addDeputy(raw: unknown): Promise<{ deputyId: DeputyId }> {
    const input = parseInput(deputyInputSchema, raw)
    this.#refuseDuringVote()
    const deputies = this.#session.meeting.data.deputies
    this.#checkDeputy(input, null)
    const next = deputies.reduce((max, d) => Math.max(max, Number(d.id.slice(1)) || 0), 0) + 1
    const deputyId = deputyIdOf(next, 3)
    const [card] = newCards(1, this.#joinCodes())
    await this.#change('deputy.added', { deputyId }, (data) => {
      data.deputies.push({ id: deputyId, ...input, ...card!, present: false })
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

  /** A new card for one deputy: the old credential and join code stop working at once. */
  async reissue(raw: unknown): Promise<{ credential: string }> {
    const { deputyId } = parseInput(deputyIdInputSchema, raw)
    this.#deputy(deputyId)
    const [card] = newCards(1, this.#joinCodes())
    const { credential, joinCode } = card!
    await this.#change('deputy.credential-reissued', { deputyId }, (data) => {
      const d = data.deputies.find((x) => x.id === deputyId)
      if (d) Object.assign(d, { credential, joinCode })
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
    // A new 编号 takes the project's proposals along.
    const renamed = { from: projectId, to: input.id }
    await this.#changeAgenda('project.updated', { projectId }, (data) => {
      const p = data.projects.find((x) => x.id === projectId)
      if (p) Object.assign(p, input)
      data.proposals = proposalsFollowing(data.proposals, { renamed }).proposals
      for (const v of data.votes) {
        // A motion's one candidate is the motion, whatever project shares its id.
        if (voteStates[v.status].rulesLocked || v.motion) continue
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
    const follow = proposalsFollowing(this.#proposals, { removed: [projectId] })
    const ungroupedProposals = sum(follow.ungrouped)
    await this.#changeAgenda('project.removed', { projectId, ungroupedProposals }, (data) => {
      data.projects = data.projects.filter((p) => p.id !== projectId)
      data.proposals = follow.proposals
      for (const v of data.votes) {
        if (!voteStates[v.status].rulesLocked && !v.motion)
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

  get #proposals() {
    return this.#session.meeting.data.proposals
  }

  /** The join codes in use, which a new card's must differ from. */
  #joinCodes(): string[] {
    return this.#session.meeting.data.deputies.map((d) => d.joinCode)
  }

  #deputy(deputyId: DeputyId): Deputy {
    const d = this.#session.meeting.deputy(deputyId)
    if (!d) throw new ServiceError('not-found', deputyId)
    return d
  }

  #checkDeputy(
    input: { number: string; name: string; delegation: string; seat: string },
    self: DeputyId | null,
  ): void {
    for (const d of this.#session.meeting.data.deputies) {
      if (d.id === self) continue
      if (input.number !== '' && d.number === input.number)
        throw new ServiceError('bad-request', `number: ${input.number} is taken by ${d.name}`)
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

const sum = (counts: Map<unknown, number>) => [...counts.values()].reduce((a, b) => a + b, 0)
