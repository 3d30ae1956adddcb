import type { ConsolePaperEvents } from '../../../../shared/protocol/console/paper.events'
import type { PaperCountService } from '../../services/paper-count.service'
import type { Handlers } from '../handle'

export function paperHandlers(paper: PaperCountService): Handlers<ConsolePaperEvents> {
  return {
    'paper:start': (input) => paper.start(input),
    'paper:tallies': (input) => paper.tallies(input),
    'paper:begin': (input) => paper.begin(input),
    'paper:entry': (input) => paper.entry(input),
    'paper:type': (input) => paper.type(input),
    'paper:finish': (input) => paper.finish(input),
    'paper:resolve': (input) => paper.resolve(input),
    'paper:move': (input) => paper.move(input),
  }
}
