import { describe, expect, it } from 'vitest'
import type { DeputyBallotView, DeputyState } from './views'
import { withHall } from './views'

const ballot = (id: string): DeputyBallotView => ({
  id,
  title: id,
  kind: 'select',
  seats: 1,
  maxFor: null,
  allowChange: false,
  candidates: [{ id: 'P01', title: 'P01' }],
  remainingMs: null,
})
const mine: DeputyState = {
  meetingTitle: '第一次会议',
  rehearsal: false,
  me: { name: '张三', delegation: '城关', seat: '1排1号' },
  vote: ballot('V1'),
  voted: true,
  onLeave: false,
}

describe('withHall', () => {
  it('keeps who the tablet belongs to and its vote while the same vote stays open', () => {
    const next = withHall(mine, {
      meetingTitle: '改名后的会议',
      rehearsal: false,
      vote: ballot('V1'),
    })
    expect(next).toEqual({ ...mine, meetingTitle: '改名后的会议' })
  })

  it('forgets the ballot when another vote opens or none is open', () => {
    expect(withHall(mine, { ...mine, vote: ballot('V2') })).toMatchObject({
      me: mine.me,
      vote: { id: 'V2' },
      voted: false,
    })
    expect(withHall(mine, { ...mine, vote: null })).toMatchObject({
      vote: null,
      voted: false,
    })
  })
})
