/** Display choice as a pure function, so it is tested without Electron. */
export interface DisplayInfo {
  id: number
  bounds: { x: number; y: number; width: number; height: number }
}

/** The projector: the first display that is not the primary one, or null with one display. */
export function pickProjectorDisplay<D extends DisplayInfo>(
  displays: readonly D[],
  primaryId: number,
): D | null {
  return displays.find((d) => d.id !== primaryId) ?? null
}
