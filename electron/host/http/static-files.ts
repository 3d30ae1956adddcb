import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

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
 * Only files below the build folder, never a listing; anything else is 404.
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
  let size: number
  try {
    const info = await stat(file)
    if (!info.isFile()) return false
    size = info.size
  } catch {
    return false
  }
  res.statusCode = 200
  res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream')
  res.setHeader('Content-Length', size)
  res.setHeader('Cache-Control', cacheControl(relative))
  if (req.method === 'HEAD') {
    res.end()
    return true
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file)
    stream.on('error', () => {
      res.destroy()
      resolve()
    })
    stream.on('end', resolve)
    stream.pipe(res)
  })
  return true
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
