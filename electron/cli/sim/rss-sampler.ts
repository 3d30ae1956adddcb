import { readFile } from 'node:fs/promises'

/**
 * A process's peak resident memory, from /proc/PID/status every `everyMs`: the kernel's own
 * high-water mark (VmHWM), so a peak between two samples counts too (a report worker's lasts
 * about a second). Linux only: elsewhere `peakMB` stays null and the report says so.
 */
export class RssSampler {
  peakMB: number | null = null
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
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8')
      const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1])
      if (Number.isFinite(kb)) this.peakMB = Math.max(this.peakMB ?? 0, kb / 1024)
    } catch {
      // The process is gone (killed on purpose in the restart test); the peak stands.
    }
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }
}
