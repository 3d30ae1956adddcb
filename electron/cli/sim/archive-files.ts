import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BallotEntry } from '../../../shared/protocol/ballot-box.schema'

/** The open meeting's folder inside a data folder. */
export async function meetingDir(dataDir: string): Promise<string> {
  const library = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as {
    active: string
  }
  return join(dataDir, 'meetings', library.active)
}

/**
 * The ballots of a closed vote's archive. The host writes the archive just after it acknowledged
 * the close, so this waits for the file (up to `timeoutMs`) rather than reading too early.
 */
export async function archivedBallots(
  dataDir: string,
  voteId: string,
  timeoutMs = 60_000,
): Promise<BallotEntry[]> {
  const file = join(await meetingDir(dataDir), 'archive', voteId, 'ballot-box.json')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return (JSON.parse(await readFile(file, 'utf8')) as { ballots: BallotEntry[] }).ballots
    } catch (error) {
      // Not there yet, or caught between the temp file and its rename: try again shortly.
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}
