import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * What CI runs (.ci/run: npm ci, then npm test) must leave no test skipped for want of
 * something CI could have given it: tests of the build need the build done first, and the PDF
 * tests need poppler's tools. (A test that still skips prints why: testing/skip-unless.ts.)
 */

const root = join(import.meta.dirname, '../../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
}

describe('npm test', () => {
  it('builds before the unit tests and the e2e, which use the build', () => {
    const steps = (pkg.scripts.test ?? '').split('&&').map((step) => step.trim())
    const build = steps.indexOf('npm run build')
    expect(build).toBeGreaterThanOrEqual(0)
    expect(build).toBeLessThan(steps.indexOf('npm run test:unit'))
    expect(build).toBeLessThan(steps.indexOf('npm run test:e2e'))
  })

  it('runs on a CI machine given poppler-utils, which the PDF read-back tests need', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
    expect(ci).toMatch(/packages\+=\(poppler-utils\)/)
    expect(ci).toMatch(/\nnpm test\n/)
  })

  it('runs on a CI machine given Firefox ESR, WebKitGTK and Xvfb, which e2e/engines drives', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
    for (const pkg of ['firefox-esr', 'webkit2gtk-driver', 'xvfb'])
      expect(ci).toContain(`packages+=(${pkg})`)
  })
})
