import { createTheme, darken } from '@mantine/core'
import type { CSSVariablesResolver } from '@mantine/core'

/** One theme for all pages; each page scales type for its viewing distance. */
export const theme = createTheme({
  primaryColor: 'red',
  colors: {
    // 人大红: deep, not alarm-red, reads well on projectors.
    red: [
      '#fff0f0',
      '#ffdcdc',
      '#f7b1b1',
      '#ef8383',
      '#e85c5c',
      '#e44343',
      '#c8102e',
      '#b30d27',
      '#a00a22',
      '#8b051c',
    ],
  },
  primaryShade: 6,
  // Filled buttons, badges and alerts pick black or white text by their colour's lightness:
  // white on Mantine's green or orange is 2.4:1 to 2.6:1, under the 4.5:1 WCAG AA asks. White
  // reaches 4.5:1 only on colours of relative luminance up to 0.18, hence the threshold.
  autoContrast: true,
  luminanceThreshold: 0.18,
  fontFamily:
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  defaultRadius: 'md',
})

/**
 * Secondary ("dimmed") text at 4.5:1 or more: Mantine's own (gray 6 on white) is 3.3:1, which
 * deputies past 55 and the back row of the hall lose. On the dark projector theme, gray 4 on
 * the dark body is 7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    // Text of light badges, alerts and buttons (e.g. a grey 草稿 badge) on their own tint: shade
    // 6 reads at 2:1 to 3.6:1; shade 9 darkened by a quarter at 4.7:1 (yellow) and more.
    ...Object.fromEntries(
      Object.entries(t.colors).map(([name, shades]) => [
        `--mantine-color-${name}-light-color`,
        darken(shades[9], 0.25),
      ]),
    ),
  },
  dark: { '--mantine-color-dimmed': t.colors.gray[4] },
})

/** Colours for text that must say a state at 4.5:1 on white and on its own light tint. */
export const statusInk = {
  good: '#1b5e20',
  goodTint: '#e8f5e9',
  warn: '#8a3c00',
  warnTint: '#fff4e6',
} as const
