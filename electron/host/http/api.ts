import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ImportWorkers } from '../tables/import-worker'
import type { ImportFailure } from '../tables/import-worker'
import { ImportWorkerError, importJobOptionsFrom } from '../tables/import-worker'
import type { Hall } from '../state/hall'
import type { PreparationService } from '../services/preparation.service'
import type { ProposalRow } from '../tables/proposal-import'
import type { ProposalsService } from '../year/proposals.service'
import { sendMeetingArchiveZip } from './archive-zip'
import { isArchiveFileName } from './download-names'
import { sendArchiveFile, sendDownload } from './downloads'
import { discardBody } from './discard-body'
import { sendYearDownload } from '../year/year-downloads'
import { sendDutyDownload } from '../duty/duty-downloads'
import type { DutyService } from '../duty/duty.service'
import type { YearService } from '../year/year.service'
import type { ProgressImportService } from '../year/progress-import.service'
import type { ImportKind, ListImport, ParsedImport } from '../tables/import-job'
import type { ImportPreview } from '../tables/import-problems'
import type { ProgressRow } from '../tables/progress-import'

export interface ApiDeps {
  hall: Hall
  preparation: PreparationService
  /** The year's progress report (year-downloads.ts). */
  year: YearService
  /** A previous year's progress list, uploaded for a rating. */
  progressImports: ProgressImportService
  proposals: ProposalsService
  /** 代表履职's XLSX and CSV (duty-downloads.ts). */
  duty: DutyService
  /** Parses uploads off the main thread, a bounded number at a time. */
  /** Whether a browser's Origin header, if any, is this host (http/host-header.ts). */
  originHere: (origin: string | undefined) => boolean
  imports: ImportWorkers
  staffToken: string
  /** Whether a peer address may be staff at all (this machine, or the LAN when admitted). */
  admitStaff: (address: string | undefined) => boolean
  /** Base URL tablets reach the host at, e.g. http://192.168.1.10:8080 */
  tabletBase: () => string
  log: (line: string) => void
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
  // Another site's page, even holding a token, acts on nothing here (host-header.ts).
  if (!deps.admitStaff(req.socket.remoteAddress) || !deps.originHere(req.headers.origin)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('forbidden')
    return true
  }
  if (!isStaff(deps.staffToken, req, url)) {
    res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('unauthorized')
    return true
  }
  const upload = /^\/api\/import\/(roster|projects|proposals|progress)$/.exec(url.pathname)
  if (req.method === 'POST' && upload) {
    void handleUpload(deps, upload[1] as ImportKind, url, req, res)
    return true
  }
  const archived = /^\/api\/archive\/([A-Za-z0-9_-]{1,64})\/([a-z.-]+)$/.exec(url.pathname)
  const file = archived?.[2] ?? ''
  if (req.method === 'GET' && archived && isArchiveFileName(file)) {
    void sendArchiveFile(deps.hall, archived[1] ?? '', file, res)
    return true
  }
  if (req.method === 'GET' && url.pathname === '/api/archive.zip') {
    sendMeetingArchiveZip(deps.hall, res).catch((error: unknown) => {
      deps.log(`archive zip failed: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) notFound(res)
      else res.destroy()
    })
    return true
  }
  if (req.method === 'GET') {
    const download = url.pathname.startsWith('/api/year/')
      ? sendYearDownload(deps.year, deps.hall, url, res)
      : url.pathname.startsWith('/api/duty/')
        ? sendDutyDownload(deps.duty, url, res)
        : sendDownload(deps, url, res)
    download.then(
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

/** How long a refused upload is told to wait: a parse takes a second or two. */
const busyRetryAfterS = 5

/** The answers to an upload that gives no preview, as the console shows them. */
const uploadRefusals = {
  'too-large': [413, '文件过大（超过20MB）/ file too large (over 20 MB)'],
  busy: [503, '正忙，请稍后重试 / busy reading another file; please try again shortly'],
  'out-of-memory': [
    422,
    '无法读取文件：文件过大或过于复杂 / the file could not be read: it is too large or too complex',
  ],
  timeout: [
    422,
    '无法读取文件：读取超时，文件过大或过于复杂 / the file could not be read: reading it took too long; it is too large or too complex',
  ],
  failed: [500, '无法读取文件 / the file could not be read'],
  'bad-option': [400, '金额单位只能是元、万元或亿元 / the unit must be 元, 万元 or 亿元'],
} as const satisfies Record<string, readonly [number, string]>

/**
 * An upload for an import preview. The body goes as it arrives into a worker process that
 * parses it (import-worker.ts), so ballots are acknowledged meanwhile and the host never holds
 * the file. Uploads beyond what the workers take at once are refused before their bodies are
 * read, and a body over the cap as soon as it passes it.
 */
async function handleUpload(
  deps: ApiDeps,
  kind: ImportKind,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const fileName = (url.searchParams.get('name') ?? 'upload').slice(0, 200)
  const options = importJobOptionsFrom(url.searchParams)
  if (options === null) {
    refuse(res, req, 'bad-option')
    return
  }
  if (Number(req.headers['content-length'] ?? 0) > maxUploadBytes) {
    refuse(res, req, 'too-large')
    return
  }
  const ticket = deps.imports.claim()
  if (!ticket) {
    res.setHeader('Retry-After', String(busyRetryAfterS))
    refuse(res, req, 'busy')
    return
  }
  let parsed: ParsedImport
  try {
    parsed = await ticket.parse(kind, req, fileName, maxUploadBytes, options)
  } catch (error) {
    const reason = error instanceof ImportWorkerError ? error.reason : 'failed'
    // A client that went away is not answered; a file too large is not the worker's failure.
    if (reason === 'interrupted') return
    if (reason !== 'too-large')
      deps.log(`import worker failed: ${error instanceof Error ? error.message : String(error)}`)
    refuse(res, req, reason)
    return
  }
  const preview =
    kind === 'proposals'
      ? deps.proposals.preview(parsed as ImportPreview<ProposalRow>, fileName)
      : kind === 'progress'
        ? deps.progressImports.preview(parsed as ImportPreview<ProgressRow>, fileName)
        : deps.preparation.preview(kind, parsed as ListImport, fileName)
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(preview))
}

/** Answers an upload with an error and lets the rest of its body go by unread. */
function refuse(
  res: ServerResponse,
  req: IncomingMessage,
  why: Exclude<ImportFailure, 'interrupted'> | 'busy' | 'bad-option',
): void {
  if (res.headersSent || res.destroyed) return
  const [status, error] = uploadRefusals[why]
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify({ error }))
  discardBody(req, maxUploadBytes)
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
