import type { Ack } from '../envelope'
import type { ScrutineersSetInput } from '../scrutineers.schema'

/** The console's scrutineers (监票): recorded, then approved by the hall (通过). */
export interface ConsoleScrutineerEvents {
  /** The whole list; an approved one goes back to awaiting approval. */
  'scrutineers:set': (input: ScrutineersSetInput, ack: Ack<null>) => void
  /** The hall approved the list as it stands. */
  'scrutineers:approve': (input: Record<string, never>, ack: Ack<null>) => void
}
