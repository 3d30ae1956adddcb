import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sectionOf } from './mantine-styles'

const styles = join(
  dirname(createRequire(import.meta.url).resolve('@mantine/core')),
  '..',
  'styles',
)
const whole = readFileSync(join(styles, '..', 'styles.css'), 'utf8')
/** The per-component files the tablet imports (renderer/tablet/styles.ts). */
const imported = [
  ...readFileSync('renderer/tablet/styles.ts', 'utf8').matchAll(
    /^import '@mantine\/core\/styles\/([A-Za-z-]+)\.css'$/gm,
  ),
].map((m) => m[1] as string)

describe("the tablet's Mantine styles", () => {
  it('are each cut from the whole stylesheet, in rem where Mantine writes rem', () => {
    expect(imported).toContain('Button')
    for (const name of imported) {
      const part = readFileSync(join(styles, `${name}.css`), 'utf8')
      const cut = sectionOf(whole, part, name)
      expect(whole).toContain(cut)
      // As many declarations as the file has: the same rules, only their lengths differ.
      expect(cut.split(';').length, name).toBe(part.trim().split(';').length)
    }
    const button = sectionOf(whole, readFileSync(join(styles, 'Button.css'), 'utf8'), 'Button')
    expect(button).toContain('--button-height-lg: calc(3.125rem * var(--mantine-scale))')
    expect(button).not.toContain('--button-height-lg: 50px')
  })

  it('fail the build for rules the whole stylesheet does not have', () => {
    expect(() => sectionOf(whole, '.m_nothing { color: red; }', 'Nothing')).toThrow(
      "Mantine's Nothing.css: its rules are not in styles.css",
    )
  })
})
