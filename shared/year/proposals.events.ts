import type { Ack } from '../protocol/envelope'
import type { ProposalsGroupInput, ProposalsUngroupInput } from './proposals'

/** 点单 / 选单: citizens' proposals imported (uploaded over HTTP, confirmed here) and grouped. */
export interface ConsoleProposalsEvents {
  'proposals:confirm': (input: { previewId: string }, ack: Ack<{ proposals: number }>) => void
  /** Under a project; one under another project moves only with `move`. */
  'proposals:group': (
    input: ProposalsGroupInput,
    ack: Ack<{ grouped: number; moved: number }>,
  ) => void
  /** Out of whatever project holds them (未归类). */
  'proposals:ungroup': (input: ProposalsUngroupInput, ack: Ack<{ ungrouped: number }>) => void
}
