import { useCallback, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { AppError } from '../../shared/protocol/envelope'
import type { ConsoleClientEvents, ConsoleServerEvents } from '../../shared/protocol/events'
import { namespaces } from '../../shared/protocol/events'
import type { AuditEntryView, ConsoleState } from '../../shared/protocol/views'
import { connectNamespace, request } from '../common/socket'

type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>

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
    socketRef.current = s
    return () => {
      s.disconnect()
      socketRef.current = null
    }
  }, [])

  const send = useCallback(
    async <E extends keyof ConsoleClientEvents>(
      event: E,
      input: Parameters<ConsoleClientEvents[E]>[0],
    ) => {
      const socket = socketRef.current
      if (!socket) return false
      const result = await request(socket, event, input)
      if (!result.ok) setError(result.error)
      else setError(null)
      return result.ok
    },
    [],
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
    connected,
    refused,
    error,
    clearError: () => setError(null),
    send,
  }
}
