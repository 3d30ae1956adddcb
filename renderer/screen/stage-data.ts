import type { AttendanceView, TurnoutView } from '../../shared/protocol/views'

/** Pure helpers for the non-result stages: quorum, turnout, countdown, headings, the join QR. */

/**
 * Quorum: another change adds quorum fields to AttendanceView. Until then (and for a host that
 * does not send them) the default applies: two-thirds of the roster present (过三分之二).
 * Reading the optional field here keeps the switch to one place.
 */
export interface QuorumState {
  needed: number
  met: boolean
}

/** The host decides the quorum (the meeting's rule, integer arithmetic); the screen shows it. */
export function quorumState(attendance: AttendanceView): QuorumState {
  return { needed: attendance.quorumNeeded, met: attendance.quorumMet }
}

/** Share of issued ballots cast, 0–100, for the turnout bar. */
export function turnoutPercent(turnout: TurnoutView): number {
  if (turnout.issued <= 0) return 0
  return Math.min(100, (100 * turnout.cast) / turnout.issued)
}

export interface Countdown {
  /** "mm:ss", or "h:mm:ss" past an hour. */
  text: string
  secondsLeft: number
  /** The last minute (or the last tenth of a short limit): shown in red. */
  urgent: boolean
  expired: boolean
}

/**
 * The countdown to a vote's deadline by the host's clock: `now` is the screen's clock plus the
 * offset measured when the last state arrived, so a projector PC with a wrong clock still counts
 * right.
 */
export function countdown(deadlineMs: number, nowMs: number, totalSeconds?: number): Countdown {
  const secondsLeft = Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000))
  const warnAt = Math.min(60, totalSeconds ? Math.max(10, Math.round(totalSeconds / 10)) : 60)
  const h = Math.floor(secondsLeft / 3600)
  const m = Math.floor((secondsLeft % 3600) / 60)
  const s = secondsLeft % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    text: h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`,
    secondsLeft,
    urgent: secondsLeft <= warnAt,
    expired: secondsLeft === 0,
  }
}

/**
 * The heading of the final list: "2027年度民生实事项目" from a vote titled
 * "2027年度民生实事项目票决"; without a year in the title, the title less its 票决 ending.
 */
export function finalHeading(voteTitle: string): { year: string | null; title: string } {
  const year = /^(\d{4})年度/.exec(voteTitle)?.[1] ?? null
  const title = voteTitle.replace(/（另行票决）$/, '').replace(/(票决|表决)$/, '')
  return { year, title }
}

/**
 * A QR code as one SVG path of unit squares, dark runs of a row merged: crisp at any projector
 * size, no canvas and no innerHTML. `dark(r, c)` reads the matrix the qrcode package builds.
 */
export function qrPath(size: number, dark: (row: number, col: number) => boolean): string {
  const parts: string[] = []
  for (let r = 0; r < size; r++) {
    let c = 0
    while (c < size) {
      if (!dark(r, c)) {
        c++
        continue
      }
      const start = c
      while (c < size && dark(r, c)) c++
      parts.push(`M${start} ${r}h${c - start}v1h${start - c}z`)
    }
  }
  return parts.join('')
}
