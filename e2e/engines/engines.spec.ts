import type { HostHandle } from '../../electron/host'
import { startHost } from '../host-fixture'
import { test } from '@playwright/test'
import type { EnginePage } from './engine-page'
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

type Viewport = { width: number; height: number }
interface Launched {
  newPage(viewport: Viewport): Promise<EnginePage>
  close(): Promise<void>
}

const engines: { name: string; id: string; missing?: string; launch: () => Promise<Launched> }[] = [
  {
    name: 'WebKitGTK',
    id: 'webkit',
    missing: webkitMissing(),
    launch: async () => {
      const x = await new XDisplay().start()
      return { newPage: (viewport) => webkitPage(x, viewport), close: () => x.stop() }
    },
  },
  {
    name: 'Firefox ESR',
    id: 'firefox',
    missing: firefoxMissing(),
    launch: async () => {
      const firefox = await new Firefox().launch()
      return { newPage: (viewport) => firefox.newPage(viewport), close: () => firefox.close() }
    },
  },
]

type Scenario = (page: EnginePage, host: HostHandle, base: string, name: string) => Promise<void>
const scenarios: [string, Viewport, Scenario, engines?: string[]][] = [
  ['tablet: the card, 4选3, 已记录, reload', tabletViewport, tabletScenario],
  ['tablet: the join code, 逐项表决, 已记录, reload', tabletViewport, joinCodeScenario],
  ['screen at 1920×1080: a published result', screenViewport, screenScenario, ['firefox']],
]

for (const engine of engines) {
  hostPerTest.describe(engine.name, () => {
    hostPerTest.skip(!!engine.missing && !process.env.CI, `needs ${engine.missing}`)
    let launched: Launched | undefined
    hostPerTest.beforeAll(async () => {
      launched = await engine.launch()
    })
    hostPerTest.afterAll(async () => launched?.close())

    for (const [title, viewport, scenario, only] of scenarios) {
      if (only && !only.includes(engine.id)) continue
      hostPerTest(title, async ({ host, base }) => {
        if (!launched) throw new Error(`${engine.name} did not start`)
        const page = await launched.newPage(viewport)
        try {
          await scenario(page, host, base, engine.id)
        } finally {
          await page.close()
        }
      })
    }
  })
}
