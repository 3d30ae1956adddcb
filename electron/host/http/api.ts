import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Hall } from '../services/hall'
import { joinUrl } from '../urls'

export interface ApiDeps {
  hall: Hall
  staffToken: string
  /** Base URL tablets reach the host at, e.g. http://192.168.1.10:8080 */
  tabletBase: () => string
}

/** Staff downloads. Answers true when it handled the request. */
export function handleApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://host')
  if (!url.pathname.startsWith('/api/')) return false
  if (!isStaff(deps.staffToken, req, url)) {
    res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('unauthorized')
    return true
  }
  if (req.method === 'GET' && url.pathname === '/api/credentials.csv') {
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': "attachment; filename*=UTF-8''credentials.csv",
      'Cache-Control': 'no-store',
    })
    res.end(credentialsCsv(deps))
    return true
  }
  const archived =
    /^\/api\/archive\/([A-Za-z0-9_-]{1,64})\/([a-z-]+\.(?:json|jsonl|pdf|xlsx))$/.exec(url.pathname)
  if (req.method === 'GET' && archived) {
    void sendArchiveFile(deps, archived[1] ?? '', archived[2] ?? '', res)
    return true
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
  return true
}

const archiveTypes: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** A file of a vote's archive; the names are matched by pattern above, so no path escapes. */
async function sendArchiveFile(deps: ApiDeps, voteId: string, name: string, res: ServerResponse) {
  try {
    const body = await readFile(join(deps.hall.session.dataDir, 'archive', voteId, name))
    res.writeHead(200, {
      'Content-Type': archiveTypes[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${voteId}-${name}"`,
      'Cache-Control': 'no-store',
    })
    res.end(body)
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
  }
}

/** The credential list for an outside printer; a BOM so Excel on Chinese Windows reads UTF-8. */
function credentialsCsv(deps: ApiDeps): string {
  const base = deps.tabletBase()
  const rows = [['编号', '姓名', '代表团', '座位号', '凭证', '加入链接']]
  for (const d of deps.hall.session.meeting.data.deputies) {
    rows.push([d.id, d.name, d.delegation, d.seat, d.credential, joinUrl(base, d.credential)])
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would make Excel evaluate the cell.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function isStaff(token: string, req: IncomingMessage, url: URL): boolean {
  const header = req.headers.authorization
  const given = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token')
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
