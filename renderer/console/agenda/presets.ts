import type { Project } from '../../../shared/protocol/meeting.schema'
import type { VoteKind, VoteRules } from '../../../shared/protocol/vote-rules.schema'
import { defaultRules, seatedKinds } from '../../../shared/protocol/vote-rules.schema'
import type { MessageKey } from '../../../shared/i18n'
import type { ProjectId } from '../../../shared/protocol/ids'

/** A vote being edited: what vote:create / vote:update take. */
export interface VoteDraft {
  title: string
  rules: VoteRules
  /** Project ids, in ballot order (the projects' order). */
  candidateIds: ProjectId[]
}

export const presetKinds: readonly VoteKind[] = ['select', 'per-item', 'motion', 'rating']

export const presetTitleKey: Record<VoteKind, MessageKey> = {
  select: 'console.voteTitle.default',
  'per-item': 'prep.preset.title.per-item',
  motion: 'prep.preset.title.motion',
  rating: 'prep.preset.title.rating',
}

/** 差额: a few more candidates than seats, as congresses usually set it (13选10). */
export function defaultSeats(candidates: number): number {
  return Math.max(1, candidates - 3)
}

/** The rules a preset starts from; the kind's other fields are reset to their defaults. */
export function presetRules(kind: VoteKind, candidates: number): VoteRules {
  return defaultRules(kind, seatedKinds.includes(kind) ? defaultSeats(candidates) : null)
}

/** A new vote from a preset: every project is a candidate, except a motion (one item). */
export function presetDraft(
  kind: VoteKind,
  projects: readonly Project[],
  title: string,
): VoteDraft {
  const candidateIds =
    kind === 'motion' ? projects.slice(0, 1).map((p) => p.id) : projects.map((p) => p.id)
  return { title, rules: presetRules(kind, candidateIds.length), candidateIds }
}

/** Changing the kind keeps the shared rules (threshold, time limit…) and resets the rest. */
export function changeKind(draft: VoteDraft, kind: VoteKind): VoteDraft {
  const candidateIds = kind === 'motion' ? draft.candidateIds.slice(0, 1) : draft.candidateIds
  const fresh = presetRules(kind, candidateIds.length)
  return {
    ...draft,
    candidateIds,
    rules: {
      ...draft.rules,
      kind,
      seats: fresh.seats,
      maxFor: null,
    },
  }
}
