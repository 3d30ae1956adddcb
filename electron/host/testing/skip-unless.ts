import type { TestContext } from 'vitest'

/**
 * Skips the running test when what it needs is not on this machine (a tool, the build, an OS
 * feature), and prints why: vitest's report shows a skip only as a count, and a skip nobody sees
 * is a test nobody runs. `npm test` builds before the unit tests and .ci/run installs the tools,
 * so CI skips none of these.
 */
export function skipUnless(ctx: TestContext, ready: unknown, reason: string): void {
  if (ready) return
  console.warn(`skipped "${ctx.task.name}": ${reason}`)
  ctx.skip(reason)
}
