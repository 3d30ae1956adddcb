import { useCallback, useEffect, useRef, useState } from 'react'
import type { DutyView } from '../../../shared/duty/duty-view'
import type { AppError, Result } from '../../../shared/protocol/envelope'
import type { ConsoleApi } from '../use-console'

/** How long the console's state must rest before the record is asked for again. */
const settleMs = 1500

/**
 * The duty record, asked of the host when the section opens, after each of the staff's
 * decisions, and again when the meetings or the open meeting's attendance change, once they
 * have rested a moment: a wave of check-ins is hundreds of changes, and each answer reads the
 * open meeting's audit log again, on the host that is taking those check-ins.
 */
export function useDuty(api: ConsoleApi) {
  const { call, state } = api
  const [view, setView] = useState<DutyView | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const asked = useRef(false)
  const take = useCallback((result: Result<DutyView>) => {
    if (result.ok) {
      setView(result.data)
      setError(null)
    } else setError(result.error)
  }, [])
  const reload = useCallback(async () => take(await call('duty:view', {})), [call, take])
  const meetings = JSON.stringify(state?.meetings.map((m) => [m.id, m.title, m.rehearsal]) ?? [])
  const a = state?.attendance
  const attendance = `${state?.meeting?.id}|${a?.roster}|${a?.present}|${a?.leave}`
  useEffect(() => {
    let live = true
    const timer = setTimeout(
      () =>
        void call('duty:view', {}).then((result) => {
          if (live) take(result)
        }),
      asked.current ? settleMs : 0,
    )
    asked.current = true
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [call, take, meetings, attendance])
  return { view, error, reload }
}
