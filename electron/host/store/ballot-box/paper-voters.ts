import type { DeputyId } from '../../../../shared/protocol/ids'

/**
 * A paper ballot of the paper count belongs to no deputy: the box keeps it under a place-holder
 * voter named by its batch and its place in the stack, `~paper-3-7`, so the box adds up as it
 * always has (one ballot per voter: verify.ts, the sealed file) and a restart finds which
 * batches are already in it (a merge is one write of the box). No deputy id holds a `~`
 * (new-ids.ts mints `D…`); the names say nothing of whose the papers were, and sealed they are
 * a sorted list apart from the ballots, like every voter.
 */
const PREFIX = '~paper-'

export function paperVoterId(batch: number, index: number): DeputyId {
  return `${PREFIX}${batch}-${index}` as DeputyId
}

/** The batch a place-holder voter belongs to, or null for a deputy. */
export function paperBatchOf(voterId: string): number | null {
  if (!voterId.startsWith(PREFIX)) return null
  const batch = Number.parseInt(voterId.slice(PREFIX.length), 10)
  return Number.isInteger(batch) ? batch : null
}

/** The paper count's batches in a box (batch → papers), counted from their place-holder voters. */
export class PaperBatches extends Map<number, number> {
  countVoters(voterIds: Iterable<string>): void {
    for (const id of voterIds) {
      const batch = paperBatchOf(id)
      if (batch !== null) this.set(batch, (this.get(batch) ?? 0) + 1)
    }
  }

  /** Papers of the paper count in the box (tablets' and single paper entries' are the rest). */
  get ballots(): number {
    let n = 0
    for (const count of this.values()) n += count
    return n
  }
}
