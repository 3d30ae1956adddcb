import type { DeputyId, VoteId } from '../../../shared/protocol/ids'
import { describe, expect, it } from 'vitest'
import type { ConsoleState, ConsoleVoteView } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { shortcutProblem } from './shortcut-problem'

const vote = (
  id: string,
  status: ConsoleVoteView['status'],
  extra: Partial<ConsoleVoteView> = {},
) =>
  ({
    id: id as VoteId,
    title: `表决${id}`,
    rules: defaultRules('select', 1),
    candidates: [],
    status,
    openedAt: null,
    closedAt: null,
    attendance: null,
    result: null,
    paper: null,
    turnout: null,
    paperCount: null,
    ...extra,
  }) satisfies ConsoleVoteView

const state = (
  votes: ConsoleVoteView[],
  quorumMet = true,
  live: ConsoleState['live'] = null,
): Pick<ConsoleState, 'votes' | 'attendance' | 'live'> => ({
  votes,
  attendance: {
    roster: 3,
    present: quorumMet ? 3 : 0,
    absent: 0,
    leave: 0,
    quorum: { numerator: 2, denominator: 3 },
    quorumNeeded: 2,
    quorumMet,
  },
  live,
})

describe('why a presenter key did nothing', () => {
  it('Alt+P on an open vote: close it first; Alt+C on a closed one: it awaits publication', () => {
    const open = vote('A', 'open')
    expect(shortcutProblem('publish', open, state([open]), true)).toEqual({
      key: 'live.key.publish.open',
      params: { title: '表决A', status: 'open' },
    })
    const closed = vote('A', 'closed')
    expect(shortcutProblem('close', closed, state([closed]), true)?.key).toBe(
      'live.key.close.closed',
    )
    expect(shortcutProblem('publish', closed, state([closed]), true)).toBeNull()
    expect(shortcutProblem('close', open, state([open]), true)).toBeNull()
  })

  it('names the other open vote, the missing reason, a damaged box, the lost connection', () => {
    const a = vote('A', 'draft')
    const b = vote('B', 'open')
    expect(shortcutProblem('open', a, state([a, b]), true)).toEqual({
      key: 'live.key.open.another',
      params: { other: '表决B' },
    })
    expect(shortcutProblem('open', a, state([a], false), true)?.key).toBe('live.key.open.reason')
    expect(shortcutProblem('open', a, state([a]), true)).toBeNull()
    const damaged = vote('C', 'open', {
      boxDamage: { detail: 'x', foundAt: 'T', acknowledgedAt: null },
    })
    expect(shortcutProblem('close', damaged, state([damaged]), true)?.key).toBe('live.key.damaged')
    expect(shortcutProblem('close', b, state([b]), false)?.key).toBe('live.key.offline')
    expect(shortcutProblem('publish', null, state([]), true)?.key).toBe('live.key.noVote')
  })

  it('Alt+R: only an open vote with someone yet to vote', () => {
    const a = vote('A', 'published')
    expect(shortcutProblem('remind', a, state([a]), true)?.key).toBe('live.key.remind.notOpen')
    const b = vote('B', 'open')
    const allIn = { voteId: 'B' as VoteId, byDelegation: [], notVotedIds: [] as DeputyId[] }
    expect(shortcutProblem('remind', b, state([b], true, allIn), true)?.key).toBe(
      'live.key.remind.allVoted',
    )
    const someLeft = { ...allIn, notVotedIds: ['D001' as DeputyId] }
    expect(shortcutProblem('remind', b, state([b], true, someLeft), true)).toBeNull()
  })
})
