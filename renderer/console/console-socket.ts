import { useCallback, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { Result } from '../../shared/protocol/envelope'
import type {
  AckData,
  ConsoleClientEvents,
  ConsoleServerEvents,
  EventInput,
} from '../../shared/protocol/events'
import { namespaces } from '../../shared/protocol/events'
import type { ConsoleDeputyView, ConsoleState } from '../../shared/protocol/views'
import type { Proposal } from '../../shared/year/proposals'
import { connectNamespace, request } from '../common/socket'

export type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>

/** Sends a console request and hands back the whole result: for forms that show errors inline. */
export type Call = <E extends keyof ConsoleClientEvents>(
  event: E,
  input: EventInput<ConsoleClientEvents[E]>,
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

export interface ConsoleSocketOptions {
  /** Told the token each time the socket (re)connects with it. Keep it stable across renders. */
  onToken?: (token: string) => void
  /** Adds the caller's own listeners to the new socket. Keep it stable across renders. */
  listen?: (socket: ConsoleSocket) => void
}

/**
 * One staff connection to /console: follows the state and roster the host pushes and sends
 * requests, answering with the result envelope (no socket yet is a timeout). What to do with a
 * refusal is the caller's: the console shows a banner, the live section its own.
 */
export function useConsoleSocket({ onToken, listen }: ConsoleSocketOptions = {}) {
  const socketRef = useRef<ConsoleSocket | null>(null)
  const [state, setState] = useState<ConsoleState | null>(null)
  const [roster, setRoster] = useState<ConsoleDeputyView[]>([])
  const [proposals, setProposals] = useState<Proposal[]>([])

  useEffect(() => {
    const s = connectNamespace<ConsoleSocket>(namespaces.console, async () => {
      const token = await staffToken()
      onToken?.(token)
      return { token }
    })
    listen?.(s)
    s.on('console:state', setState)
    s.on('console:roster', setRoster)
    s.on('console:proposals', setProposals)
    // The count of tablets online comes alone when nothing else changed.
    s.on('console:tablets', ({ online }) =>
      setState((current) => current && { ...current, tabletsOnline: online }),
    )
    socketRef.current = s
    // A refused token is not retried by Socket.IO; the new console URL pasted into this tab
    // changes only the fragment (no reload), so that is when to try again.
    const onHash = () => {
      if (!s.connected) s.connect()
    }
    window.addEventListener('hashchange', onHash)
    return () => {
      window.removeEventListener('hashchange', onHash)
      s.disconnect()
      socketRef.current = null
    }
  }, [onToken, listen])

  /** Tries again at once (after a refusal Socket.IO does not). */
  const reconnect = useCallback(() => {
    const socket = socketRef.current
    if (socket && !socket.connected) socket.connect()
  }, [])

  const call = useCallback<Call>(async (event, input) => {
    const socket = socketRef.current
    if (!socket) return { ok: false, error: { code: 'timeout' } }
    return request(socket, event, input)
  }, [])

  return { state, roster, proposals, call, reconnect }
}
