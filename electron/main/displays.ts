/** Display choice as pure functions, so it is tested without Electron or a second screen. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface DisplayInfo {
  id: number
  bounds: Rect
  label?: string
}

/** What staff chose in the menu, remembered in the settings file. */
export interface ProjectorChoice {
  enabled: boolean
  /** null: the first external display, whichever it is. */
  displayId: number | null
}

export type ProjectorPlacement =
  | { kind: 'hidden' }
  /** Fullscreen on that display. */
  | { kind: 'fullscreen'; displayId: number; bounds: Rect }
  /** No second display: a plain window on the primary one, so staff can still check it. */
  | { kind: 'window'; displayId: number; bounds: Rect }

/** The projector: the first display that is not the primary one, or null with one display. */
export function pickProjectorDisplay<D extends DisplayInfo>(
  displays: readonly D[],
  primaryId: number,
  preferredId: number | null = null,
): D | null {
  const preferred = preferredId === null ? undefined : displays.find((d) => d.id === preferredId)
  return preferred ?? displays.find((d) => d.id !== primaryId) ?? null
}

const windowSize = { width: 1280, height: 720 }

/**
 * Where the projector window goes for the displays attached now. Called again on every display
 * added, removed or changed, so unplugging the projector cable brings the window back onto the
 * laptop and plugging it in sends it out again, without staff touching anything.
 */
export function placeProjector(
  displays: readonly DisplayInfo[],
  primaryId: number,
  choice: ProjectorChoice,
): ProjectorPlacement {
  if (!choice.enabled || displays.length === 0) return { kind: 'hidden' }
  const target = pickProjectorDisplay(displays, primaryId, choice.displayId)
  if (target) return { kind: 'fullscreen', displayId: target.id, bounds: target.bounds }
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0]
  if (!primary) return { kind: 'hidden' }
  const width = Math.min(windowSize.width, primary.bounds.width)
  const height = Math.min(windowSize.height, primary.bounds.height)
  return {
    kind: 'window',
    displayId: primary.id,
    bounds: {
      x: primary.bounds.x + Math.round((primary.bounds.width - width) / 2),
      y: primary.bounds.y + Math.round((primary.bounds.height - height) / 2),
      width,
      height,
    },
  }
}

/** Same placement: nothing to move (display-metrics-changed fires for many small things). */
export function samePlacement(a: ProjectorPlacement, b: ProjectorPlacement): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'hidden' || b.kind === 'hidden') return true
  return (
    a.displayId === b.displayId &&
    a.bounds.x === b.bounds.x &&
    a.bounds.y === b.bounds.y &&
    a.bounds.width === b.bounds.width &&
    a.bounds.height === b.bounds.height
  )
}

/** A menu label staff recognise: "显示器 2 · 1920×1080" plus the system's name when it has one. */
export function displayLabel(
  display: DisplayInfo,
  index: number,
  primaryId: number,
  words: { display: string; primary: string },
): string {
  const size = `${display.bounds.width}×${display.bounds.height}`
  const name = display.label ? ` ${display.label}` : ''
  const primary = display.id === primaryId ? ` (${words.primary})` : ''
  return `${words.display} ${index + 1}${name} · ${size}${primary}`
}
