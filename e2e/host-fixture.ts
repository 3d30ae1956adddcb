import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { createHost } from '../electron/host'
import type { HostHandle } from '../electron/host'

/** Each test gets a real host on a free loopback port with its own temp data folder. */
export const test = base.extend<{ host: HostHandle; base: string }>({
  // Playwright reads a fixture's dependencies from its destructured first argument: none here.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-'))
    const keyDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-keys-'))
    const host = await createHost({
      dataDir,
      keyDir,
      port: 0,
      host: '127.0.0.1',
      log: () => undefined,
    })
    await use(host)
    await host.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(keyDir, { recursive: true, force: true })
  },
  base: async ({ host }, use) => {
    await use(`http://127.0.0.1:${host.port}`)
  },
})

export { expect } from '@playwright/test'

export const artifactsDir = join(process.cwd(), 'artifacts', 'screenshots')
