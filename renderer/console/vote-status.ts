import type { VoteStatus } from '../../shared/protocol/vote.schema'

/** One colour per vote status, the same on the agenda and in the hall. */
export const statusColor = {
  draft: 'gray',
  open: 'green',
  closed: 'orange',
  published: 'blue',
  annulled: 'red',
} as const satisfies Record<VoteStatus, string>
