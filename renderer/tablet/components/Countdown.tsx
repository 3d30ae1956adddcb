import { Text, VisuallyHidden } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useI18n } from '../i18n'

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}

/**
 * What a screen reader is told, and when: each whole minute, then at 30 and 10 seconds. The
 * visible clock changes every second, which read out would drown the ballot.
 */
export function spokenRemaining(ms: number): { minutes: number } | { seconds: number } | null {
  const total = Math.max(0, Math.ceil(ms / 1000))
  if (total > 60) return { minutes: Math.ceil(total / 60) }
  if (total > 30) return { minutes: 1 }
  if (total > 10) return { seconds: 30 }
  if (total > 0) return { seconds: 10 }
  return null
}

/**
 * Time left, counted on this tablet from when the host said how much was left. Text at 20 px
 * (and more with the system's text size), never cut: it wraps to a line of its own instead.
 */
export function Countdown({ endsAt }: { endsAt: number }) {
  const { t } = useI18n()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const left = endsAt - now
  const urgent = left < 60_000
  const spoken = spokenRemaining(left)
  return (
    <>
      <Text
        component="span"
        role="timer"
        fz="xl"
        fw={700}
        px="sm"
        py={4}
        // Dark red with white, or near-black on light grey: 5:1 and more either way.
        c={urgent ? 'white' : 'dark.8'}
        bg={urgent ? 'red.8' : 'gray.1'}
        data-testid="countdown"
        style={{
          borderRadius: 'var(--mantine-radius-xl)',
          whiteSpace: 'nowrap',
          // The digits change every second and must not move the layout.
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {t('tablet.timeLeft', { time: formatRemaining(left) })}
      </Text>
      <VisuallyHidden aria-live="polite" data-testid="countdown-announce">
        {spoken === null
          ? ''
          : 'minutes' in spoken
            ? t('tablet.timeLeftMinutes', { n: spoken.minutes })
            : t('tablet.timeLeftSeconds', { n: spoken.seconds })}
      </VisuallyHidden>
    </>
  )
}
