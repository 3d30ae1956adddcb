import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Hall } from '../services/hall'
import type { PreparationService } from '../services/preparation.service'
import { sendArchiveFile, sendDownload } from './downloads'
import { readBody, TooLargeError } from './read-body'

export interface ApiDeps {
  hall: Hall
  preparation: PreparationService
  staffToken: string
  /** Whether a peer address may be staff at all (this machine, or the LAN when admitted). */
  admitStaff: (address: string | undefined) => boolean
  /** Base URL tablets reach the host at, e.g. http://192.168.1.10:8080 */
  tabletBase: () => string
}

/** 20 MB: a 10,000-row roster is well under 2 MB; anything larger is not a roster. */
export const maxUploadBytes = 20 * 1024 * 1024

/**
 * Staff endpoints (all need the staff token): uploads for import previews, and downloads of
 * templates, exports, credential cards and archive files. Answers true when it handled the
 * request.
 */
export function handleApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://host')
  if (!url.pathname.startsWith('/api/')) return false
  if (!deps.admitStaff(req.socket.remoteAddress)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('forbidden')
    return true
  }
  if (!isStaff(deps.staffToken, req, url)) {
    res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('unauthorized')
    return true
  }
  const upload = /^\/api\/import\/(roster|projects)$/.exec(url.pathname)
  if (req.method === 'POST' && upload) {
    void handleUpload(deps, upload[1] as 'roster' | 'projects', url, req, res)
    return true
  }
  const archived =
    /^\/api\/archive\/([A-Za-z0-9_-]{1,64})\/([a-z-]+\.(?:json|jsonl|pdf|xlsx))$/.exec(url.pathname)
  if (req.method === 'GET' && archived) {
    void sendArchiveFile(deps.hall, archived[1] ?? '', archived[2] ?? '', res)
    return true
  }
  if (req.method === 'GET') {
    sendDownload(deps, url, res).then(
      (sent) => {
        if (!sent) notFound(res)
      },
      // A document that fails to render must answer, not leave an unhandled rejection behind.
      () => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
          res.end('the document could not be made')
        } else res.destroy()
      },
    )
    return true
  }
  notFound(res)
  return true
}

async function handleUpload(
  deps: ApiDeps,
  kind: 'roster' | 'projects',
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const fileName = (url.searchParams.get('name') ?? 'upload').slice(0, 200)
  try {
    const body = await readBody(req, maxUploadBytes)
    const preview = await deps.preparation.preview(kind, body, fileName)
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    res.end(JSON.stringify(preview))
  } catch (error) {
    if (error instanceof TooLargeError) {
      res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ error: '文件过大（超过20MB）/ file too large (over 20 MB)' }))
      req.resume()
    } else {
      res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ error: '无法读取文件 / the file could not be read' }))
    }
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
}

function isStaff(token: string, req: IncomingMessage, url: URL): boolean {
  const header = req.headers.authorization
  const given = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token')
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
