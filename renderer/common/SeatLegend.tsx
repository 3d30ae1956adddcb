import { Box, Group, Text } from '@mantine/core'
import type { CSSProperties } from 'react'
import type { SeatPalette, SeatState } from './seat-canvas'
import { seatPalette } from './seat-canvas'

/** A seat as the map draws it (seat-canvas.ts), for the legend. */
export function seatSwatchStyle(
  state: SeatState,
  palette: SeatPalette = seatPalette,
): CSSProperties {
  switch (state) {
    case 'present':
      return { background: palette.present }
    case 'absent':
      return { border: `2px solid ${palette.absent}` }
    case 'leave':
      return {
        background: `linear-gradient(to top right, ${palette.leave} 44%, ${palette.leaveMark} 44%, ${palette.leaveMark} 56%, ${palette.leave} 56%)`,
      }
    case 'voted':
      return { background: palette.voted }
    case 'not-voted':
      return { background: palette.notVoted, border: `3px solid ${palette.ring}` }
  }
}

/** The legend under a seat map: each state's mark, its name and how many seats are in it. */
export function SeatLegend({
  items,
  size,
  fz,
  palette,
}: {
  items: { state: SeatState; label: string; count: number }[]
  /** CSS length of a swatch. */
  size: string
  fz: string
  palette?: SeatPalette
}) {
  return (
    <Group gap="lg" wrap="wrap" data-testid="seat-legend">
      {items.map(({ state, label, count }) => (
        <Group key={state} gap={6} wrap="nowrap" data-testid={`seat-legend-${state}`}>
          <Box
            w={size}
            h={size}
            style={{ boxSizing: 'border-box', flex: 'none', ...seatSwatchStyle(state, palette) }}
            aria-hidden
          />
          <Text fz={fz} fw={600}>
            {label}
          </Text>
          <Text fz={fz} fw={800} data-testid={`seat-count-${state}`}>
            {count}
          </Text>
        </Group>
      ))}
    </Group>
  )
}
