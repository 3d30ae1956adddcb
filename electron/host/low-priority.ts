import { spawn } from 'node:child_process'
import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { existsSync } from 'node:fs'
import { setPriority } from 'node:os'

/** How a child was lowered: the idle class, niceness 19 at its start, or set once started. */
export type Lowered = 'idle' | 'nice' | 'after-start'

function firstExisting(paths: readonly string[]): string | null {
  return paths.find((path) => existsSync(path)) ?? null
}

/**
 * Starts a process that yields the processor to everything else, the host's event loop first:
 * every thread it will have (its main thread and V8's compiler and collector threads) runs only
 * when nothing else wants the processor.
 *
 * On Linux a priority belongs to a thread and is inherited by the threads it creates, so it must
 * be set before the program starts: the command runs under `chrt --idle 0` (util-linux; no
 * privilege is needed to lower oneself) or, where chrt is missing, `nice -n 19`. Windows and
 * macOS set a priority for the whole process, which is done as soon as it has started.
 */
export function spawnLowPriority(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): { child: ChildProcess; lowered: Lowered } {
  if (process.platform === 'linux') {
    const chrt = firstExisting(['/usr/bin/chrt', '/bin/chrt'])
    if (chrt)
      return {
        child: spawn(chrt, ['--idle', '0', command, ...args], options),
        lowered: 'idle',
      }
    const nice = firstExisting(['/usr/bin/nice', '/bin/nice'])
    if (nice)
      return { child: spawn(nice, ['-n', '19', command, ...args], options), lowered: 'nice' }
  }
  const child = spawn(command, args, options)
  try {
    if (child.pid !== undefined) setPriority(child.pid, 19)
  } catch {
    // Already gone; its exit is reported as any other.
  }
  return { child, lowered: 'after-start' }
}
