import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { chooseEncoding } from './accept-encoding'
import type { BuiltFile } from './built-files'
import { builtFile, keptBody } from './built-files'
import type { ContentCoding } from './precompress'
import { isCompressible } from './precompress'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
}

/** Offline LAN: everything is served from here, nothing from the internet. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine and recharts set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
}

const pages = new Set(['console', 'tablet', 'screen'])

/**
 * Serves the built pages: `/tablet/`, `/screen/`, `/console/` and their hashed `/assets/`.
 * Only files below the build folder, never a listing; anything else is 404. Each file goes as
 * the build compressed it (precompress.ts) when the browser accepts that coding, never
 * compressed here; a page asked again with its ETag is answered 304 with no body.
 */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const path = decodePath(req.url ?? '/')
  if (path === null) return false
  const page = /^\/([a-z]+)\/?$/.exec(path)?.[1]
  let relative: string
  if (page && pages.has(page)) {
    if (!path.endsWith('/')) {
      res.writeHead(301, { Location: `/${page}/` }).end()
      return true
    }
    relative = join(page, 'index.html')
  } else if (path.startsWith('/assets/')) {
    relative = path.slice(1)
  } else {
    return false
  }
  const file = normalize(join(root, relative))
  if (!file.startsWith(normalize(root) + sep)) return false
  const found = await representation(file, req.headers['accept-encoding'])
  if (!found) return false
  res.setHeader('Cache-Control', cacheControl(relative))
  res.setHeader('ETag', found.etag)
  // Caches between here and a tablet must keep each coding apart.
  if (isCompressible(file)) res.setHeader('Vary', 'Accept-Encoding')
  if (matches(req.headers['if-none-match'], found.etag)) {
    res.statusCode = 304
    res.end()
    return true
  }
  res.statusCode = 200
  res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream')
  if (found.coding !== 'identity') res.setHeader('Content-Encoding', found.coding)
  if (req.method === 'HEAD') {
    res.setHeader('Content-Length', found.size)
    res.end()
    return true
  }
  const body = await keptBody(found.file, found.path, found.size)
  if (body) {
    res.setHeader('Content-Length', body.length)
    res.end(body)
    return true
  }
  res.setHeader('Content-Length', found.size)
  await new Promise<void>((resolve) => {
    const stream = createReadStream(found.path)
    stream.on('error', () => {
      res.destroy()
      resolve()
    })
    stream.on('end', resolve)
    stream.pipe(res)
  })
  return true
}

interface Representation {
  file: BuiltFile
  /** The file sent: the page or asset itself, or its `.br` / `.gz` beside it. */
  path: string
  coding: ContentCoding | 'identity'
  size: number
  etag: string
}

/**
 * The file to send for this request: the build's compressed copy in the best coding the
 * browser accepts, or the file itself. A compressed copy older than its file (a file replaced
 * by hand after the build) is not used (built-files.ts).
 */
async function representation(
  path: string,
  acceptEncoding: string | undefined,
): Promise<Representation | null> {
  const file = await builtFile(path)
  if (!file) return null
  const offered = acceptEncoding === undefined ? [] : [...file.variants.keys()]
  const coding = chooseEncoding(acceptEncoding, offered)
  const chosen = coding === 'identity' ? undefined : file.variants.get(coding)
  if (!chosen) return { file, path, coding: 'identity', size: file.size, etag: `"${file.tag}"` }
  // A strong ETag names one representation: each coding of the file gets its own.
  return { file, ...chosen, coding, etag: `"${file.tag}-${coding}"` }
}

/** `If-None-Match`: `*` or a list of tags, compared weakly as RFC 9110 asks for a GET. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}

/** Vite names built assets `name-HASH.ext`: the hash is of the content, 8 URL-safe characters. */
const hashedAsset = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/

/**
 * A hashed asset never changes under its name, so a tablet keeps it for a year and never asks
 * again: a hall of tablets reloading costs the host only the small pages. The pages (and any
 * unhashed file) always revalidate, so a new build is picked up at once.
 */
export function cacheControl(relative: string): string {
  return hashedAsset.test(relative.split(sep).join('/'))
    ? 'public, max-age=31536000, immutable'
    : 'no-cache'
}

function decodePath(url: string): string | null {
  const path = url.split(/[?#]/, 1)[0] ?? '/'
  try {
    const decoded = decodeURIComponent(path)
    if (decoded.includes('\0') || decoded.includes('..') || decoded.includes('\\')) return null
    return decoded
  } catch {
    return null
  }
}
