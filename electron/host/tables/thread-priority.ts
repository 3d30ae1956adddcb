import { spawnSync } from 'node:child_process'
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/**
 * Lowers the calling thread, and only it, to the lowest priority, so that whenever anything else
 * wants the processor (the host's event loop first) it runs before a parse. Linux keeps the
 * scheduling of each thread apart: setpriority(2) given a thread id sets that thread's niceness
 * (19), and `chrt --idle --pid 0 <tid>` (util-linux; no privilege is needed to lower one's own)
 * moves it to the idle class, below every niceness. Elsewhere (Windows, macOS) Node can only set
 * a whole process's priority, so the thread keeps the host's there. Answers what it did.
 */
export function giveWayToHost(): 'idle' | 'nice' | 'none' {
  if (process.platform !== 'linux') return 'none'
  let tid: number
  try {
    // "<pid>/task/<tid>": the thread's own entry.
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0) return 'none'
    setPriority(tid, 19)
  } catch {
    return 'none'
  }
  const chrt = spawnSync('chrt', ['--idle', '--pid', '0', String(tid)], { stdio: 'ignore' })
  return chrt.status === 0 ? 'idle' : 'nice'
}
