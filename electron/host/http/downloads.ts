import type { VoteId } from '../../../shared/protocol/ids'
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { join } from 'node:path'
import { formatJoinCode } from '../../../shared/protocol/join-code'
import { summarizeRules } from '../../../shared/rules'
import { formulaStart } from '../services/credentials'
import type { Hall } from '../state/hall'
import { csvCell } from '../tables/csv-writer'
import { joinUrl } from '../urls'
import type { ArchiveFileName } from './download-names'
import { archiveDownloadName, contentDisposition, paperBallotName } from './download-names'

/** What downloads need of the API's dependencies (api.ts passes its own). */
export interface DownloadDeps {
  hall: Hall
  /** Base URL tablets reach the host at, for the join URLs on cards and in the CSV. */
  tabletBase: () => string
}

const types = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const

/** Sends a download named `name`, and `asciiName` for a browser that reads no UTF-8 name. */
function send(
  res: ServerResponse,
  name: string,
  body: Buffer | string,
  asciiName = `download.${name.split('.').pop() ?? 'bin'}`,
): void {
  const ext = (name.split('.').pop() ?? '') as keyof typeof types
  res.writeHead(200, {
    'Content-Type': types[ext] ?? 'application/octet-stream',
    'Content-Disposition': contentDisposition(name, asciiName),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

/**
 * Templates, exports, credential documents and paper ballots. Resolves false for an unknown path. Each document's
 * renderer is imported by the first request for it: exceljs, pdfkit and qrcode take some 70 MB
 * that a host at rest has no use for.
 */
export async function sendDownload(
  deps: DownloadDeps,
  url: URL,
  res: ServerResponse,
): Promise<boolean> {
  const data = deps.hall.session.meeting.data
  const title = data.meeting?.title ?? ''
  const about = {
    meetingTitle: title,
    meetingDetails: data.meeting?.details ?? null,
    rehearsal: data.meeting?.rehearsal ?? false,
  }
  const base = deps.tabletBase()
  const ballot = /^\/api\/paper-ballot\/([A-Za-z0-9_-]{1,64})\.pdf$/.exec(url.pathname)
  if (ballot) {
    const vote = data.votes.find((v) => v.id === ballot[1])
    if (!vote) return false
    const { renderPaperBallotPdf } = await import('../documents/paper-ballot.pdf')
    const leadUnits = new Map(data.projects.map((p) => [p.id as string, p.leadUnit]))
    const pdf = await renderPaperBallotPdf({
      ...about,
      vote,
      ...(vote.rules.kind === 'motion' ? {} : { leadUnits }),
      generatedAt: new Date(),
    })
    send(res, paperBallotName(vote.title), pdf, `${vote.id}-ballot.pdf`)
    return true
  }
  switch (url.pathname) {
    case '/api/templates/roster.xlsx': {
      const { rosterTemplateXlsx } = await import('../tables/templates')
      send(res, '代表名单模板.xlsx', await rosterTemplateXlsx())
      return true
    }
    case '/api/templates/projects.xlsx': {
      const { projectTemplateXlsx } = await import('../tables/templates')
      send(res, '候选项目模板.xlsx', await projectTemplateXlsx())
      return true
    }
    case '/api/templates/proposals.xlsx': {
      const { proposalTemplateXlsx } = await import('../tables/templates')
      send(res, '征集建议模板.xlsx', await proposalTemplateXlsx())
      return true
    }
    case '/api/export.xlsx': {
      const { exportMeetingXlsx } = await import('../tables/export-xlsx')
      send(
        res,
        `${title || 'meeting'}.xlsx`,
        await exportMeetingXlsx({
          title,
          deputies: data.deputies,
          projects: data.projects,
          votes: data.votes.map((v) => ({
            title: v.title,
            kind: v.rules.kind,
            seats: v.rules.seats,
            status: v.status,
            candidates: v.candidates,
            summary: summarizeRules(
              v.rules,
              v.candidates.length,
              { roster: data.deputies.length },
              'zh-CN',
            ),
          })),
        }),
      )
      return true
    }
    case '/api/credentials.csv':
      send(res, 'credentials.csv', credentialsCsv(deps.hall, base))
      return true
    case '/api/credentials.pdf': {
      const only = url.searchParams.get('deputy')
      // One deputy's card: an unknown id (removed since the page loaded) is not an empty PDF.
      if (only && !data.deputies.some((d) => d.id === only)) return false
      const cards = data.deputies
        .filter((d) => !only || d.id === only)
        .map((d) => ({
          name: d.name,
          delegation: d.delegation,
          seat: d.seat,
          joinUrl: joinUrl(base, d.credential),
          joinCode: formatJoinCode(d.joinCode),
        }))
      const { renderCredentialCardsPdf } = await import('../documents/credential-cards.pdf')
      send(
        res,
        only ? `代表证-${only}.pdf` : '代表证.pdf',
        await renderCredentialCardsPdf({ ...about, cards }),
      )
      return true
    }
    case '/api/join-sheet.pdf': {
      const wifiName = (url.searchParams.get('wifi') ?? '').slice(0, 64)
      const wifiPassword = (url.searchParams.get('password') ?? '').slice(0, 64)
      const { renderJoinSheetPdf } = await import('../documents/credential-cards.pdf')
      send(
        res,
        '加入说明.pdf',
        await renderJoinSheetPdf({
          ...about,
          wifiName,
          ...(wifiPassword ? { wifiPassword } : {}),
          hostUrl: `${base}/tablet/`,
        }),
      )
      return true
    }
    default:
      return false
  }
}

/**
 * A file of a vote's archive, named by the vote's title when downloaded
 * (`<vote title>-计票结果报告.pdf`); the caller matched the id by pattern and the name is one of
 * the archive's own, so no path escapes.
 */
export async function sendArchiveFile(
  hall: Hall,
  voteId: string,
  name: ArchiveFileName,
  res: ServerResponse,
): Promise<void> {
  const vote = hall.session.meeting.data.votes.find((v) => v.id === voteId)
  try {
    send(
      res,
      archiveDownloadName(vote?.title ?? voteId, name),
      await readFile(join(hall.session.archiveDir(voteId as VoteId), name)),
      `${voteId}-${name}`,
    )
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
  }
}

/** The credential list for an outside printer; a BOM so Excel on Chinese Windows reads UTF-8. */
/** Also written by `npm run host -- --demo N` for rehearsals (electron/cli/host.ts). */
export function credentialsCsv(hall: Hall, base: string): string {
  const header = ['编号', '姓名', '代表团', '座位号', '凭证', '加入链接', '加入码'].map(csvCell)
  const lines = [header.join(',')]
  for (const d of hall.session.meeting.data.deputies) {
    const text = [d.id, d.name, d.delegation, d.seat].map(csvCell)
    const card = [credentialCell(d.credential), csvCell(joinUrl(base, d.credential))]
    // Capitals, digits and dashes, never a leading sign: no spreadsheet reads it as a formula.
    lines.push([...text, ...card, formatJoinCode(d.joinCode)].join(','))
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/**
 * A credential is the host's own base64url, never a formula a spreadsheet could run (no
 * parentheses, no spaces), and must come back exactly: a `'` guard became part of what was read.
 * New credentials never start with `-` (newCredential); one made before that does is quoted,
 * which a CSV reader and LibreOffice's import read back as the text itself.
 */
function credentialCell(credential: string): string {
  return formulaStart.test(credential) ? `"${credential}"` : credential
}
