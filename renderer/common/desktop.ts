import { useEffect, useState } from 'react'
import type { DesktopHostState, PlenaryApi } from '../../shared/protocol/desktop-api'

/**
 * The Electron shell's API when the console runs inside the desktop app, or null in a plain
 * browser (`npm run host`, a second laptop): callers show the browser way (an upload input,
 * a download link) instead. Checked by a function the page needs, not by the object alone, so
 * an older preload without it also falls back.
 */
export function desktopApi(): PlenaryApi | null {
  const candidate = (window as unknown as { plenary?: Partial<PlenaryApi> }).plenary
  return candidate && typeof candidate.openImportDialog === 'function'
    ? (candidate as PlenaryApi)
    : null
}

/** The host process as the shell sees it (running, restarting after a crash, given up). */
export function useDesktopHostState(): DesktopHostState | null {
  const [state, setState] = useState<DesktopHostState | null>(null)
  useEffect(() => {
    const api = desktopApi()
    if (!api) return undefined
    let live = true
    void api.hostState().then((s) => {
      if (live) setState(s)
    })
    const stop = api.onHostState(setState)
    return () => {
      live = false
      stop()
    }
  }, [])
  return state
}

export type HostNotice =
  | { kind: 'restarting'; inMs: number }
  | { kind: 'restarted'; times: number; at: string }
  | { kind: 'failed'; message: string | null }

/**
 * What the console should tell staff about the host, if anything: a restart in progress, that
 * it restarted (the console's socket reconnects on its own; staff should know it happened),
 * or that the shell gave up. The page maps the kind to its i18n strings.
 */
export function hostNotice(state: DesktopHostState | null): HostNotice | null {
  if (!state) return null
  if (state.phase === 'restarting') return { kind: 'restarting', inMs: state.nextRestartInMs ?? 0 }
  if (state.phase === 'failed') return { kind: 'failed', message: state.message }
  if (state.phase === 'running' && state.restarts > 0 && state.lastCrashAt) {
    return { kind: 'restarted', times: state.restarts, at: state.lastCrashAt }
  }
  return null
}
