import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressFiles } from '../../host/http/precompress'
import { measureTabletPage, references } from './tablet-page-size'
import type { PageBytes } from './tablet-page-size'

const text = (seed: string) =>
  Array.from({ length: 300 }, (_, i) => `const ${seed}${i}="代表${i % 17}";`).join('\n')

/**
 * A small build folder in the shape Vite writes, measured through a real host: the page's
 * script imports a module the HTML does not name, its stylesheet names a font, and a console
 * script nobody references must not be counted.
 */
const files: Record<string, string> = {
  'tablet/index.html': [
    '<!doctype html><link rel="icon" href="data:,">',
    '<script type="module" crossorigin src="../assets/tablet-AAAAAAA1.js"></script>',
    '<link rel="modulepreload" crossorigin href="../assets/socket-AAAAAAA2.js">',
    '<link rel="stylesheet" crossorigin href="../assets/tablet-AAAAAAA3.css">',
    '<link rel="canonical" href="https://example.invalid/">',
    '<a href="/console/">not fetched by a browser</a>',
  ].join(''),
  'assets/tablet-AAAAAAA1.js': `import{a as b}from"./socket-AAAAAAA2.js";import"./views-AAAAAAA4.js";${text('t')}`,
  'assets/socket-AAAAAAA2.js': text('s'),
  'assets/views-AAAAAAA4.js': `export{x}from"./socket-AAAAAAA2.js";${text('v')}`,
  'assets/tablet-AAAAAAA3.css': `@font-face{src:url(./font-AAAAAAA5.woff2)}a{background:url("data:image/png;base64,AA")}${'.b{color:red}'.repeat(200)}`,
  'assets/font-AAAAAAA5.woff2': 'wOF2 not really a font, stored as it is',
  'assets/console-AAAAAAA6.js': text('c'),
}

describe('the tablet page as the host sends it', () => {
  let dir = ''
  let bytes: PageBytes
  const size = async (name: string) => (await stat(join(dir, name))).size
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-page-bytes-test-'))
    await mkdir(join(dir, 'tablet'))
    await mkdir(join(dir, 'assets'))
    for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body)
    await precompressFiles(Object.keys(files).map((name) => join(dir, name)))
    bytes = await measureTabletPage(dir)
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('follows what a browser fetches, each file once, and nothing else', () => {
    expect(bytes.br.files.map((f) => f.path)).toEqual([
      '/tablet/',
      '/assets/tablet-AAAAAAA1.js',
      '/assets/socket-AAAAAAA2.js',
      '/assets/tablet-AAAAAAA3.css',
      '/assets/views-AAAAAAA4.js',
      '/assets/font-AAAAAAA5.woff2',
    ])
    expect(bytes.br.files.every((f) => f.status === 200)).toBe(true)
  })

  it('counts the bytes as sent in each coding: the build’s files, plus the headers', async () => {
    for (const [load, suffix, coding] of [
      [bytes.br, '.br', 'br'],
      [bytes.gzip, '.gz', 'gzip'],
      [bytes.identity, '', 'identity'],
    ] as const) {
      let body = 0
      for (const f of load.files) {
        const font = f.path.endsWith('.woff2')
        expect(f.coding, f.path).toBe(font ? 'identity' : coding)
        const name =
          (f.path === '/tablet/' ? 'tablet/index.html' : f.path.slice(1)) + (font ? '' : suffix)
        expect(f.bodyBytes, f.path).toBe(await size(name))
        expect(f.wireBytes).toBeGreaterThan(f.bodyBytes + 300)
        body += f.bodyBytes
      }
      expect(load.bodyBytes).toBe(body)
    }
    expect(bytes.br.bodyBytes).toBeLessThan(bytes.gzip.bodyBytes)
    expect(bytes.gzip.bodyBytes).toBeLessThan(bytes.identity.bodyBytes / 3)
  })

  it('a reload asks for the page only, answered 304 with no body', () => {
    expect(bytes.reload.files).toEqual([
      expect.objectContaining({ path: '/tablet/', status: 304, bodyBytes: 0 }),
    ])
    expect(bytes.reload.wireBytes).toBeLessThan(3 * 1024)
  })

  it('reads references from HTML, CSS and built modules only', () => {
    expect(references('http://h/assets/x.js', 'a="import(\\"./y.js\\")";import("./z.js")')).toEqual(
      [],
    )
    expect(references('http://h/assets/x.css', '@import "./y.css";')).toEqual(['./y.css'])
  })
})
