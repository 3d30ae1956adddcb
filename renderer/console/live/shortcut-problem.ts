import type { MessageKey } from '../../../shared/i18n'
import type { ConsoleState, ConsoleVoteView } from '../../../shared/protocol/views'

/** The presenter's keys that act on the vote in hand (Alt+K only moves the focus). */
export type ShortcutAction = 'open' | 'close' | 'publish' | 'remind'

/** Why a key did nothing, as a message and its parameters (the status still to be translated). */
export interface ShortcutProblem {
  key: MessageKey
  params: { title?: string; status?: ConsoleVoteView['status']; other?: string }
}

/**
 * Why the presenter's key for `action` cannot act on `vote` now, or null when it can. Mirrors
 * when VoteActions and the remind button are enabled, so a key that does nothing says why
 * (Alt+P on an open vote, Alt+C on a closed one) instead of doing nothing in silence. Asked only
 * when the key's button is missing or disabled: a draft without a quorum is then held by its
 * reason for opening, which lives in the form, not in the state.
 */
export function shortcutProblem(
  action: ShortcutAction,
  vote: ConsoleVoteView | null,
  state: Pick<ConsoleState, 'votes' | 'attendance' | 'live'>,
  connected: boolean,
): ShortcutProblem | null {
  if (!connected) return { key: 'live.key.offline', params: {} }
  if (!vote) return { key: 'live.key.noVote', params: {} }
  const about = { title: vote.title, status: vote.status }
  const heldByDamage = Boolean(vote.boxDamage && !vote.boxDamage.acknowledgedAt)
  switch (action) {
    case 'open': {
      if (vote.status !== 'draft') return { key: 'live.key.open.notDraft', params: about }
      const other = state.votes.find((v) => v.status === 'open' && v.id !== vote.id)
      if (other) return { key: 'live.key.open.another', params: { other: other.title } }
      if (!state.attendance.quorumMet) return { key: 'live.key.open.reason', params: {} }
      return null
    }
    case 'close':
      if (vote.status === 'closed') return { key: 'live.key.close.closed', params: about }
      if (vote.status !== 'open') return { key: 'live.key.close.notOpen', params: about }
      return heldByDamage ? { key: 'live.key.damaged', params: about } : null
    case 'publish':
      if (vote.status === 'open') return { key: 'live.key.publish.open', params: about }
      if (vote.status !== 'closed') return { key: 'live.key.publish.notClosed', params: about }
      return heldByDamage ? { key: 'live.key.damaged', params: about } : null
    case 'remind':
      if (vote.status !== 'open') return { key: 'live.key.remind.notOpen', params: about }
      if (state.live?.voteId === vote.id && state.live.notVotedIds.length === 0)
        return { key: 'live.key.remind.allVoted', params: {} }
      return null
  }
}
