import { describe, expect, expectTypeOf, it } from 'vitest'
import type { BallotId, DeputyId, ProjectId, VoteId } from './ids'
import { ballotIdSchema, deputyIdSchema } from './ids'
import { deputyIdInputSchema, projectInputSchema } from './preparation.schema'
import { ballotSubmitInputSchema, voteIdInputSchema } from './vote.schema'
import { screenAfter } from '../rules/vote-lifecycle'

/**
 * The schemas make each kind of id with its brand (type-only: the string is unchanged), and the
 * brands do not mix. Checked by `tsc -p .`; see electron/host/branded-ids.test.ts for the host.
 */

describe('ids from the schemas', () => {
  it('are branded by kind, and the same strings at run time', () => {
    const { voteId } = voteIdInputSchema.parse({ voteId: 'V1' })
    const { deputyId } = deputyIdInputSchema.parse({ deputyId: 'D001' })
    const ballot = ballotSubmitInputSchema.parse({ voteId: 'V1', ballotId: 'ballot-01', marks: {} })
    const project = projectInputSchema.parse({ id: 'P01', title: '项目' })
    expectTypeOf(voteId).toEqualTypeOf<VoteId>()
    expectTypeOf(deputyId).toEqualTypeOf<DeputyId>()
    expectTypeOf(ballot.ballotId).toEqualTypeOf<BallotId>()
    expectTypeOf(project.id).toEqualTypeOf<ProjectId>()
    expect([voteId, deputyId, ballot.ballotId, project.id]).toEqual([
      'V1',
      'D001',
      'ballot-01',
      'P01',
    ])
    expect(deputyIdSchema.safeParse('').success).toBe(false)
    expect(ballotIdSchema.safeParse('short').success).toBe(false)
  })

  it('do not mix (each line below is a type error the check expects)', () => {
    const voteId = voteIdInputSchema.parse({ voteId: 'V1' }).voteId
    const deputyId = deputyIdSchema.parse('D001')
    const screen = { stage: 'welcome' as const, voteId: null }
    expect(screenAfter(screen, voteId, { screen: 'voting' })).toEqual({ stage: 'voting', voteId })
    // @ts-expect-error the projector's stage names a vote, not a deputy
    screenAfter(screen, deputyId, { screen: 'voting' })
    // @ts-expect-error nor a plain string
    screenAfter(screen, 'V1', { screen: 'voting' })
    const asVote = (id: VoteId) => id
    // @ts-expect-error a deputy's id is no vote's
    asVote(deputyId)
  })
})
