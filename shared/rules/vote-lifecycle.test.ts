import { describe, expect, it } from 'vitest'
import type { VoteStatus } from '../protocol/vote.schema'
import { voteStatuses } from '../protocol/vote.schema'
import { defaultRules } from '../protocol/vote-rules.schema'
import type { VoteAction, VoteStep } from './vote-lifecycle'
import { draftAgain, screenAfter, voteActions, voteStates, voteStep } from './vote-lifecycle'
import type { ProjectId, VoteId } from '../protocol/ids'

/**
 * Every action in every state: the state it leads to ('=' stays, 'already' done before), or
 * the code it is refused with. The codes are those the services answered before the table.
 */
const expected: Record<VoteAction, Record<VoteStatus, string>> = {
  // prettier-ignore
  edit:      { draft: '=',      open: 'vote-not-draft', closed: 'vote-not-draft',  published: 'vote-not-draft',  annulled: 'vote-not-draft' },
  // prettier-ignore
  remove:    { draft: '=',      open: 'vote-not-draft', closed: 'vote-not-draft',  published: 'vote-not-draft',  annulled: 'vote-not-draft' },
  // prettier-ignore
  open:      { draft: 'open',   open: 'vote-not-draft', closed: 'vote-not-draft',  published: 'vote-not-draft',  annulled: 'vote-not-draft' },
  // prettier-ignore
  ballot:    { draft: 'vote-not-open', open: '=',       closed: 'vote-not-open',   published: 'vote-not-open',   annulled: 'vote-not-open' },
  // prettier-ignore
  paper:     { draft: 'vote-not-open', open: '=',       closed: 'vote-not-open',   published: 'vote-not-open',   annulled: 'vote-not-open' },
  // prettier-ignore
  remind:    { draft: 'vote-not-open', open: '=',       closed: 'vote-not-open',   published: 'vote-not-open',   annulled: 'vote-not-open' },
  // prettier-ignore
  close:     { draft: 'vote-not-open', open: 'closed',  closed: 'vote-not-open',   published: 'vote-not-open',   annulled: 'vote-not-open' },
  // prettier-ignore
  publish:   { draft: 'vote-not-closed', open: 'vote-not-closed', closed: 'published', published: 'vote-not-closed', annulled: 'vote-not-closed' },
  // prettier-ignore
  annul:     { draft: 'vote-not-open', open: 'annulled', closed: 'annulled',   published: 'annulled',        annulled: 'already' },
  // prettier-ignore
  runoff:    { draft: 'vote-not-closed', open: 'vote-not-closed', closed: '=', published: '=',               annulled: 'vote-not-closed' },
  // prettier-ignore
  revote:    { draft: 'vote-not-annulled', open: 'vote-not-annulled', closed: 'vote-not-annulled', published: 'vote-not-annulled', annulled: '=' },
  // prettier-ignore
  'acknowledge-box': { draft: '=', open: '=',           closed: '=',               published: '=',               annulled: '=' },
}

function outcome(step: ReturnType<typeof voteStep>): string {
  if (!step.ok) return step.code
  if (step.already) return 'already'
  return step.to === step.from ? '=' : step.to
}

const sound = { title: '项目票决', boxDamage: null }
const damaged = {
  title: '项目票决',
  boxDamage: { detail: '槽文件缺失', foundAt: '2027-01-10T09:00:00Z', acknowledgedAt: null },
}
const acknowledged = {
  ...damaged,
  boxDamage: { ...damaged.boxDamage, acknowledgedAt: '2027-01-10T09:05:00Z' },
}

