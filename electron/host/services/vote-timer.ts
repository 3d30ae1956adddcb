import type { Hall } from '../state/hall'
import type { VoteService } from './vote.service'
import type { VoteId } from '../../../shared/protocol/ids'

/** setTimeout's ceiling (about 24.8 days); a longer limit is re-armed when it fires. */
const maxDelay = 2 ** 31 - 1

/**
 * The time limit of the open vote, driven from the deadline stored at open: after a restart the
 * timer is armed again from the same deadline (or fires at once if it passed while the host was
 * down). On expiry it closes the vote or, for `warn`, marks it time-up for the staff.
 */
export class VoteTimer {
  readonly #hall: Hall
  readonly #votes: VoteService
  readonly #log: (line: string) => void
  #timer: NodeJS.Timeout | null = null
  #armed = ''
  readonly #sync = () => this.sync()

  constructor(hall: Hall, votes: VoteService, log: (line: string) => void) {
    this.#hall = hall
    this.#votes = votes
    this.#log = log
  }

  start(): void {
    this.#hall.on('change', this.#sync)
    this.sync()
  }

  stop(): void {
    this.#hall.off('change', this.#sync)
    this.#clear()
  }

  /** Arms the timer for the open vote's deadline, if it changed. */
  sync(): void {
    const vote = this.#hall.session.openVote()
    const deadline = vote?.deadline && !vote.timeUp ? vote.deadline : null
    const key = vote && deadline ? `${vote.id}@${deadline}` : ''
    if (key === this.#armed) return
    this.#clear()
    this.#armed = key
    if (!vote || !deadline) return
    const wait = Math.min(maxDelay, Math.max(0, Date.parse(deadline) - Date.now()))
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#armed = ''
      this.#expire(vote.id, deadline).then(
        () => this.sync(),
        (error: unknown) => this.#log(`vote timer: ${String(error)}`),
      )
    }, wait)
  }

  async #expire(voteId: VoteId, deadline: string): Promise<void> {
    const session = this.#hall.session
    const vote = session.openVote()
    if (vote?.id !== voteId || vote.deadline !== deadline) return
    if (Date.parse(deadline) > Date.now()) return
    if (vote.rules.timeLimit?.onExpiry === 'close') {
      await this.#votes.close(voteId, 'timer')
      return
    }
    await session.meeting.updateVote(voteId, (v) => {
      v.timeUp = true
    })
    await session.audit.append('vote.time-up', { voteId, deadline })
    session.announce({ type: 'meeting' })
  }

  #clear(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#armed = ''
  }
}
