import { existsSync } from 'node:fs'
import { chromium, defineConfig } from '@playwright/test'

/**
 * Real Chromium. Playwright's own browser cannot be downloaded on the hall's build machines, so
 * Debian's chromium is used when it is absent (.ci/run installs it).
 */
function executablePath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH
  try {
    if (existsSync(chromium.executablePath())) return undefined
  } catch {
    // No bundled browser registered.
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: executablePath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
})
