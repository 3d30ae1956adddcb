import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'

/**
 * A process's peak resident memory, from /proc/PID/status every `everyMs`: the kernel's own
 * high-water mark (VmHWM), so a peak between two samples counts too (a report worker's lasts
 * about a second). Also the highest peak of any process it started (the host's import worker
 * process), apart. Linux only: elsewhere the peaks stay null and the report says so.
 */
export class RssSampler {
  peakMB: number | null = null
  /** The largest high-water mark among the process's children seen while sampling. */
  childPeakMB: number | null = null
  #timer: NodeJS.Timeout | null = null
  #pid: number | null = null

  watch(pid: number | undefined, everyMs = 50): void {
    this.stop()
    if (pid === undefined || process.platform !== 'linux') return
    this.#pid = pid
    this.#timer = setInterval(() => void this.#sample(), everyMs)
  }

  async #sample(): Promise<void> {
    const pid = this.#pid
    if (pid === null) return
    const own = await highWaterMB(pid)
    // The process is gone (killed on purpose in the restart test); the peak stands.
    if (own === null) return
    this.peakMB = Math.max(this.peakMB ?? 0, own)
    for (const child of await childrenOf(pid)) {
      const mb = await highWaterMB(child)
      if (mb !== null) this.childPeakMB = Math.max(this.childPeakMB ?? 0, mb)
    }
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }

  /**
   * From now on the peak is of what comes next: the kernel's high-water mark is set back to the
   * resident memory now (writing 5 to /proc/PID/clear_refs, allowed on one's own processes), so a
   * peak at start (the demo meeting made) does not hide the one measured.
   */
  async resetPeak(): Promise<void> {
    if (this.#pid === null) return
    await writeFile(`/proc/${this.#pid}/clear_refs`, '5').catch(() => undefined)
    this.peakMB = null
  }
}

let ticksPerSecond: number | null = null

/**
 * The processor time a process has used so far, user and system, all its threads (seconds);
 * null where /proc is not (not Linux) or the process is gone.
 */
export async function cpuSeconds(pid: number | undefined): Promise<number | null> {
  if (pid === undefined || process.platform !== 'linux') return null
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
  } catch {
    return null
  }
}

async function highWaterMB(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1])
    return Number.isFinite(kb) ? kb / 1024 : null
  } catch {
    return null
  }
}

/** The process's children, from each of its threads' /proc/PID/task/TID/children. */
async function childrenOf(pid: number): Promise<number[]> {
  try {
    const tasks = await readdir(`/proc/${pid}/task`)
    const lists = await Promise.all(
      tasks.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')),
    )
    return lists.flatMap((list) => list.split(' ').filter(Boolean).map(Number))
  } catch {
    return []
  }
}
