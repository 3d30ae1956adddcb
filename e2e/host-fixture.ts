import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import type { Browser, BrowserContext } from '@playwright/test'
import { createHost } from '../electron/host'
import type { HostHandle } from '../electron/host'

/**
 * What went wrong on the pages of one test: console errors, uncaught exceptions and CSP
 * violations. Any of them fails the test; a test that provokes console errors on purpose (a host
 * stopped under a tablet) allows those by pattern. A CSP violation is never allowed.
 */
export interface PageProblems {
  /** Console errors matching this are expected in this test. */
  allow(pattern: RegExp): void
  /** Watches this context's pages (once, however often it is asked). */
  watch(context: BrowserContext): Promise<void>
}

/**
 * Runs in every document before the page's own scripts: records each CSP violation and reports
 * it as a console error. Chromium reports a blocked eval (zod's `new Function` probe, caught by
 * zod) with no console message at all; the event is what every browser fires.
 */
function recordCspViolations(): void {
  const seen: string[] = []
  ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const text = `CSP violation on ${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`
      seen.push(text)
      console.error(text)
    },
    true,
  )
}

async function watchContext(context: BrowserContext, problems: string[]): Promise<void> {
  await context.addInitScript(recordCspViolations)
  context.on('console', (msg) => {
    if (msg.type() === 'error')
      problems.push(`console error on ${msg.location().url}: ${msg.text()}`)
  })
  context.on('weberror', (error) => problems.push(`uncaught: ${String(error.error())}`))
}

/** Violations still held by open pages, in case a console message did not arrive in time. */
async function openPageViolations(contexts: BrowserContext[]): Promise<string[]> {
  const found: string[] = []
  for (const context of contexts) {
    for (const page of context.pages()) {
      if (page.isClosed()) continue
      const held = await page
        .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
        .catch(() => [])
      found.push(...held)
    }
  }
  return found
}

/** A real host on a free loopback port with its own temp data and key folders; `stop` removes them. */
export async function startHost(): Promise<{ host: HostHandle; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-'))
  const keyDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-keys-'))
  const host = await createHost({
    dataDir,
    keyDir,
    port: 0,
    host: '127.0.0.1',
    log: () => undefined,
  })
  const stop = async () => {
    await host.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(keyDir, { recursive: true, force: true })
  }
  return { host, stop }
}

/**
 * Each test gets a real host on a free loopback port with its own temp data folder, and every
 * page it opens (the `page` fixture's, or of a context it makes itself, such as a tablet's) is
 * watched for console errors and CSP violations.
 */
export const test = base.extend<{
  host: HostHandle
  base: string
  pageProblems: PageProblems
}>({
  // Playwright reads a fixture's dependencies from its destructured first argument: none here.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const { host, stop } = await startHost()
    await use(host)
    await stop()
  },
  base: async ({ host }, use) => {
    await use(`http://127.0.0.1:${host.port}`)
  },
  pageProblems: [
    // After the host, so its check runs (and the pages close) before the host stops: a page left
    // open would log its reconnects to a stopped host.
    async ({ browser, host: _host }, use) => {
      const list: string[] = []
      const allowed: RegExp[] = []
      const watched: BrowserContext[] = []
      const watch = async (context: BrowserContext) => {
        if (watched.includes(context)) return
        watched.push(context)
        await watchContext(context, list)
      }
      // Contexts the test makes itself: the browser fixture is shared by the worker's tests, so
      // its newContext is wrapped for this test only.
      const original = browser.newContext.bind(browser)
      const wrapped: Browser['newContext'] = async (options) => {
        const context = await original(options)
        await watch(context)
        return context
      }
      browser.newContext = wrapped
      try {
        await use({ allow: (pattern) => allowed.push(pattern), watch })
      } finally {
        browser.newContext = original
      }
      const violations = await openPageViolations(watched)
      for (const context of watched) await context.close().catch(() => undefined)
      const problems = [...list, ...violations.filter((v) => !list.some((p) => p.includes(v)))]
      const unexpected = problems.filter(
        (p) => p.includes('CSP violation') || !allowed.some((re) => re.test(p)),
      )
      expect(unexpected, 'console errors or CSP violations on the pages').toEqual([])
    },
    { auto: true },
  ],
  // The `page` fixture's own context, made before this test's code runs.
  context: async ({ context, pageProblems }, use) => {
    await pageProblems.watch(context)
    await use(context)
  },
})

export { expect }

/**
 * Waiting for an upload's preview: the host parses it in a process of the lowest priority
 * (electron/host/tables/import-worker.ts), which on a loaded machine waits for every other
 * process, browsers and host included; the parse's own limit is 60 s.
 */
export const parsed = { timeout: 60_000 }

export const artifactsDir = join(process.cwd(), 'artifacts', 'screenshots')
