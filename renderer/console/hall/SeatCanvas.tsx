import { Box } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { useEffect, useMemo, useRef } from 'react'
import type { MouseEvent } from 'react'
import type { SeatLayout } from '../../../shared/hall/seat-map'
import { useI18n } from '../../common/i18n'
import type { SeatState } from '../../common/seat-canvas'
import { drawSeatMap, seatGeometry, seatUnder } from '../../common/seat-canvas'

/** Tallest the map grows before its seats shrink (a 3,000-seat hall still fits). */
const MAX_HEIGHT = 640

/**
 * The console's seat map canvas, as wide as its panel. Mounted only with seats to draw, so the
 * box it measures is there from its first render. Pointer and click answer roster positions.
 */
export function SeatCanvas({
  layout,
  stateOf,
  picked,
  onHover,
  onPick,
  label,
}: {
  layout: SeatLayout
  stateOf: (index: number) => SeatState
  /** The roster position clicked last: framed on the map. */
  picked: number | null
  onHover: (index: number | null) => void
  onPick: (index: number | null) => void
  label: string
}) {
  const { t } = useI18n()
  const { ref, width } = useElementSize()
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const geometry = useMemo(() => seatGeometry(layout, width, MAX_HEIGHT), [layout, width])
  const words = useMemo(
    () => ({ stage: t('hall.seats.stage'), row: (row: number) => t('hall.seats.row', { row }) }),
    [t],
  )
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas || width === 0) return
    const at = picked === null ? -1 : layout.seats.findIndex((s) => s.index === picked)
    const ms = drawSeatMap(canvas, layout, geometry, stateOf, words, undefined, at < 0 ? null : at)
    // For the e2e's measure of a large hall; an attribute, so drawing never re-renders.
    canvas.dataset.drawMs = ms.toFixed(1)
  }, [layout, geometry, stateOf, words, picked, width])

  const under = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect()
    const at = seatUnder(layout, geometry, e.clientX - rect.left, e.clientY - rect.top)
    return at === null ? null : (layout.seats[at]?.index ?? null)
  }
  return (
    <Box ref={ref} style={{ overflowX: 'auto' }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        data-testid="seat-map"
        data-cell={geometry.cell}
        data-left={geometry.left}
        data-top={geometry.top}
        style={{ display: 'block', cursor: 'pointer', touchAction: 'manipulation' }}
        onPointerMove={(e) => onHover(under(e))}
        onPointerLeave={() => onHover(null)}
        onClick={(e) => onPick(under(e))}
      />
    </Box>
  )
}
