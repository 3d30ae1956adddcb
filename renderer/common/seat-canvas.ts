import type { SeatLayout } from '../../shared/hall/seat-map'
import { seatAt } from '../../shared/hall/seat-map'

/**
 * Draws a seat map (shared/hall/seat-map.ts) on a canvas: 3,000 seats are a few thousand
 * rectangles, drawn in a few milliseconds, where as many elements would cost the page far more
 * at every update. Console and screen draw alike; only the sizes and the states differ.
 *
 * Each state differs by more than colour: present is filled, absent hollow, on leave struck
 * through, voted pale, not yet voted dark with a heavy ring (orange and blue: apart for
 * colour-blind eyes too).
 */

export type SeatState = 'present' | 'absent' | 'leave' | 'voted' | 'not-voted'

export interface SeatPalette {
  present: string
  absent: string
  leave: string
  leaveMark: string
  voted: string
  notVoted: string
  ring: string
  label: string
  stage: string
  stageText: string
}

export const seatPalette: SeatPalette = {
  present: '#2b8a3e',
  absent: '#868e96',
  leave: '#ffd43b',
  leaveMark: '#5c3c00',
  voted: '#a5d8ff',
  notVoted: '#d9480f',
  ring: '#1a1a1a',
  label: '#343a40',
  stage: '#e9ecef',
  stageText: '#343a40',
}

export const darkSeatPalette: SeatPalette = {
  ...seatPalette,
  present: '#40c057',
  absent: '#adb5bd',
  voted: '#4dabf7',
  ring: '#f8f9fa',
  label: '#dee2e6',
  stage: '#373a40',
  stageText: '#f1f3f5',
}

/** Where the grid sits in the canvas, in CSS pixels. */
export interface SeatGeometry {
  /** One seat's square, gap included. */
  cell: number
  left: number
  top: number
  width: number
  height: number
  /** Row numbers' and section names' text size, 0 when the seats are too small for them. */
  font: number
  /** The stage's label: never below the page's smallest text. */
  stageFont: number
  stageHeight: number
}

/**
 * The largest cell (within `minCell`–`maxCell`) that fits the whole map in `width` × `height`;
 * the map is centred across the width. Where even `minCell` does not fit the height, the map is
 * as tall as it needs (the page scrolls).
 */
export function seatGeometry(
  layout: SeatLayout,
  width: number,
  height: number,
  {
    minCell = 5,
    maxCell = 34,
    minFont = 11,
  }: { minCell?: number; maxCell?: number; minFont?: number } = {},
): SeatGeometry {
  const fits = (cell: number, font: number) => {
    const labelW = font > 0 ? font * 3.2 : 0
    const stageH = Math.max(font, minFont) * 1.8
    return {
      labelW,
      stageH,
      w: labelW + layout.columns * cell,
      h: stageH + layout.lines * cell,
    }
  }
  const fontFor = (cell: number) => (cell >= 12 ? Math.max(minFont, Math.min(cell * 0.6, 28)) : 0)
  let cell = maxCell
  while (cell > minCell) {
    const f = fits(cell, fontFor(cell))
    if (f.w <= width && f.h <= height) break
    cell -= 0.5
  }
  const font = fontFor(cell)
  const f = fits(cell, font)
  return {
    cell,
    left: Math.max(0, (width - f.w) / 2) + f.labelW,
    top: f.stageH,
    width: Math.max(width, f.w),
    height: f.h,
    font,
    stageFont: Math.max(font, minFont),
    stageHeight: f.stageH,
  }
}

/** The seat (its position in `layout.seats`) under a point in CSS pixels, or null. */
export function seatUnder(
  layout: SeatLayout,
  g: SeatGeometry,
  x: number,
  y: number,
): number | null {
  return seatAt(layout, Math.floor((x - g.left) / g.cell), Math.floor((y - g.top) / g.cell))
}

/**
 * Draws the whole map; `stateOf(index)` answers for the deputy at roster position `index`.
 * `picked` (a position in `layout.seats`) gets a frame. Answers how long it took, in ms.
 */
