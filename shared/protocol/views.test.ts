import { describe, expect, it } from 'vitest'
import type { DeputyBallotView, DeputyState } from './views'
import { withHall } from './views'
import type { ProjectId, VoteId } from './ids'

const ballot = (id: string): DeputyBallotView => ({
  id: id as VoteId,
  title: id,
  kind: 'select',
  seats: 1,
  maxFor: null,
  allowChange: false,
  paper: false,
  candidates: [{ id: 'P01' as ProjectId, title: 'P01' }],
  motion: null,
  progress: null,
  remainingMs: null,
})
const mine: DeputyState = {
  meetingTitle: '第一次会议',
  rehearsal: false,
  me: { name: '张三', delegation: '城关', seat: '1排1号' },
  vote: ballot('V1'),
  ended: null,
  voted: true,
  onLeave: false,
}

describe('withHall', () => {
  it('keeps who the tablet belongs to and its vote while the same vote stays open', () => {
    const next = withHall(mine, {
      meetingTitle: '改名后的会议',
      vote: ballot('V1'),
      ended: null,
      rehearsal: false,
    })
    expect(next).toEqual({ ...mine, meetingTitle: '改名后的会议' })
  })

  it('forgets the ballot when another vote opens or none is open', () => {
    expect(
      withHall(mine, {
        meetingTitle: mine.meetingTitle,
        vote: ballot('V2'),
        ended: null,
        rehearsal: false,
      }),
    ).toMatchObject({
      me: mine.me,
      vote: { id: 'V2' },
      voted: false,
    })
    expect(
      withHall(mine, {
        meetingTitle: mine.meetingTitle,
        vote: null,
        ended: null,
        rehearsal: false,
      }),
    ).toMatchObject({
      vote: null,
      voted: false,
    })
  })
})
