import { unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { BallotEntry } from '../../../../shared/protocol/ballot-box.schema'
import { DurableJsonFile, previousOf } from '../json-files/durable-json-file'
import { verifyBallotBoxFile } from './verify'
import type { DeputyId } from '../../../../shared/protocol/ids'

/**
 * One box per vote: while the vote is open, three slot files written a region at a time and
 * encrypted under the vote's key (ballot-box-slots.ts, box-cipher.ts); once it closes, sealed
 * into one file of this shape and the key destroyed. Secret by construction: the ballots are a
 * multiset (content → count) in canonical order, who voted is a sorted set, and the ballots'
 * ids (so that a tablet's resend after the close is recognised) are a sorted set of their
 * hashes, keyed by no one. Nothing in it ties a deputy to a ballot's content.
 */
export interface BallotBoxFile {
  version: 2
  voteId: string
  ballots: BallotEntry[]
  voted: DeputyId[]
  /** SHA-256 of each counted ballot's id (made by its tablet), sorted: one per voter. */
  received: string[]
}

/**
 * A sealed box as hosts wrote it before 2026-12: per deputy, a hash of the ballot's id and a
 * commitment to its content, which with the tablet's id proved how the deputy voted. Read once
 * and rewritten as version 2.
 */
interface BallotBoxFileV1 {
  version: 1
  voteId: string
  ballots: BallotEntry[]
  voted: DeputyId[]
  receipts: Record<string, string>
  commitments: Record<string, string>
}

/** A vote's sealed file, `ballots/<vote>.json`, as either version reads. */
export type SealedFile = DurableJsonFile<BallotBoxFile | BallotBoxFileV1>

export function sealedFile(dir: string, voteId: string): SealedFile {
  return new DurableJsonFile<BallotBoxFile | BallotBoxFileV1>(
    join(dir, `${voteId}.json`),
    verifyBallotBoxFile(voteId),
  )
}

/**
 * A sealed box's content as version 2, and whether it was read as version 1: such a file kept
 * who cast which ballot's id, which with the tablet's id told how, and is to be rewritten at
 * once (rewriteSealed). Null when the vote has no sealed file.
 */
export async function readSealed(
  file: SealedFile,
): Promise<{ box: BallotBoxFile; upgraded: boolean } | null> {
  const data = await file.read()
  if (!data) return null
  if (data.version === 2) return { box: data, upgraded: false }
  const { voteId, ballots, voted } = data
  const received = Object.values(data.receipts).sort()
  return { box: { version: 2, voteId, ballots, voted, received }, upgraded: true }
}

/** Writes the box over a version 1 file, and removes that file's previous copy. */
export async function rewriteSealed(file: SealedFile, box: BallotBoxFile): Promise<void> {
  await file.write(box)
  await unlink(previousOf(file.file)).catch(() => undefined)
}