export function drawSeatMap(
  canvas: HTMLCanvasElement,
  layout: SeatLayout,
  g: SeatGeometry,
  stateOf: (index: number) => SeatState,
  words: { stage: string; row: (row: number) => string },
  palette: SeatPalette = seatPalette,
  picked: number | null = null,
): number {
  const started = performance.now()
  const ratio = window.devicePixelRatio || 1
  const w = Math.ceil(g.width)
  const h = Math.ceil(g.height)
  if (canvas.width !== w * ratio || canvas.height !== h * ratio) {
    canvas.width = w * ratio
    canvas.height = h * ratio
    canvas.style.width = `${w}px`
    canvas.style.height = `${h}px`
  }
  const ctx = canvas.getContext('2d')
  if (!ctx) return 0
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  ctx.clearRect(0, 0, w, h)

  // The front of the hall.
  const gridW = layout.columns * g.cell
  const stageFont = g.stageFont
  ctx.font = `600 ${stageFont}px sans-serif`
  // As wide as the seats, or as its words for a narrow hall.
  const barW = Math.max(gridW, ctx.measureText(words.stage).width + stageFont)
  ctx.fillStyle = palette.stage
  ctx.fillRect(g.left + (gridW - barW) / 2, 0, barW, g.stageHeight * 0.8)
  ctx.fillStyle = palette.stageText
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(words.stage, g.left + gridW / 2, g.stageHeight * 0.4)

  if (g.font > 0) {
    ctx.fillStyle = palette.label
    ctx.font = `${g.font}px sans-serif`
    ctx.textAlign = 'right'
    for (const { y, row } of layout.rowLabels)
      ctx.fillText(words.row(row), g.left - g.font * 0.4, g.top + (y + 0.5) * g.cell)
    ctx.font = `700 ${g.font}px sans-serif`
    ctx.textAlign = 'center'
    for (const { y, name } of layout.sectionLabels)
      ctx.fillText(name, g.left + gridW / 2, g.top + (y + 0.5) * g.cell)
  }

  // One path per state, filled or stroked once: a few calls whatever the hall's size.
  const gap = Math.max(1, g.cell * 0.16)
  const size = g.cell - gap
  const paths: Record<SeatState, Path2D> = {
    present: new Path2D(),
    absent: new Path2D(),
    leave: new Path2D(),
    voted: new Path2D(),
    'not-voted': new Path2D(),
  }
  const marks = new Path2D()
  const line = Math.max(1, size * 0.14)
  for (const seat of layout.seats) {
    const x = g.left + seat.x * g.cell + gap / 2
    const y = g.top + seat.y * g.cell + gap / 2
    const state = stateOf(seat.index)
    if (state === 'absent') paths.absent.rect(x + line / 2, y + line / 2, size - line, size - line)
    else paths[state].rect(x, y, size, size)
    if (state === 'leave') {
      marks.moveTo(x, y + size)
      marks.lineTo(x + size, y)
    }
  }
  ctx.fillStyle = palette.present
  ctx.fill(paths.present)
  ctx.fillStyle = palette.voted
  ctx.fill(paths.voted)
  ctx.fillStyle = palette.leave
  ctx.fill(paths.leave)
  ctx.strokeStyle = palette.leaveMark
  ctx.lineWidth = line
  ctx.stroke(marks)
  ctx.strokeStyle = palette.absent
  ctx.stroke(paths.absent)
  ctx.fillStyle = palette.notVoted
  ctx.fill(paths['not-voted'])
  ctx.strokeStyle = palette.ring
  ctx.lineWidth = Math.max(1, size * 0.12)
  ctx.stroke(paths['not-voted'])

  if (picked !== null) {
    const seat = layout.seats[picked]
    if (seat) {
      ctx.strokeStyle = palette.ring
      ctx.lineWidth = Math.max(2, g.cell * 0.18)
      ctx.strokeRect(
        g.left + seat.x * g.cell - 1,
        g.top + seat.y * g.cell - 1,
        g.cell + 2,
        g.cell + 2,
      )
    }
  }
  return performance.now() - started
}
