/**
 * Vote kinds and ballot marks as plain constants, apart from their zod schemas, so the tablet
 * page can use them without shipping zod to every tablet.
 */
export const voteKinds = ['select', 'per-item', 'motion', 'rating'] as const
export type VoteKind = (typeof voteKinds)[number]

export const marks = ['for', 'against', 'abstain', 'satisfied', 'basic', 'unsatisfied'] as const
export type Mark = (typeof marks)[number]

/** Marks a ballot of each kind may carry; anything else is malformed input, not an invalid ballot. */
export const allowedMarks: Readonly<Record<VoteKind, readonly Mark[]>> = {
  select: ['for'],
  'per-item': ['for', 'against', 'abstain'],
  motion: ['for', 'against', 'abstain'],
  rating: ['satisfied', 'basic', 'unsatisfied', 'abstain'],
}

type Marks = Readonly<Record<string, Mark>>

/**
 * The mark a ballot gives an item, read as an own key only: on an empty ballot `marks.toString`
 * or `marks.constructor` is Object.prototype's, and must not read as marked.
 */
export function markOf(marks: Marks, id: string): Mark | undefined {
  return Object.hasOwn(marks, id) ? marks[id] : undefined
}

/** The ballot with `id` marked: a computed key is always an own key, even `__proto__`. */
export function withMark(marks: Marks, id: string, mark: Mark): Record<string, Mark> {
  return { ...marks, [id]: mark }
}

export function withoutMark(marks: Marks, id: string): Record<string, Mark> {
  const { [id]: _removed, ...rest } = marks
  return rest
}

/** The items a ballot marks, in ballot order, with their marks: what the tablet's review lists. */
export function markedItems<C extends { id: string }>(
  candidates: readonly C[],
  marks: Marks,
): { candidate: C; mark: Mark }[] {
  const out: { candidate: C; mark: Mark }[] = []
  for (const candidate of candidates) {
    const mark = markOf(marks, candidate.id)
    if (mark !== undefined) out.push({ candidate, mark })
  }
  return out
}
