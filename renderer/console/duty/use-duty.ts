import { useCallback, useEffect, useState } from 'react'
import type { DutyView } from '../../../shared/duty/duty-view'
import type { AppError, Result } from '../../../shared/protocol/envelope'
import type { ConsoleApi } from '../use-console'

/**
 * The duty record, asked of the host when the section opens and again whenever the console's
 * state moves (a check-in, another meeting opened), and after each of the staff's decisions.
 */
export function useDuty(api: ConsoleApi) {
  const { call, state } = api
  const [view, setView] = useState<DutyView | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const take = useCallback((result: Result<DutyView>) => {
    if (result.ok) {
      setView(result.data)
      setError(null)
    } else setError(result.error)
  }, [])
  const reload = useCallback(async () => take(await call('duty:view', {})), [call, take])
  useEffect(() => {
    let live = true
    void call('duty:view', {}).then((result) => {
      if (live) take(result)
    })
    return () => {
      live = false
    }
  }, [call, take, state])
  return { view, error, reload }
}
