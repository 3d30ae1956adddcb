import { createTheme } from '@mantine/core'

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
  fontFamily:
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  defaultRadius: 'md',
})
