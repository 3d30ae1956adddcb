import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

/**
 * Mantine's per-component stylesheets (`@mantine/core/styles/Button.css`…) are published in
 * pixels, while its whole stylesheet has the same rules in rem (`50px` there is
 * `calc(3.125rem * var(--mantine-scale))`): only rem grows with the text size a deputy sets on
 * the tablet (200 % in e2e/accessibility.spec.ts). So each per-component file the tablet
 * imports is served as its own rules cut from the whole stylesheet, byte for byte as Mantine
 * wrote them there; a file whose rules are not found there fails the build.
 */
export function mantineStylesInRem(): Plugin {
  let whole: string | undefined
  return {
    name: 'plenary:mantine-styles-in-rem',
    enforce: 'pre',
    load(id) {
      const file = /[\\/]@mantine[\\/]core[\\/]styles[\\/]([A-Za-z-]+)\.css$/.exec(id)
      if (!file) return null
      // styles.css sits beside the styles/ folder.
      whole ??= readFileSync(join(dirname(id), '..', 'styles.css'), 'utf8')
      return sectionOf(whole, readFileSync(id, 'utf8'), file[1] ?? id)
    },
  }
}

/**
 * The part of `whole` that is `part` with its pixel lengths as Mantine's build writes them (the
 * same, or in rem), whitespace aside.
 */
export function sectionOf(whole: string, part: string, name: string): string {
  const pattern = part
    .trim()
    .split(/(\s+|-?\d*\.?\d+px)/)
    .filter((token) => token !== '')
    .map((token) => {
      if (/^\s+$/.test(token)) return '\\s*'
      const px = /^(-?\d*\.?\d+)px$/.exec(token)
      if (!px) return token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      const rem = Number(px[1]) / 16
      return `(?:${token}|calc\\(${String(rem).replace('.', '\\.')}rem \\* var\\(--mantine-scale\\)\\))`
    })
    .join('')
  const found = new RegExp(pattern).exec(whole)
  if (!found) throw new Error(`Mantine's ${name}.css: its rules are not in styles.css`)
  return found[0]
}
