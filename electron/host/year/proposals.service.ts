import { randomUUID } from 'node:crypto'
import type { ProjectId, ProposalId } from '../../../shared/protocol/ids'
import type { ImportPreviewView } from '../../../shared/protocol/preparation.schema'
import { importConfirmInputSchema } from '../../../shared/protocol/preparation.schema'
import type { Proposal } from '../../../shared/year/proposals'
import {
  proposalsGroupInputSchema,
  proposalsUngroupInputSchema,
} from '../../../shared/year/proposals'
import { parseInput } from '../services/parse-input'
import { ServiceError } from '../services/service-error'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import type { ImportPreview } from '../tables/import-problems'
import type { ProposalRow } from '../tables/proposal-import'
import type { ProposalMerge } from './proposals-merge'
import { mergeProposals, proposalChanges, proposalFingerprint } from './proposals-merge'

/** A clean preview kept for its confirmation: for this meeting, this change, this long. */
interface Kept {
  meetingId: string | null
  at: number
  fingerprint: string
  rows: ProposalRow[]
}

const keptForMs = 30 * 60_000
/** Ids named in a refusal: the first few, and how many more. */
const namedAtMost = 5

function named(ids: readonly string[]): string {
  const more =
    ids.length > namedAtMost ? ` 等 ${ids.length} 条 / and ${ids.length - namedAtMost} more` : ''
  return ids.slice(0, namedAtMost).join('、') + more
}

/**
 * 点单 / 选单: citizens' proposals imported (previewed, then confirmed, merged by 编号 onto the
 * list there) and grouped under candidate projects by staff. Every change is audited and
 * replaces the meeting's proposal list whole (meeting.store.ts says why).
 */
export class ProposalsService {
  readonly #hall: Hall
  readonly #kept = new Map<string, Kept>()

  constructor(hall: Hall) {
    this.#hall = hall
  }

