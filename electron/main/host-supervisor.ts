import { EventEmitter } from 'node:events'
import type { DesktopHostState } from '../../shared/protocol/desktop-api'
import type { HostCommand, HostReport } from './ipc-channels'
import { decideRestart, defaultRestartPolicy } from './restart-policy'
import type { RestartPolicy } from './restart-policy'

/**
 * The host's process as the supervisor sees it. In the app it is an Electron utility process
 * (utility-host.ts); tests fork the same entry under plain Node, so the restart logic runs
 * against real processes without Electron.
 */
export interface HostChild {
  onMessage(listener: (report: HostReport) => void): void
  onceExit(listener: (code: number) => void): void
  post(command: HostCommand): void
  kill(): void
}

export type ForkHost = () => HostChild

export interface HostConfig {
  dataDir: string
  staffToken: string
  staticDir: string
  /** Interface to bind: 0.0.0.0 in the hall (tablets reach it), 127.0.0.1 in tests. */
  bindHost: string
  /** Open ballot boxes' keys: in the user-data folder, never in the data folder. */
  keyDir: string
  /** base64 of the key the system keychain keeps, which wraps the vote keys; null without one. */
  keyWrap: string | null
}

/** A start that failed before the host listened; `code` is Node's (EADDRINUSE, EACCES…). */
export class HostStartError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message)
  }
}

interface SupervisorEvents {
  state: [DesktopHostState]
  /** Crashed too often: restarting stopped; main asks staff what to do. */
  'gave-up': [number]
}

/**
 * Keeps the host's utility process alive: starts it, restarts it after a crash as the restart
 * policy says, stops it cleanly on request. Everything it knows is in `state`, pushed on change.
 */
export class HostSupervisor extends EventEmitter<SupervisorEvents> {
  readonly #fork: ForkHost
  readonly #policy: RestartPolicy
  #config: HostConfig
  #child: HostChild | null = null
  #crashes: number[] = []
  #restartTimer: NodeJS.Timeout | null = null
  #state: DesktopHostState
  /** The current meeting's folder, where its archive is; from the host's status reports. */
  meetingDir: string | null = null
  /** The host's Content-Security-Policy, from its ready report. */
  csp: string | null = null

  constructor(fork: ForkHost, config: HostConfig, policy: RestartPolicy = defaultRestartPolicy) {
    super()
    this.#fork = fork
    this.#config = config
    this.#policy = policy
    this.#state = {
      phase: 'stopped',
      port: null,
      restarts: 0,
      lastCrashAt: null,
      nextRestartInMs: null,
      message: null,
      dataDir: config.dataDir,
      openVote: null,
    }
  }

  get state(): DesktopHostState {
    return this.#state
  }

  /** Starts on `port` (0: any free one); rejects with HostStartError when it cannot listen. */
  async start(port: number): Promise<number> {
    this.#update({ phase: 'starting', message: null })
    try {
      const ready = await this.#spawn(port)
      this.#update({ phase: 'running', port: ready })
      return ready
    } catch (error) {
      this.#update({ phase: 'failed', message: String(error) })
      throw error
    }
  }

  /** Asks the host to close cleanly; kills it when it does not answer within `timeoutMs`. */
  async stop(timeoutMs: number): Promise<void> {
    this.#clearTimer()
    const child = this.#child
    if (!child) {
      this.#update({ phase: 'stopped' })
      return
    }
    this.#update({ phase: 'stopping' })
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill()
        resolve()
      }, timeoutMs)
      child.onceExit(() => {
        clearTimeout(timer)
        resolve()
      })
      child.post({ type: 'stop' })
    })
    this.#child = null
    this.#update({ phase: 'stopped', openVote: null })
  }

  /** A new data folder: stop cleanly, start again on the same port. */
  async switchDataDir(dataDir: string, timeoutMs: number): Promise<number> {
    await this.stop(timeoutMs)
    this.#config = { ...this.#config, dataDir }
    this.meetingDir = null
    this.#update({ dataDir })
    return this.start(this.#state.port ?? 0)
  }

  /** After giving up: try again with a clean crash history. */
  retry(): Promise<number> {
    this.#crashes = []
    return this.start(this.#state.port ?? 0)
  }

  #spawn(port: number): Promise<number> {
    const child = this.#fork()
    this.#child = child
    return new Promise<number>((resolve, reject) => {
      let listening = false
      child.onMessage((report) => {
        if (report.type === 'ready') {
          listening = true
          this.csp = report.csp
          resolve(report.port)
        } else if (report.type === 'failed') {
          child.kill()
          reject(new HostStartError(report.message, report.code))
        } else if (report.type === 'status') {
          this.meetingDir = report.meetingDir
          this.#update({ openVote: report.openVote })
        }
      })
      child.onceExit((code) => {
        if (this.#child === child) this.#child = null
        if (!listening) {
          reject(new HostStartError(`host process exited with code ${code}`, null))
        } else if (this.#state.phase === 'running') {
          this.#onCrash(code)
        }
      })
      child.post({ type: 'start', port, ...this.#config })
    })
  }

  #onCrash(code: number): void {
    const now = Date.now()
    const decision = decideRestart(this.#crashes, now, this.#policy)
    this.#crashes = decision.crashes
    const lastCrashAt = new Date(now).toISOString()
    if (decision.action === 'give-up') {
      this.#update({ phase: 'failed', lastCrashAt, nextRestartInMs: null, message: `exit ${code}` })
      this.emit('gave-up', decision.crashesInWindow)
      return
    }
    this.#update({
      phase: 'restarting',
      lastCrashAt,
      nextRestartInMs: decision.delayMs,
      message: `exit ${code}`,
    })
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null
      // The same port: the tablets' join address and QR cards stay valid.
      // A stop (quit, data folder switch) during the restart wins: no running, no next crash.
      this.#spawn(this.#state.port ?? 0).then(
        (ready) => {
          if (this.#state.phase !== 'restarting') return
          this.#update({
            phase: 'running',
            port: ready,
            restarts: this.#state.restarts + 1,
            nextRestartInMs: null,
          })
        },
        () => {
          if (this.#state.phase === 'restarting') this.#onCrash(-1)
        },
      )
    }, decision.delayMs)
  }

  #clearTimer(): void {
    if (this.#restartTimer) clearTimeout(this.#restartTimer)
    this.#restartTimer = null
  }

  #update(patch: Partial<DesktopHostState>): void {
    this.#state = { ...this.#state, ...patch }
    this.emit('state', this.#state)
  }
}
