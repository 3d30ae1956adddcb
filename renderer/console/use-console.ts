import { useCallback, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { AppError, Result } from '../../shared/protocol/envelope'
import type {
  AckData,
  ConsoleClientEvents,
  ConsoleServerEvents,
} from '../../shared/protocol/events'
import { namespaces } from '../../shared/protocol/events'
import type { AuditEntryView, ConsoleDeputyView, ConsoleState } from '../../shared/protocol/views'
import { connectNamespace, request } from '../common/socket'

type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>

/** Sends a console request; a refusal shows in the console's error banner. */
export type Send = <E extends keyof ConsoleClientEvents>(
  event: E,
  input: Parameters<ConsoleClientEvents[E]>[0],
) => Promise<boolean>

/** Sends a console request and hands back the whole result: for forms that show errors inline. */
export type Call = <E extends keyof ConsoleClientEvents>(
  event: E,
  input: Parameters<ConsoleClientEvents[E]>[0],
) => Promise<Result<AckData<ConsoleClientEvents[E]>>>

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the console is opened in a browser. */
    plenary?: { staffToken: () => Promise<string> }
  }
}

/** The staff token: from the Electron preload, or from the URL `npm run host` printed. */
export async function staffToken(): Promise<string> {
  if (window.plenary) return window.plenary.staffToken()
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? ''
}

export function useConsole() {
  const socketRef = useRef<ConsoleSocket | null>(null)
  const [state, setState] = useState<ConsoleState | null>(null)
  const [roster, setRoster] = useState<ConsoleDeputyView[]>([])
  const [connected, setConnected] = useState(false)
  const [refused, setRefused] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const [token, setToken] = useState('')

  useEffect(() => {
    const s = connectNamespace<ConsoleSocket>(namespaces.console, async () => {
      const value = await staffToken()
      setToken(value)
      return { token: value }
    })
    s.on('connect', () => {
      setConnected(true)
      setRefused(false)
    })
    s.on('disconnect', () => setConnected(false))
    s.on('connect_error', (err) => setRefused(err.message === 'unauthorized'))
    s.on('console:state', setState)
    s.on('console:roster', setRoster)
    socketRef.current = s
    return () => {
      s.disconnect()
      socketRef.current = null
    }
  }, [])

  const call = useCallback<Call>(async (event, input) => {
    const socket = socketRef.current
    if (!socket) return { ok: false, error: { code: 'timeout' } }
    return request(socket, event, input)
  }, [])

  const send = useCallback<Send>(
    async (event, input) => {
      const result = await call(event, input)
      if (!result.ok) setError(result.error)
      else setError(null)
      return result.ok
    },
    [call],
  )

  const loadAudit = useCallback(async () => {
    const socket = socketRef.current
    if (!socket) return null
    const result = await request<AuditEntryView[]>(socket, 'audit:list', { limit: 300 })
    if (!result.ok) {
      setError(result.error)
      return null
    }
    return result.data
  }, [])

  return {
    loadAudit,
    token,
    state,
    roster,
    connected,
    refused,
    error,
    clearError: () => setError(null),
    showError: setError,
    send,
    call,
  }
}

export type ConsoleApi = ReturnType<typeof useConsole>
