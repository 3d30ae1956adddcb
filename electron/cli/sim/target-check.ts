/** A target from the issues and whether a run met it; `null` when the run could not tell. */
export interface TargetCheck {
  target: string
  measured: string
  met: boolean | null
}
