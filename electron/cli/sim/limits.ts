import { spawnSync } from 'node:child_process'

/**
 * Thousands of sockets need thousands of file descriptors. Node cannot raise its own limit, so
 * this only checks the soft limit and says how to raise it (`ulimit -n`) before the run fails
 * with EMFILE halfway through.
 */
export function checkFileLimit(sockets: number): void {
  if (process.platform === 'win32') return
  const out = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim()
  const limit = out === 'unlimited' ? Infinity : Number(out)
  const needed = sockets + 256
  if (Number.isFinite(limit) && limit < needed) {
    console.error(
      `提示 / note: open-file limit ${limit} < ${needed}; run \`ulimit -n ${Math.max(needed, 65536)}\` first`,
    )
  }
}