  get #session(): Session {
    return this.#hall.session
  }

  /** The preview of an upload the import worker parsed; kept for confirmation only when clean. */
  preview(parsed: ImportPreview<ProposalRow>, fileName: string): ImportPreviewView<ProposalRow> {
    const clean = parsed.problems.length === 0
    const existing = this.#session.meeting.data.proposals
    const merge = clean ? mergeProposals(existing, parsed.rows) : null
    let previewId: string | null = null
    if (merge) {
      this.#drop(Date.now() - keptForMs)
      previewId = randomUUID()
      this.#kept.set(previewId, {
        meetingId: this.#session.meetingId,
        at: Date.now(),
        fingerprint: proposalFingerprint(merge),
        rows: parsed.rows,
      })
    }
    const notices = [...parsed.notices, ...(merge ? this.#ungroupNotices(merge) : [])]
    return {
      previewId,
      kind: 'proposals',
      fileName,
      sheet: parsed.sheet,
      totalRows: parsed.totalRows,
      rows: parsed.rows,
      rowNumbers: parsed.rowNumbers,
      problems: parsed.problems,
      notices: notices.map(({ message, messageEn }) => ({ message, messageEn })),
      changes: merge && existing.length > 0 ? proposalChanges(merge) : null,
    }
  }

  /** Imports a clean preview onto the list there; grouped proposals the file keeps stay grouped. */
  async confirm(raw: unknown): Promise<{ proposals: number }> {
    const { previewId } = parseInput(importConfirmInputSchema, raw)
    this.#drop(Date.now() - keptForMs)
    const kept = this.#kept.get(previewId)
    if (!kept || kept.meetingId !== this.#session.meetingId)
      throw new ServiceError('not-found', 'previewId: upload the file again')
    this.#kept.delete(previewId)
    const merge = mergeProposals(this.#session.meeting.data.proposals, kept.rows)
    if (proposalFingerprint(merge) !== kept.fingerprint) throw new ServiceError('preview-outdated')
    const summary = {
      proposals: merge.proposals.length,
      added: merge.added.length,
      removed: merge.removed.length,
      changed: merge.changed.length,
      ungrouped: merge.removed.filter((p) => p.projectId !== null).map((p) => p.id),
    }
    await this.#change('proposals.imported', summary, merge.proposals)
    return { proposals: merge.proposals.length }
  }

  /**
   * Groups proposals under a project. One under another project already is moved only when the
   * request says so; otherwise nothing changes and the refusal names them.
   */
  async group(raw: unknown): Promise<{ grouped: number; moved: number }> {
    const { proposalIds, projectId, move } = parseInput(proposalsGroupInputSchema, raw)
    const data = this.#session.meeting.data
    if (!data.projects.some((p) => p.id === projectId))
      throw new ServiceError('not-found', `projectId: ${projectId}`)
    const chosen = this.#chosen(proposalIds)
    const elsewhere = chosen.filter((p) => p.projectId !== null && p.projectId !== projectId)
    if (elsewhere.length > 0 && !move) {
      const ids = named(elsewhere.map((p) => `${p.id}（${p.projectId}）`))
      throw new ServiceError(
        'bad-request',
        `以下建议已归入其他项目，改归前请确认：${ids} / already grouped under another project; confirm to move them`,
      )
    }
    const ids = new Set<string>(proposalIds)
    const moved = elsewhere.map((p) => ({ proposalId: p.id, from: p.projectId }))
    await this.#change(
      'proposals.grouped',
      { projectId, proposalIds, moved },
      data.proposals.map((p) => (ids.has(p.id) ? { ...p, projectId } : p)),
    )
    return { grouped: proposalIds.length, moved: elsewhere.length }
  }

  /** Takes proposals out of whatever project holds them (未归类). */
  async ungroup(raw: unknown): Promise<{ ungrouped: number }> {
    const { proposalIds } = parseInput(proposalsUngroupInputSchema, raw)
    const chosen = this.#chosen(proposalIds).filter((p) => p.projectId !== null)
    const ids = new Set<string>(chosen.map((p) => p.id))
    if (ids.size === 0) return { ungrouped: 0 }
    await this.#change(
      'proposals.ungrouped',
      { proposalIds: [...ids], from: [...new Set(chosen.map((p) => p.projectId))] },
      this.#session.meeting.data.proposals.map((p) =>
        ids.has(p.id) ? { ...p, projectId: null } : p,
      ),
    )
    return { ungrouped: ids.size }
  }

  /** The proposals asked for, each known; an unknown 编号 refuses the whole request. */
  #chosen(ids: readonly ProposalId[]): Proposal[] {
    const byId = new Map(this.#session.meeting.data.proposals.map((p) => [p.id as string, p]))
    const unknown = ids.filter((id) => !byId.has(id))
    if (unknown.length > 0)
      throw new ServiceError(
        'not-found',
        `没有这些编号的建议 / no proposal numbered: ${named(unknown)}`,
      )
    return ids.map((id) => byId.get(id)!)
  }

  /** Grouped proposals the import would remove, by project: staff read it before confirming. */
  #ungroupNotices(merge: ProposalMerge) {
    const byProject = new Map<ProjectId, number>()
    for (const p of merge.removed)
      if (p.projectId !== null) byProject.set(p.projectId, (byProject.get(p.projectId) ?? 0) + 1)
    if (byProject.size === 0) return []
    const zh = [...byProject].map(([id, n]) => `${id} ${n} 条`).join('、')
    const en = [...byProject].map(([id, n]) => `${id}: ${n}`).join(', ')
    return [
      {
        message: `文件中没有的建议将被删除，其中已归入项目的：${zh}；这些项目的群众点单件数随之减少`,
        messageEn: `proposals the file no longer has are removed, among them some grouped under projects (${en}); those projects' counts go down`,
      },
    ]
  }

  #drop(before: number): void {
    for (const [id, kept] of this.#kept) if (kept.at < before) this.#kept.delete(id)
  }

  async #change(type: string, data: Record<string, unknown>, proposals: Proposal[]): Promise<void> {
    await this.#session.meeting.updateAgenda((d) => {
      d.proposals = proposals
    })
    await this.#session.audit.append(type, data)
    this.#session.announce({ type: 'meeting' })
  }
}
