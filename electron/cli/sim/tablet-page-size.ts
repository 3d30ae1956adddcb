import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { createHost } from '../../host'
import { rawGet } from '../../host/testing/raw-get'
import type { RawResponse } from '../../host/testing/raw-get'

/** What Chrome and Safari send: the first load of a tablet in the hall. */
export const browserAcceptEncoding = 'gzip, deflate, br'

/** One file of the page as the host sent it. */
export interface PageFile {
  /** The path on the host, e.g. `/assets/socket-CCkzgGMC.js`. */
  path: string
  status: number
  /** `br`, `gzip` or `identity`. */
  coding: string
  /** The body as sent (compressed when the host compressed it). */
  bodyBytes: number
  /** Status line, headers and body. */
  wireBytes: number
}

/** One load of the page: every file a browser fetches, in the order it finds them. */
export interface PageLoad {
  acceptEncoding: string | null
  files: PageFile[]
  bodyBytes: number
  wireBytes: number
}

/** The tablet page's bytes as the host sends them over the hall's air. */
export interface PageBytes {
  /** First load with a browser's Accept-Encoding (br and gzip accepted). */
  br: PageLoad
  /** First load accepting gzip only (an old browser, or a proxy that strips br). */
  gzip: PageLoad
  /** First load with no Accept-Encoding at all. */
  identity: PageLoad
  /** The same tablet reloading: revalidations (304s) only, hashed assets kept a year. */
  reload: PageLoad
}

/**
 * Loads `path` from a running host as a browser does: the HTML, then each script, stylesheet,
 * module preload and icon it names, the modules those scripts import statically, and the fonts
 * and images the stylesheets name, each once. `data:` URLs and other hosts are not fetched.
 */
export async function loadPage(
  base: string,
  path: string,
  acceptEncoding: string | null,
  get: (url: string, headers: Record<string, string>) => Promise<RawResponse> = rawGet,
): Promise<{ load: PageLoad; responses: Map<string, RawResponse> }> {
  const headers: Record<string, string> = acceptEncoding
    ? { 'Accept-Encoding': acceptEncoding }
    : {}
  const origin = new URL(base).origin
  const queue = [new URL(path, base).href]
  const seen = new Set(queue)
  const responses = new Map<string, RawResponse>()
  while (queue.length > 0) {
    const url = queue.shift() as string
    const res = await get(url, headers)
    responses.set(url, res)
    if (res.status !== 200) continue
    for (const ref of references(url, decoded(res))) {
      const next = new URL(ref, url)
      if (next.origin !== origin || seen.has(next.href)) continue
      seen.add(next.href)
      queue.push(next.href)
    }
  }
  return { load: summed(acceptEncoding, base, responses), responses }
}

/** The page's first loads in each coding and a reload, through a host serving `base`. */
export async function pageBytes(base: string, path = '/tablet/'): Promise<PageBytes> {
  const first = await loadPage(base, path, browserAcceptEncoding)
  const gzip = await loadPage(base, path, 'gzip, deflate')
  const identity = await loadPage(base, path, null)
  // A reload: what the browser holds fresh and immutable it does not ask for; the rest it
  // revalidates with the ETag it was given.
  const reloadResponses = new Map<string, RawResponse>()
  for (const [url, res] of first.responses) {
    const cache = String(res.headers['cache-control'] ?? '')
    if (/\bimmutable\b/.test(cache) && /\bmax-age=[1-9]/.test(cache)) continue
    const etag = res.headers.etag
    reloadResponses.set(
      url,
      await rawGet(url, {
        'Accept-Encoding': browserAcceptEncoding,
        ...(etag ? { 'If-None-Match': etag } : {}),
      }),
    )
  }
  return {
    br: first.load,
    gzip: gzip.load,
    identity: identity.load,
    reload: summed(browserAcceptEncoding, base, reloadResponses),
  }
}

/**
 * The tablet page measured through a real host on a free loopback port serving `staticDir`
 * (the built pages), with a data folder of its own, closed afterwards.
 */
export async function measureTabletPage(staticDir: string): Promise<PageBytes> {
  const dir = await mkdtemp(join(tmpdir(), 'plenary-page-bytes-'))
  const host = await createHost({
    dataDir: join(dir, 'data'),
    keyDir: join(dir, 'keys'),
    port: 0,
    host: '127.0.0.1',
    staticDir,
    log: () => undefined,
  })
  try {
    return await pageBytes(`http://127.0.0.1:${host.port}`)
  } finally {
    await host.close()
    await rm(dir, { recursive: true, force: true })
  }
}

function summed(
  acceptEncoding: string | null,
  base: string,
  responses: ReadonlyMap<string, RawResponse>,
): PageLoad {
  const files = [...responses].map(([url, res]) => ({
    path: url.slice(new URL(base).origin.length),
    status: res.status,
    coding: String(res.headers['content-encoding'] ?? 'identity'),
    bodyBytes: res.body.length,
    wireBytes: res.wireBytes,
  }))
  return {
    acceptEncoding,
    files,
    bodyBytes: files.reduce((n, f) => n + f.bodyBytes, 0),
    wireBytes: files.reduce((n, f) => n + f.wireBytes, 0),
  }
}

/** The body as text, decoded from the coding it came in, for following its references. */
export function decoded(res: RawResponse): string {
  const coding = res.headers['content-encoding']
  const body =
    coding === 'br'
      ? brotliDecompressSync(res.body)
      : coding === 'gzip'
        ? gunzipSync(res.body)
        : res.body
  return body.toString('utf8')
}

/** What a browser fetches on reading this file: by its type, from its URL's extension. */
export function references(url: string, text: string): string[] {
  const path = new URL(url).pathname
  const found: string[] = []
  const add = (re: RegExp) => {
    for (const m of text.matchAll(re)) if (m[1] && !m[1].startsWith('data:')) found.push(m[1])
  }
  if (path.endsWith('/') || path.endsWith('.html')) {
    add(/<script\b[^>]*\bsrc="([^"]+)"/g)
    for (const m of text.matchAll(/<link\b[^>]*>/g)) {
      const rel = /\brel="([^"]+)"/.exec(m[0])?.[1] ?? ''
      const href = /\bhref="([^"]+)"/.exec(m[0])?.[1]
      if (
        href &&
        !href.startsWith('data:') &&
        /\b(stylesheet|modulepreload|icon|preload)\b/.test(rel)
      )
        found.push(href)
    }
  } else if (path.endsWith('.css')) {
    add(/url\(\s*["']?([^"')]+)["']?\s*\)/g)
    add(/@import\s+["']([^"']+)["']/g)
  } else if (path.endsWith('.js')) {
    // Static imports of built modules (`import{a as b}from"./x.js"`, `import"./y.js"`);
    // a dynamic import() is fetched only when the code runs it.
    add(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)
  }
  return found
}

/** KB of 1024 bytes, one decimal. */
export const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10

/** The targets of issue 31: a first load with a browser's Accept-Encoding, and a reload. */
export const pageTargets = { firstLoadKB: 100, reloadKB: 3 } as const

/** One line per load, for the terminal. */
export function pageSummary(page: PageBytes): string[] {
  const line = (name: string, load: PageLoad) =>
    `tablet page ${name.padEnd(30)} ${String(kb(load.wireBytes)).padStart(6)} KB over the wire` +
    ` (${kb(load.bodyBytes)} KB bodies, ${load.files.length} responses)`
  return [
    line(`first load, ${browserAcceptEncoding}`, page.br),
    line('first load, gzip, deflate', page.gzip),
    line('first load, no encoding', page.identity),
    line('reload', page.reload),
  ]
}
