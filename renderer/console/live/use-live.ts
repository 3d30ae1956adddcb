import { useCallback, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { AppError, Result } from '../../../shared/protocol/envelope'
import type {
  AckData,
  ConsoleClientEvents,
  ConsoleServerEvents,
} from '../../../shared/protocol/events'
import { namespaces } from '../../../shared/protocol/events'
import type { ConsoleDeputyView, ConsoleState } from '../../../shared/protocol/views'
import { connectNamespace, request } from '../../common/socket'
import { staffToken } from '../use-console'

type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>

export type LiveSend = <E extends keyof ConsoleClientEvents>(
  event: E,
  input: Parameters<ConsoleClientEvents[E]>[0],
) => Promise<Result<AckData<ConsoleClientEvents[E]>>>

/**
 * The live section's own staff connection: it needs the roster (for check-in) and answers with
 * data (how many were reminded, the run-off's id), which the console's shared hook does not
 * give. One more socket on the loopback costs nothing and keeps the sections independent.
 */
export function useLive() {
  const socketRef = useRef<ConsoleSocket | null>(null)
  const [state, setState] = useState<ConsoleState | null>(null)
  const [roster, setRoster] = useState<ConsoleDeputyView[]>([])
  const [error, setError] = useState<AppError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    const s = connectNamespace<ConsoleSocket>(namespaces.console, async () => ({
      token: await staffToken(),
    }))
    s.on('console:state', setState)
    s.on('console:roster', setRoster)
    socketRef.current = s
    return () => {
      s.disconnect()
      socketRef.current = null
    }
  }, [])

  const send = useCallback<LiveSend>(async (event, input) => {
    const socket = socketRef.current
    if (!socket) return { ok: false, error: { code: 'timeout' } }
    const result = await request<AckData<ConsoleClientEvents[typeof event]>>(socket, event, input)
    setError(result.ok ? null : result.error)
    return result
  }, [])

  return {
    state,
    roster,
    error,
    clearError: () => setError(null),
    notice,
    setNotice,
    send,
  }
}
