import { useCallback, useEffect, useState } from 'react'
import type { Result } from '../../../shared/protocol/envelope'
import type { AppError } from '../../../shared/protocol/envelope'
import type { YearView } from '../../../shared/year/year-view'
import type { ConsoleApi } from '../use-console'

/**
 * The open meeting's year, asked of the host when the section opens and again whenever the
 * console's state moves (a vote published or annulled, another tab's edit, another meeting).
 */
export function useYear(api: ConsoleApi) {
  const { call, state } = api
  const [year, setYear] = useState<YearView | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const take = useCallback((result: Result<YearView>) => {
    if (result.ok) {
      setYear(result.data)
      setError(null)
    } else setError(result.error)
  }, [])
  const reload = useCallback(async () => take(await call('year:view', {})), [call, take])
  useEffect(() => {
    let live = true
    void call('year:view', {}).then((result) => {
      if (live) take(result)
    })
    return () => {
      live = false
    }
  }, [call, take, state])
  return { year, error, reload }
}
