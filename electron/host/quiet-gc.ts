/**
 * A full collection of the host's heap now, when the host runs with `--expose-gc` (its heap
 * flags, heap-flags.ts), else nothing.
 *
 * Called as a vote opens, before the tablets are told: nobody is voting yet, and the old
 * generation that check-in filled (thousands of tablets' sockets) is collected then, with room
 * left after it, rather than in the middle of the vote. Measured at 3,000 tablets: without it, a
 * collection of the old generation often fell in the ten seconds of voting, holding the event
 * loop ~60 ms in steps (incremental marking, then a 13 ms pause) and some 25 ballots' acks with
 * it, the slowest 1% of the vote.
 */
export function collectWhileQuiet(): void {
  globalThis.gc?.()
}

/**
 * A collection of the young generation only, when exposed: once the hall has gone out to every
 * tablet (deputy.handlers.ts, after each such send: thousands of socket writes, ~9 MB of garbage
 * at 3,000 tablets). The send that matters is a vote's opening, before the first deputy votes:
 * else its garbage starts the vote most of the way to a scavenge. Ballots do not send the hall,
 * so none of these falls among them.
 */
export function collectYoungWhileQuiet(): void {
  globalThis.gc?.({ type: 'minor' })
}
