/**
 * Quitting, decided as a pure step function so every path is tested: main calls it on each
 * quit request and again after each answer or flush, and does what it says.
 */
export interface QuitState {
  /** The vote open now, as the host last reported it. */
  openVote: { id: string; title: string } | null
  /** The host's utility process is alive and can be asked to stop cleanly. */
  hostRunning: boolean
  /** What staff answered to the "a vote is open" question, if it was asked. */
  answer: 'none' | 'quit' | 'stay'
  /** The host has closed its sockets and files (or the flush timed out). */
  flushed: boolean
}

export type QuitStep =
  /** Ask staff first: tablets are voting. */
  | { step: 'ask'; voteTitle: string }
  /** Ask the host to close cleanly, then come back with flushed: true. */
  | { step: 'flush' }
  | { step: 'exit' }
  | { step: 'stay' }

export function nextQuitStep(state: QuitState): QuitStep {
  if (state.answer === 'stay') return { step: 'stay' }
  if (state.openVote && state.answer === 'none') {
    return { step: 'ask', voteTitle: state.openVote.title }
  }
  if (state.hostRunning && !state.flushed) return { step: 'flush' }
  return { step: 'exit' }
}

/** Long enough for the last ballot write to reach the disk; short enough not to hang a quit. */
export const flushTimeoutMs = 5_000

/** Changing the data folder swaps the store under the host, which must never happen mid-vote. */
export type DataFolderChange =
  | { change: 'refused'; reason: 'vote-open' }
  | { change: 'unchanged' }
  | { change: 'switch'; dataDir: string }

export function decideDataFolderChange(
  openVote: { id: string } | null,
  current: string,
  chosen: string | null,
): DataFolderChange {
  if (openVote) return { change: 'refused', reason: 'vote-open' }
  if (chosen === null || chosen === current) return { change: 'unchanged' }
  return { change: 'switch', dataDir: chosen }
}

/** The power-save blocker follows the open vote: start when one opens, stop when none is. */
export function powerSaveChange(blocking: boolean, voteOpen: boolean): 'start' | 'stop' | null {
  if (voteOpen && !blocking) return 'start'
  if (!voteOpen && blocking) return 'stop'
  return null
}
