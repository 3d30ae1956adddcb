import { access, readFile } from 'node:fs/promises'
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
  return await waitFor(timeoutMs, async () => {
    // Not there yet, or caught between the temp file and its rename: throws, and is tried again.
    return (JSON.parse(await readFile(file, 'utf8')) as { ballots: BallotEntry[] }).ballots
  })
}

/**
 * Resolves once a closed vote's report documents are in its archive: the last of the archive
 * the host writes, in a worker thread whose memory counts as the host's. Each file appears by a
 * rename, whole.
 */
export async function archivedDocuments(
  dataDir: string,
  voteId: string,
  timeoutMs = 60_000,
): Promise<void> {
  const dir = join(await meetingDir(dataDir), 'archive', voteId)
  await waitFor(timeoutMs, () =>
    Promise.all(['report.pdf', 'results.xlsx'].map((name) => access(join(dir, name)))),
  )
}

/** `attempt`'s value once it stops throwing, trying every 50 ms; its last error after the time. */
async function waitFor<T>(timeoutMs: number, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await attempt()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}
