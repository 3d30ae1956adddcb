import { Box, Center, Group, Stack, Text, Title } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { useEffect, useMemo, useRef } from 'react'
import { layoutSeats } from '../../../shared/hall/seat-map'
import type { ScreenSeatsView, ScreenState } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import type { SeatState } from '../../common/seat-canvas'
import { darkSeatPalette, drawSeatMap, seatGeometry, seatPalette } from '../../common/seat-canvas'
import { SeatLegend } from '../../common/SeatLegend'
import { quorumState } from '../stage-data'
import { u, useUnitPx } from '../use-screen'

const letterState: Record<string, SeatState> = { p: 'present', a: 'absent', l: 'leave' }

/**
 * 报到 on the seat map: where the hall is filling, seat by seat, with the counts and the quorum.
 * Seats and attendance only: the screen is public and never shows names or who has voted.
 */
export function SeatsStage({ state }: { state: ScreenState }) {
  const { t } = useI18n()
  const unit = useUnitPx()
  const seats: ScreenSeatsView = state.seats ?? { labels: [], states: '' }
  // The labels come anew with every update (4 a second at check-in); the layout is made again
  // only when their text changes.
  const key = seats.labels.join('\u0000')
  const layout = useMemo(() => layoutSeats(key === '' ? [] : key.split('\u0000')), [key])
  const counts = { present: 0, absent: 0, leave: 0 }
  for (const letter of seats.states) {
    const s = letterState[letter]
    if (s === 'present' || s === 'absent' || s === 'leave') counts[s] += 1
  }
  const { ref, width, height } = useElementSize()
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const dark = document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark'
  const palette = dark ? darkSeatPalette : seatPalette
  const geometry = useMemo(
    // Labels no smaller than the screen's smallest text (1/40 of its height).
    () =>
      seatGeometry(layout, width, height, { minCell: 3, maxCell: unit * 7, minFont: unit * 2.5 }),
    [layout, width, height, unit],
  )
  const words = useMemo(
    () => ({ stage: t('hall.seats.stage'), row: (row: number) => t('hall.seats.row', { row }) }),
    [t],
  )
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas || width === 0 || height === 0) return
    const stateOf = (i: number) => letterState[seats.states[i] ?? 'a'] ?? 'absent'
    const ms = drawSeatMap(canvas, layout, geometry, stateOf, words, palette)
    canvas.dataset.drawMs = ms.toFixed(1)
  }, [layout, geometry, seats.states, words, palette, width, height])

  const quorum = quorumState(state.attendance)
  const unplaced = layout.unplaced.length
  return (
    <Stack style={{ flex: 1, minHeight: 0 }} gap={u(1.5)} data-testid="stage-seats">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Title order={1} fz={u(5)} lh={1.2}>
          {t('hall.seats.screenTitle')}
        </Title>
        <Text
          fz={u(3)}
          fw={700}
          c="white"
          bg={quorum.met ? 'teal.9' : 'orange.9'}
          px={u(2)}
          py={u(0.5)}
          style={{ borderRadius: u(3) }}
          data-testid="quorum"
          data-met={quorum.met}
        >
          {quorum.met
            ? t('screen.checkin.quorumMet', { needed: quorum.needed })
            : t('screen.checkin.quorumNotMet', { needed: quorum.needed })}
        </Text>
      </Group>
      <Box ref={ref} style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>
        {layout.seats.length > 0 ? (
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={t('hall.seats.title')}
            data-testid="seat-map"
          />
        ) : (
          <Center h="100%">
            <Text fz={u(3.6)}>{t('hall.seats.screenNone')}</Text>
          </Center>
        )}
      </Box>
      <Group justify="space-between" wrap="nowrap">
        <SeatLegend
          items={(['present', 'absent', 'leave'] as const).map((s) => ({
            state: s,
            label: t(`hall.seats.${s}`),
            count: counts[s],
          }))}
          size={u(3)}
          fz={u(3.2)}
          palette={palette}
        />
        {unplaced > 0 && layout.seats.length > 0 && (
          <Text fz={u(2.6)} data-testid="seats-unplaced">
            {t('hall.seats.screenUnplaced', { n: unplaced })}
          </Text>
        )}
      </Group>
    </Stack>
  )
}
