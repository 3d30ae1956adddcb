import { describe, expect, it } from 'vitest'
import { displayLabel, pickProjectorDisplay, placeProjector, samePlacement } from './displays'
import type { DisplayInfo } from './displays'

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } }
const projector: DisplayInfo = { id: 7, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } }
const tv: DisplayInfo = { id: 9, bounds: { x: -1280, y: 0, width: 1280, height: 720 } }

describe('pickProjectorDisplay', () => {
  it('takes the first display that is not the primary', () => {
    expect(pickProjectorDisplay([laptop, projector, tv], 1)?.id).toBe(7)
    expect(pickProjectorDisplay([projector, laptop], 7)?.id).toBe(1)
  })
  it('is null with one display', () => {
    expect(pickProjectorDisplay([laptop], 1)).toBeNull()
  })
  it('prefers the display staff chose while it is attached', () => {
    expect(pickProjectorDisplay([laptop, projector, tv], 1, 9)?.id).toBe(9)
    expect(pickProjectorDisplay([laptop, projector], 1, 9)?.id).toBe(7)
  })
})

describe('placeProjector', () => {
  const auto = { enabled: true, displayId: null }
  it('goes fullscreen on the external display', () => {
    expect(placeProjector([laptop, projector], 1, auto)).toEqual({
      kind: 'fullscreen',
      displayId: 7,
      bounds: projector.bounds,
    })
  })
  it('follows the projector being unplugged and plugged in again', () => {
    const unplugged = placeProjector([laptop], 1, auto)
    expect(unplugged).toEqual({
      kind: 'window',
      displayId: 1,
      bounds: { x: 80, y: 90, width: 1280, height: 720 },
    })
    expect(placeProjector([laptop, tv], 1, { enabled: true, displayId: 7 })).toMatchObject({
      kind: 'fullscreen',
      displayId: 9,
    })
  })
  it('fits the fallback window on a small primary display', () => {
    const small: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1024, height: 600 } }
    expect(placeProjector([small], 1, auto)).toMatchObject({
      bounds: { x: 0, y: 0, width: 1024, height: 600 },
    })
  })
  it('stays hidden when staff turned it off, or with no display at all', () => {
    expect(placeProjector([laptop, projector], 1, { enabled: false, displayId: 7 })).toEqual({
      kind: 'hidden',
    })
    expect(placeProjector([], 1, auto)).toEqual({ kind: 'hidden' })
  })
  it('lets staff put it on the primary display on purpose', () => {
    expect(placeProjector([laptop, projector], 1, { enabled: true, displayId: 1 })).toMatchObject({
      kind: 'fullscreen',
      displayId: 1,
    })
  })
})

describe('samePlacement', () => {
  it('compares kind, display and bounds', () => {
    const a = placeProjector([laptop, projector], 1, { enabled: true, displayId: null })
    expect(samePlacement(a, { ...a })).toBe(true)
    expect(samePlacement(a, { kind: 'hidden' })).toBe(false)
    expect(samePlacement({ kind: 'hidden' }, { kind: 'hidden' })).toBe(true)
    const moved = placeProjector(
      [laptop, { ...projector, bounds: { ...projector.bounds, x: 1600 } }],
      1,
      { enabled: true, displayId: null },
    )
    expect(samePlacement(a, moved)).toBe(false)
  })
})

describe('displayLabel', () => {
  it('names the display by number, size and primary mark', () => {
    const words = { display: '显示器', primary: '主屏' }
    expect(displayLabel(laptop, 0, 1, words)).toBe('显示器 1 · 1440×900 (主屏)')
    expect(displayLabel({ ...projector, label: 'EPSON' }, 1, 1, words)).toBe(
      '显示器 2 EPSON · 1920×1080',
    )
  })
})
