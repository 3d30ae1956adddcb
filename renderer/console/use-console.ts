import { useCallback, useState } from 'react'
import type { Language } from '../../shared/i18n'
import type { AppError } from '../../shared/protocol/envelope'
import type { ConsoleClientEvents, EventInput } from '../../shared/protocol/events'
import type { ConsoleSocket } from './console-socket'
import { useConsoleSocket } from './console-socket'

/** Sends a console request; a refusal shows in the console's error banner. */
export type Send = <E extends keyof ConsoleClientEvents>(
  event: E,
  input: EventInput<ConsoleClientEvents[E]>,
) => Promise<boolean>

export function useConsole() {
  const [connected, setConnected] = useState(false)
  const [refused, setRefused] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const [token, setToken] = useState('')

  // Only the console's shell shows the connection; the setters are stable, so this is too.
  const listen = useCallback((s: ConsoleSocket) => {
    s.on('connect', () => {
      setConnected(true)
      setRefused(false)
    })
    s.on('disconnect', () => setConnected(false))
    s.on('connect_error', (err) => setRefused(err.message === 'unauthorized'))
  }, [])
  const { state, roster, proposals, call, reconnect } = useConsoleSocket({
    onToken: setToken,
    listen,
  })

  const send = useCallback<Send>(
    async (event, input) => {
      const result = await call(event, input)
      if (!result.ok) setError(result.error)
      else setError(null)
      return result.ok
    },
    [call],
  )

  const loadAudit = useCallback(
    async (lang: Language) => {
      const result = await call('audit:list', { limit: 300, lang })
      if (!result.ok) {
        setError(result.error)
        return null
      }
      return result.data
    },
    [call],
  )

  return {
    loadAudit,
    token,
    state,
    roster,
    proposals,
    connected,
    refused,
    reconnect,
    error,
    clearError: () => setError(null),
    showError: setError,
    send,
    call,
  }
}

export type ConsoleApi = ReturnType<typeof useConsole>
