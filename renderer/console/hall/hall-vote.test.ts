import type { VoteId } from '../../../shared/protocol/ids'
import { describe, expect, it } from 'vitest'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { defaultVote } from './hall-vote'

const vote = (id: string, status: ConsoleVoteView['status'], openedAt: string | null = null) =>
  ({
    id: id as VoteId,
    title: id,
    rules: defaultRules('select', 1),
    candidates: [],
    status,
    openedAt,
    closedAt: null,
    attendance: null,
    result: null,
    paper: null,
    turnout: null,
    paperCount: null,
  }) satisfies ConsoleVoteView

describe('the vote a fresh hall picker starts on', () => {
  it('is the open vote, else one awaiting publication', () => {
    expect(defaultVote([vote('a', 'published', 'T1'), vote('b', 'open', 'T2')])?.id).toBe('b')
    expect(
      defaultVote([vote('a', 'closed', 'T1'), vote('b', 'closed', 'T2'), vote('c', 'draft')])?.id,
    ).toBe('b')
  })

  it('after a publish stays on the vote handled last, not the next draft', () => {
    const votes = [
      vote('first', 'published', '2027-01-10T09:00:00Z'),
      vote('second', 'annulled', '2027-01-10T10:00:00Z'),
      vote('next', 'draft'),
    ]
    expect(defaultVote(votes)?.id).toBe('second')
  })

  it('is the first draft before anything was opened, and nothing without votes', () => {
    expect(defaultVote([vote('a', 'draft'), vote('b', 'draft')])?.id).toBe('a')
    expect(defaultVote([])).toBeNull()
  })
})
