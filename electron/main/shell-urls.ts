/** URLs the shell builds and checks. Loopback only: the windows talk to our own host. */
export type Page = 'console' | 'screen'
export type ImportKind = 'roster' | 'projects'

export function hostOrigin(port: number): string {
  return `http://127.0.0.1:${port}`
}

/** The console gets its staff token from the preload, so it never sits in a URL or history. */
export function pageUrl(port: number, page: Page): string {
  return `${hostOrigin(port)}/${page}/`
}

/** The host's upload endpoint for an import preview (see electron/host/http/api.ts). */
export function importUrl(port: number, kind: ImportKind, fileName: string): string {
  return `${hostOrigin(port)}/api/import/${kind}?name=${encodeURIComponent(fileName.slice(0, 200))}`
}

/** Our windows only ever show pages of our own host: same scheme, loopback host and port. */
export function isOwnUrl(url: string, hostPort: number | null): boolean {
  if (hostPort === null) return false
  try {
    const u = new URL(url)
    return u.protocol === 'http:' && u.hostname === '127.0.0.1' && u.port === String(hostPort)
  } catch {
    return false
  }
}

/** Links a page may hand to the system browser: only web pages, never file: or custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * What our windows may load: our host over http and ws, and in-page data/blob URLs (charts,
 * downloads) and devtools. Anything else on the network is cancelled.
 */
export function isAllowedRequest(url: string, hostPort: number | null): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true
  if (u.protocol !== 'http:' && u.protocol !== 'ws:') return false
  return hostPort !== null && u.hostname === '127.0.0.1' && u.port === String(hostPort)
}
