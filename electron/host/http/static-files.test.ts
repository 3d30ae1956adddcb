import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHost } from '..'
import type { HostHandle } from '..'

/** A real host serving a small build folder: what tablets' browsers are told to cache. */
describe('static files', () => {
  let dir = ''
  let host: HostHandle
  let base = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-static-'))
    const out = join(dir, 'out')
    await mkdir(join(out, 'tablet'), { recursive: true })
    await mkdir(join(out, 'assets'), { recursive: true })
    await writeFile(join(out, 'tablet', 'index.html'), '<!doctype html><title>t</title>')
    await writeFile(join(out, 'assets', 'tablet-BK0AEx6O.js'), 'console.log(1)')
    await writeFile(join(out, 'assets', 'socket-Ti6wMOQp.css'), 'body{}')
    await writeFile(join(out, 'assets', 'notes.txt'), 'unhashed')
    host = await createHost({
      dataDir: join(dir, 'data'),
      port: 0,
      host: '127.0.0.1',
      staticDir: out,
      log: () => undefined,
    })
    base = `http://127.0.0.1:${host.port}`
  })
  afterEach(async () => {
    await host.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('caches hashed assets for a year, immutable; pages and unhashed files revalidate', async () => {
    const page = await fetch(`${base}/tablet/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-cache')
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')

    for (const asset of ['/assets/tablet-BK0AEx6O.js', '/assets/socket-Ti6wMOQp.css']) {
      const res = await fetch(`${base}${asset}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    }
    const js = await fetch(`${base}/assets/tablet-BK0AEx6O.js`)
    expect(await js.text()).toBe('console.log(1)')

    const unhashed = await fetch(`${base}/assets/notes.txt`)
    expect(unhashed.headers.get('cache-control')).toBe('no-cache')
    expect((await fetch(`${base}/assets/missing-AAAAAAAA.js`)).status).toBe(404)
  })
})
