import type { BallotEntry } from '../../../../shared/protocol/ballot-box.schema'
import type { DeputyId } from '../../../../shared/protocol/ids'

/**
 * An open vote's box as its newest slot holds it: read back by slot-reader.ts, checked by
 * verify.ts, loaded by ballot-box.store.ts. A leaf of its own so that none of them imports
 * another for its shape.
 */
export interface OpenBoxData {
  ballots: BallotEntry[]
  voters: VoterEntry[]
}

/** A deputy who voted, as an open box keeps them: the ballot id's hash and the content's ref. */
export type VoterEntry = [deputyId: DeputyId, ballotHash: string, contentRef: string]
