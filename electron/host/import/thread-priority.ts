import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/**
 * Lowers the calling thread, and only it, to the lowest priority (niceness 19), so that on a
 * busy machine the host's event loop runs before a parse: Linux keeps a niceness per thread and
 * setpriority(2) given a thread id sets that thread's. Elsewhere (Windows, macOS) Node can only
 * set a whole process's, so the thread keeps the host's priority there. Answers whether it did.
 */
export function giveWayToHost(): boolean {
  if (process.platform !== 'linux') return false
  try {
    // "<pid>/task/<tid>": the thread's own entry.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0) return false
    setPriority(tid, 19)
    return true
  } catch {
    return false
  }
}
