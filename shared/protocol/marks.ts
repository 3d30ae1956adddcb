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
