import { screenShowInputSchema, screenStageProblem } from '../../../shared/protocol/screen.schema'
import { screenVoteStages } from '../../../shared/protocol/views'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import type { Hall } from '../state/hall'

/** What the projector shows: staff choose the stage; vote.service also moves it on open/publish. */
export class ScreenService {
  readonly #hall: Hall

  constructor(hall: Hall) {
    this.#hall = hall
  }

  async show(raw: unknown): Promise<null> {
    const input = parseInput(screenShowInputSchema, raw)
    const session = this.#hall.session
    const data = session.meeting.data
    if (!data.meeting) throw new ServiceError('no-meeting')
    const needsVote = screenVoteStages.includes(input.stage)
    let voteId = input.voteId ?? null
    if (needsVote) {
      if (!voteId)
        throw new ServiceError('bad-request', `voteId: required for stage ${input.stage}`)
      const vote = data.votes.find((v) => v.id === voteId)
      if (!vote) throw new ServiceError('not-found', `voteId: ${voteId}`)
      const problem = screenStageProblem(input.stage, vote)
      if (problem) throw new ServiceError(problem.code, problem.detail)
    } else {
      // Stages without a vote keep the last one, so going back to it needs no reselection.
      voteId = data.screen.voteId
    }
    await session.meeting.updateAgenda((d) => {
      d.screen = { stage: input.stage, voteId }
    })
    await session.audit.append('screen.shown', { stage: input.stage, voteId })
    session.announce({ type: 'screen' })
    return null
  }
}
