import { useCallback, useState } from 'react'
import type { AppError } from '../../../shared/protocol/envelope'
import type { Call } from '../console-socket'
import type { ConsoleApi } from '../use-console'

/** The live section's send: the whole result, and a refusal shows in the section's banner. */
export type LiveSend = Call

/**
 * The live section on the console's own connection: the roster (for check-in) and requests that
 * answer with data (how many were reminded, the run-off's id), with refusals in the section's
 * own banner rather than the console's.
 */
export function useLive(api: Pick<ConsoleApi, 'state' | 'roster' | 'call'>) {
  const { state, roster, call } = api
  const [error, setError] = useState<AppError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const send = useCallback<LiveSend>(
    async (event, input) => {
      const result = await call(event, input)
      setError(result.ok ? null : result.error)
      return result
    },
    [call],
  )

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
