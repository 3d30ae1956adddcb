import type { Project } from '../../../shared/protocol/meeting.schema'
import type { MotionText } from '../../../shared/protocol/motion.schema'
import type { VoteKind, VoteRules } from '../../../shared/protocol/vote-rules.schema'
import { defaultRules, seatedKinds } from '../../../shared/protocol/vote-rules.schema'
import type { VoteCreateInput } from '../../../shared/protocol/vote.schema'
import type { MessageKey } from '../../../shared/i18n'
import type { ProjectId } from '../../../shared/protocol/ids'

/** A vote being edited; `draftInput` makes it what vote:create / vote:update take. */
export interface VoteDraft {
  title: string
  rules: VoteRules
  /**
   * Project ids, in ballot order (the projects' order). Kept while the kind is motion, so a
   * switch to motion and back loses no ticks; a motion is sent without them.
   */
  candidateIds: ProjectId[]
  /** The motion's own text, used while the kind is motion. */
  motion: MotionText
}

export const presetKinds: readonly VoteKind[] = ['select', 'per-item', 'motion', 'rating']

export const presetTitleKey: Record<VoteKind, MessageKey> = {
  select: 'console.voteTitle.default',
  'per-item': 'prep.preset.title.per-item',
  motion: 'prep.preset.title.motion',
  rating: 'prep.preset.title.rating',
}

export const blankMotion = (title = ''): MotionText => ({ title, docNumber: '', summary: '' })

/** 差额: a few more candidates than seats, as congresses usually set it (13选10). */
export function defaultSeats(candidates: number): number {
  return Math.max(1, candidates - 3)
}

/** The rules a preset starts from; the kind's other fields are reset to their defaults. */
export function presetRules(kind: VoteKind, candidates: number): VoteRules {
  return defaultRules(kind, seatedKinds.includes(kind) ? defaultSeats(candidates) : null)
}

/** A new vote from a preset: every project is a candidate; a motion is its own text instead. */
export function presetDraft(
  kind: VoteKind,
  projects: readonly Project[],
  title: string,
  motionTitle = '',
): VoteDraft {
  const candidateIds = kind === 'motion' ? [] : projects.map((p) => p.id)
  return {
    title,
    rules: presetRules(kind, candidateIds.length),
    candidateIds,
    motion: blankMotion(motionTitle),
  }
}

/** Changing the kind keeps the shared rules (threshold, time limit…) and resets the rest. */
export function changeKind(draft: VoteDraft, kind: VoteKind): VoteDraft {
  const fresh = presetRules(kind, draft.candidateIds.length)
  return { ...draft, rules: { ...draft.rules, kind, seats: fresh.seats, maxFor: null } }
}

/** How many items the ballot will have: the motion is one. */
export function ballotSize(draft: VoteDraft): number {
  return draft.rules.kind === 'motion' ? 1 : draft.candidateIds.length
}

/** What the host takes: a motion its text and no projects, any other kind its projects. */
export function draftInput(draft: VoteDraft): VoteCreateInput {
  const motion = draft.rules.kind === 'motion'
  return {
    title: draft.title,
    rules: draft.rules,
    candidateIds: motion ? [] : draft.candidateIds,
    motion: motion ? draft.motion : null,
  }
}
