import type { BarMark, StatusWord } from '../chart-data'

/**
 * The results charts' colours, light and dark. Every colour that is also text (the per-item
 * counts print in their legend colour) reads at ≥ 4.5:1 on its background; colour never carries
 * a state alone (the status word beside each bar does).
 */
type Pair = { light: string; dark: string }

export const markColors: Record<BarMark, Pair> = {
  elected: { light: '#c8102e', dark: '#e5383b' },
  tied: { light: '#b35900', dark: '#ffa94d' },
  passed: { light: '#e89a9a', dark: '#a35d5d' },
  failed: { light: '#a5abb3', dark: '#5c636a' },
}

/** 赞成/反对/弃权: the segments of a per-item bar, its counts and its legend, alike. */
export const stackColors = {
  for: { light: '#c8102e', dark: '#ff6b6b' },
  against: { light: '#343a40', dark: '#ced4da' },
  abstain: { light: '#8d6e00', dark: '#fcc419' },
} satisfies Record<string, Pair>

export const thresholdColor: Pair = { light: '#1864ab', dark: '#4dabf7' }

/** The tie band's tint behind the tied rows. */
export const tieTint: Pair = { light: '#fff1e0', dark: '#3d2a12' }

/** A status word's pill: filled for a decision the hall hears first, outlined for the others. */
export const statusStyle: Record<StatusWord, { fill: BarMark | null; text: Pair }> = {
  elected: { fill: 'elected', text: { light: '#ffffff', dark: '#ffffff' } },
  passed: { fill: 'elected', text: { light: '#ffffff', dark: '#ffffff' } },
  tied: { fill: 'tied', text: { light: '#ffffff', dark: '#1a1b1e' } },
  failed: { fill: null, text: { light: '#343a40', dark: '#ced4da' } },
  overCap: { fill: null, text: { light: '#343a40', dark: '#ced4da' } },
}
