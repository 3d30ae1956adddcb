import { Badge } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useI18n } from '../../common/i18n'

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}

/** Time left, counted on this tablet from when the host said how much was left. */
export function Countdown({ endsAt }: { endsAt: number }) {
  const { t } = useI18n()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const left = endsAt - now
  return (
    <Badge
      size="xl"
      variant={left < 60_000 ? 'filled' : 'light'}
      color={left < 60_000 ? 'red' : 'gray'}
      data-testid="countdown"
      // Fixed width: the digits change every second and must not move the layout.
      style={{ fontVariantNumeric: 'tabular-nums', minWidth: 150 }}
    >
      {t('tablet.timeLeft', { time: formatRemaining(left) })}
    </Badge>
  )
}
