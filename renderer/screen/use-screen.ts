import { useEffect, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { ScreenClientEvents, ScreenServerEvents } from '../../shared/protocol/events'
import { namespaces } from '../../shared/protocol/events'
import type { ScreenState } from '../../shared/protocol/views'
import { connectNamespace } from '../common/socket'

type ScreenSocket = Socket<ScreenServerEvents, ScreenClientEvents>

/**
 * The screen's view of the host. Socket.IO reconnects on its own after a host restart, and the
 * host sends the whole state on every connection, so the page redraws without reloading.
 * `offsetMs` is host clock − screen clock, taken from each state, for the countdown.
 */
export function useScreen() {
  const [state, setState] = useState<ScreenState | null>(null)
  const [connected, setConnected] = useState(false)
  const [offsetMs, setOffsetMs] = useState(0)
  useEffect(() => {
    const socket = connectNamespace<ScreenSocket>(namespaces.screen, {})
    socket.on('connect', () => setConnected(true))
    socket.on('disconnect', () => setConnected(false))
    socket.on('screen:state', (next) => {
      const hostNow = Date.parse(next.now)
      if (Number.isFinite(hostNow)) setOffsetMs(hostNow - Date.now())
      setState(next)
    })
    return () => {
      socket.disconnect()
    }
  }, [])
  return { state, connected, offsetMs }
}

/** 1u in pixels (see screen.css), for recharts, which wants numbers. */
export function useUnitPx(): number {
  const measure = () => Math.min(window.innerHeight, (window.innerWidth * 9) / 16) / 100
  const [unit, setUnit] = useState(measure)
  useEffect(() => {
    const onResize = () => setUnit(measure())
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return unit
}

/** A ticking clock for the countdown, by the host's time. */
export function useHostNow(offsetMs: number, active: boolean): number {
  const [local, setLocal] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setLocal(Date.now()), 250)
    return () => clearInterval(timer)
  }, [active])
  return local + offsetMs
}

/** Display options from the URL: ?theme=dark|light, ?motion=off (tests, or a presenter's wish). */
export function displayOptions(search = location.search) {
  const params = new URLSearchParams(search)
  return {
    theme: params.get('theme') === 'dark' ? ('dark' as const) : ('light' as const),
    motion: params.get('motion') !== 'off',
  }
}

/** CSS length of n units. */
export const u = (n: number) => `calc(${n} * var(--u))`
