import { Badge } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useI18n } from '../../common/i18n'

/** The open vote's time left; the console runs on the host's machine, so one clock. */
export function LiveCountdown({ deadline, timeUp }: { deadline: string; timeUp: boolean }) {
  const { t } = useI18n()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const total = Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000))
  const text = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
  return (
    <Badge
      size="xl"
      color={timeUp || total < 60 ? 'red' : 'gray'}
      variant={timeUp ? 'filled' : 'light'}
      style={{ fontVariantNumeric: 'tabular-nums' }}
      data-testid="live-countdown"
    >
      {timeUp ? t('live.timeUp') : t('live.timeLeft', { time: text })}
    </Badge>
  )
}
