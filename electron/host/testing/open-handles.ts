import { readdir, readlink } from 'node:fs/promises'
import { sep } from 'node:path'

/**
 * What this process holds open at or under a path: the stores hold their folders open between
 * writes, and a store dropped must let go. Linux shows a process its descriptors in /proc;
 * elsewhere this answers none.
 */
export async function openUnder(path: string): Promise<string[]> {
  if (process.platform !== 'linux') return []
  const fds = await readdir('/proc/self/fd')
  const targets = await Promise.all(
    fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  )
  return targets.filter((t) => t === path || t.startsWith(path + sep))
}