describe('the vote lifecycle', () => {
  it('lists every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...voteActions].sort())
  })

  for (const action of voteActions) {
    for (const status of voteStatuses) {
      it(`${action} in ${status}: ${expected[action][status]}`, () => {
        const step = voteStep({ ...sound, status }, action)
        expect(outcome(step)).toBe(expected[action][status])
        if (!step.ok) expect(step.detail).toBe('项目票决')
        // An acknowledged damage holds nothing up.
        expect(outcome(voteStep({ ...acknowledged, status }, action))).toBe(outcome(step))
      })
    }
  }

  it('holds the close and the publication while a damaged box awaits staff, and nothing else', () => {
    const held = voteActions.flatMap((action) =>
      voteStatuses
        .filter((status) => {
          const before = outcome(voteStep({ ...sound, status }, action))
          const after = outcome(voteStep({ ...damaged, status }, action))
          if (after !== before) expect(after).toBe('box-damaged')
          return after !== before
        })
        .map((status) => `${action} in ${status}`),
    )
    expect(held).toEqual(['close in open', 'publish in closed'])
    // A state refusal is named before the damage.
    expect(voteStep({ ...damaged, status: 'draft' }, 'close')).toMatchObject({
      code: 'vote-not-open',
    })
  })

  it('says what each transition causes', () => {
    const causes = (status: VoteStatus, action: VoteAction) => {
      const step = voteStep({ ...sound, status }, action) as VoteStep
      return {
        locksRules: step.locksRules,
        sealsBox: step.sealsBox,
        archive: step.archive,
        screen: step.screen,
      }
    }
    const none = { locksRules: false, sealsBox: false, archive: null, screen: null }
    expect(causes('draft', 'open')).toEqual({ ...none, locksRules: true, screen: 'voting' })
    expect(causes('open', 'close')).toEqual({ ...none, sealsBox: true, archive: 'close' })
    expect(causes('closed', 'publish')).toEqual({ ...none, archive: 'publish', screen: 'results' })
    const annul = { ...none, archive: 'annul', screen: 'results' }
    expect(causes('open', 'annul')).toEqual({ ...annul, sealsBox: true })
    expect(causes('closed', 'annul')).toEqual(annul)
    expect(causes('published', 'annul')).toEqual(annul)
    expect(causes('annulled', 'annul')).toEqual(none)
    for (const action of [
      'edit',
      'remove',
      'ballot',
      'paper',
      'remind',
      'runoff',
      'revote',
    ] as const) {
      const from = voteStatuses.find((s) => voteStep({ ...sound, status: s }, action).ok)!
      expect(causes(from, action)).toEqual(none)
    }
  })

  it('writes an archive on entering exactly the states that have one', () => {
    const written = voteActions.flatMap((action) =>
      voteStatuses.flatMap((status) => {
        const step = voteStep({ ...sound, status }, action)
        return step.ok && step.archive ? [`${step.to}: ${step.archive}`] : []
      }),
    )
    expect(written).toEqual([
      'closed: close',
      'published: publish',
      'annulled: annul',
      'annulled: annul',
      'annulled: annul',
    ])
    expect(voteStatuses.filter((s) => voteStates[s].archive)).toEqual([
      'closed',
      'published',
      'annulled',
    ])
  })

  it('keeps one state taking ballots, and locks rules in every state after the draft', () => {
    expect(voteStatuses.filter((s) => voteStates[s].takesBallots)).toEqual(['open'])
    expect(voteStatuses.filter((s) => !voteStates[s].rulesLocked)).toEqual(['draft'])
    expect(voteStatuses.filter((s) => !voteStates[s].hasBox)).toEqual(['draft'])
    expect(voteStatuses.filter((s) => voteStates[s].resultPublic)).toEqual(['published'])
    expect(voteStatuses.filter((s) => voteStates[s].voided)).toEqual(['annulled'])
  })

  it('moves the screen to the vote, or off it only when it shows it', () => {
    const V1 = 'V1' as VoteId
    const V2 = 'V2' as VoteId
    const showing = { stage: 'results' as const, voteId: V1 }
    const other = { stage: 'voting' as const, voteId: V2 }
    expect(screenAfter(other, V1, { screen: 'voting' })).toEqual({
      stage: 'voting',
      voteId: 'V1',
    })
    expect(screenAfter(other, V1, { screen: 'results' })).toEqual({
      stage: 'results',
      voteId: 'V1',
    })
    expect(screenAfter(showing, V1, { screen: 'leave' })).toEqual({
      stage: 'welcome',
      voteId: null,
    })
    expect(screenAfter(other, V1, { screen: 'leave' })).toBe(other)
    expect(screenAfter(other, V1, { screen: null })).toBe(other)
  })

  it('makes a vote a draft again with its plan and nothing of its run', () => {
    const plan = {
      id: 'V1' as VoteId,
      title: '项目票决',
      rules: defaultRules('select', 2),
      candidates: [{ id: 'P01' as ProjectId, title: '项目一' }],
      runoffOf: 'V0' as VoteId,
    }
    const run = {
      status: 'annulled' as const,
      openedAt: '2026-01-10T09:00:00Z',
      closedAt: '2026-01-10T10:00:00Z',
      attendance: { roster: 3, present: 3, issued: 3 },
      result: null,
      paper: null,
      deadline: '2026-01-10T09:30:00Z',
      timeUp: true,
      quorumOverride: '预演',
      annulReason: '重新表决',
      boxDamage: damaged.boxDamage,
      publishedAt: '2026-01-10T09:40:00Z',
      annulledAt: '2026-01-10T10:00:00Z',
    }
    expect(draftAgain({ ...plan, ...run })).toEqual({
      ...plan,
      status: 'draft',
      openedAt: null,
      closedAt: null,
      attendance: null,
      result: null,
      paper: null,
    })
  })
})
