import { useCallback, useState } from 'react'
import type { AppError } from '../../../shared/protocol/envelope'
import type { Call } from '../console-socket'
import { useConsoleSocket } from '../console-socket'

/** The live section's send: the whole result, and a refusal shows in the section's banner. */
export type LiveSend = Call

/**
 * The live section's own staff connection: it needs the roster (for check-in) and answers with
 * data (how many were reminded, the run-off's id), which the console's shared hook does not
 * give. One more socket on the loopback costs nothing and keeps the sections independent.
 */
export function useLive() {
  const { state, roster, call } = useConsoleSocket()
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
