/**
 * When the host's utility process dies, restart it with a growing pause, and give up when it
 * keeps dying: a host that crashes on every start (a broken data folder, a port taken by
 * another program) must not spin the laptop's fan while the staff wonder what is going on.
 */
export interface RestartPolicy {
  /** This many crashes inside `windowMs` and the shell stops restarting. */
  maxCrashes: number
  windowMs: number
  /** The pause before the first restart; doubled for every further crash in the window. */
  baseDelayMs: number
  maxDelayMs: number
}

export const defaultRestartPolicy: RestartPolicy = {
  maxCrashes: 5,
  windowMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
}

export type RestartDecision =
  | { action: 'restart'; delayMs: number; attempt: number; crashes: number[] }
  | { action: 'give-up'; crashesInWindow: number; crashes: number[] }

/**
 * Decides what to do after a crash at `now`, given the earlier crash times. Returns the crash
 * list to keep (old crashes fall out of the window, so a host that crashed yesterday and today
 * is restarted like a fresh one).
 */
export function decideRestart(
  earlierCrashes: readonly number[],
  now: number,
  policy: RestartPolicy = defaultRestartPolicy,
): RestartDecision {
  const crashes = [...earlierCrashes.filter((t) => now - t < policy.windowMs && t <= now), now]
  if (crashes.length >= policy.maxCrashes) {
    return { action: 'give-up', crashesInWindow: crashes.length, crashes }
  }
  const attempt = crashes.length
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return { action: 'restart', delayMs, attempt, crashes }
}
