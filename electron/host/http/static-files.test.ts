import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHost } from '..'
import type { HostHandle } from '..'
import { rawGet } from '../testing/raw-get'
import { precompressFiles } from './precompress'

/** Text that compresses as a built script does: repeated, but not one byte over and over. */
const script = Array.from({ length: 400 }, (_, i) => `export const v${i} = "页面 ${i % 37}";`).join(
  '\n',
)

/** A real host serving a small build folder, compressed as the build compresses it. */
describe('static files', () => {
  let dir = ''
  let out = ''
  let host: HostHandle
  let base = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-static-'))
    out = join(dir, 'out')
    await mkdir(join(out, 'tablet'), { recursive: true })
    await mkdir(join(out, 'assets'), { recursive: true })
    const files = {
      'tablet/index.html': `<!doctype html><title>t</title><script src="/assets/tablet-BK0AEx6O.js"></script>${'<p>代表</p>'.repeat(50)}`,
      'assets/tablet-BK0AEx6O.js': script,
      'assets/socket-Ti6wMOQp.css': 'body{}',
      'assets/notes.txt': 'unhashed',
    }
    for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text)
    await precompressFiles(Object.keys(files).map((name) => join(out, name)))
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
    expect(await js.text()).toBe(script)

    const unhashed = await fetch(`${base}/assets/notes.txt`)
    expect(unhashed.headers.get('cache-control')).toBe('no-cache')
    expect((await fetch(`${base}/assets/missing-AAAAAAAA.js`)).status).toBe(404)
  })

  it('answers br to br, gzip to gzip, identity otherwise: the same bytes decoded', async () => {
    const url = `${base}/assets/tablet-BK0AEx6O.js`
    const original = Buffer.from(script)
    const decoders = {
      br: brotliDecompressSync,
      gzip: gunzipSync,
      identity: (b: Buffer) => b,
    }
    const cases = [
      ['gzip, deflate, br', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0, br;q=0', 'identity'],
      ['deflate', 'identity'],
      [undefined, 'identity'],
    ] as const
    const sizes = new Map<string, number>()
    for (const [accept, coding] of cases) {
      const res = await rawGet(url, accept === undefined ? {} : { 'Accept-Encoding': accept })
      expect(res.status, String(accept)).toBe(200)
      expect(res.headers['content-encoding'], String(accept)).toBe(
        coding === 'identity' ? undefined : coding,
      )
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
      expect(Number(res.headers['content-length'])).toBe(res.body.length)
      expect(decoders[coding](res.body).equals(original), String(accept)).toBe(true)
      sizes.set(coding, res.body.length)
    }
    // What was sent is the build's file, not compressed here.
    expect(sizes.get('br')).toBe((await readFile(join(out, 'assets/tablet-BK0AEx6O.js.br'))).length)
    expect(sizes.get('br')).toBeLessThan(sizes.get('gzip') ?? 0)
    expect(sizes.get('gzip')).toBeLessThan(original.length / 4)

    // HEAD: the same headers, the length of what a GET would send, no body.
    const head = await rawGet(url, { 'Accept-Encoding': 'br' }, 'HEAD')
    expect(head.headers['content-encoding']).toBe('br')
    expect(Number(head.headers['content-length'])).toBe(sizes.get('br'))
    expect(head.body.length).toBe(0)
  })

  it('answers 304 to a page asked again with its ETag, one ETag per coding', async () => {
    const url = `${base}/tablet/`
    const first = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(first.status).toBe(200)
    expect(first.headers['content-encoding']).toBe('br')
    const etag = first.headers.etag ?? ''
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}-br"$/)

    const again = await rawGet(url, {
      'Accept-Encoding': 'gzip, deflate, br',
      'If-None-Match': etag,
    })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.etag).toBe(etag)
    expect(again.headers.vary).toBe('Accept-Encoding')
    expect(again.headers['cache-control']).toBe('no-cache')
    // The revalidation costs headers only: well under the 3 KB a reload may take.
    expect(again.wireBytes).toBeLessThan(1500)

    // Another coding is another representation: its own tag, and the br tag does not match it.
    const gzip = await rawGet(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })
    expect(gzip.status).toBe(200)
    expect(gzip.headers.etag).toBe(etag.replace('-br"', '-gzip"'))
    const plain = await rawGet(url, { 'If-None-Match': `W/"x", ${etag.replace('-br', '')}` })
    expect(plain.status).toBe(304)

    // A new build of the page is a new tag: the old one no longer matches.
    const page = join(out, 'tablet/index.html')
    await writeFile(page, '<!doctype html><title>new</title>')
    const later = new Date(Date.now() + 60_000)
    await utimes(page, later, later)
    const rebuilt = await rawGet(url, { 'Accept-Encoding': 'br', 'If-None-Match': etag })
    expect(rebuilt.status).toBe(200)
    expect(rebuilt.body.toString()).toBe('<!doctype html><title>new</title>')
  })

  it('never sends a compressed copy older than its file, nor one the build did not write', async () => {
    // notes.txt and the 6-byte stylesheet do not shrink: no copies were written.
    const css = await rawGet(`${base}/assets/socket-Ti6wMOQp.css`, {
      'Accept-Encoding': 'br, gzip',
    })
    expect(css.headers['content-encoding']).toBeUndefined()
    expect(css.body.toString()).toBe('body{}')

    // A file replaced by hand after the build: its old .br and .gz are stale.
    const file = join(out, 'assets/tablet-BK0AEx6O.js')
    await writeFile(file, 'console.log("patched")')
    const later = new Date(Date.now() + 60_000)
    await utimes(file, later, later)
    const res = await rawGet(`${base}/assets/tablet-BK0AEx6O.js`, { 'Accept-Encoding': 'br' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toBe('console.log("patched")')
  })
})
