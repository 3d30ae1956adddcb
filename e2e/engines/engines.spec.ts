import type { HostHandle } from '../../electron/host'
import { startHost } from '../host-fixture'
import { test } from '@playwright/test'
import { Firefox, firefoxMissing } from './firefox'
import {
  joinCodeScenario,
  screenScenario,
  screenViewport,
  tabletScenario,
  tabletViewport,
} from './scenarios'
import { webkitMissing, webkitPage, XDisplay } from './webkit'

/**
 * The tablet and the projector in the engines other than Chromium that halls meet: WebKit (iPad
 * Safari's engine, as WebKitGTK) and Firefox ESR, each driven over W3C WebDriver against a real
 * host. .ci/run installs both; a machine without them skips, CI never does.
 */

const hostPerTest = test.extend<{ host: HostHandle; base: string }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const { host, stop } = await startHost()
    await use(host)
    await stop()
  },
  base: async ({ host }, use) => use(`http://127.0.0.1:${host.port}`),
})

const tabletScenarios = [
  ['the card, 4选3, 已记录, reload', tabletScenario],
  ['the join code, 逐项表决, 已记录, reload', joinCodeScenario],
] as const

const skipUnless = (missing: string | undefined) =>
  hostPerTest.skip(!!missing && !process.env.CI, `needs ${missing}`)

hostPerTest.describe('WebKitGTK', () => {
  skipUnless(webkitMissing())
  let x: XDisplay | undefined
  hostPerTest.beforeAll(async () => {
    x = await new XDisplay().start()
  })
  hostPerTest.afterAll(async () => x?.stop())

  for (const [title, scenario] of tabletScenarios)
    hostPerTest(`tablet: ${title}`, async ({ host, base }) => {
      if (!x) throw new Error('no X display')
      const page = await webkitPage(x, tabletViewport)
      try {
        await scenario(page, host, base, 'webkit')
      } finally {
        await page.close()
      }
    })
})

hostPerTest.describe('Firefox ESR', () => {
  skipUnless(firefoxMissing())
  let firefox: Firefox | undefined
  hostPerTest.beforeAll(async () => {
    firefox = await new Firefox().launch()
  })
  hostPerTest.afterAll(async () => firefox?.close())

  for (const [title, scenario] of tabletScenarios)
    hostPerTest(`tablet: ${title}`, async ({ host, base }) => {
      if (!firefox) throw new Error('no Firefox')
      const page = await firefox.newPage(tabletViewport)
      try {
        await scenario(page, host, base, 'firefox')
      } finally {
        await page.close()
      }
    })

  hostPerTest('screen at 1920×1080: a published result', async ({ host, base }) => {
    if (!firefox) throw new Error('no Firefox')
    const page = await firefox.newPage(screenViewport)
    try {
      await screenScenario(page, host, base, 'firefox')
    } finally {
      await page.close()
    }
  })
})
