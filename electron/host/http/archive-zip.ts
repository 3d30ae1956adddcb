import { once } from 'node:events'
import { createReadStream, existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { join } from 'node:path'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { auditLogText, parseAuditLines } from '../services/audit-text'
import type { Hall } from '../state/hall'
import {
  archiveDownloadName,
  archiveFileNames,
  contentDisposition,
  meetingZipName,
  safeFileName,
} from './download-names'

/** One file of the zip: its path inside, and where its bytes come from. */
interface ZipPart {
  path: string
  source: { file: string } | { text: string }
  /** Already compressed (PDF, XLSX, DOCX): stored as it is, not deflated again for nothing. */
  stored: boolean
}

/**
 * 全部下载: the open meeting's whole archive as one zip, streamed as it is made. Each vote that
 * has an archive (closed, published or annulled) is a folder `01-<vote title>/` of its files
 * named by the vote (`<vote title>-计票结果报告.pdf` …, which `recount` reads as they are); beside
 * them the meeting's audit log to this moment, as sentences and as the hash-chained lines.
 *
 * fflate writes the zip (already in the app through pdfkit: MIT, no dependencies, kept up, and
 * it streams and marks UTF-8 names, which Chinese names need): one file at a time, a chunk at a
 * time, waiting whenever the connection is behind, so memory stays flat whatever the box holds.
 */
export async function sendMeetingArchiveZip(hall: Hall, res: ServerResponse): Promise<void> {
  const session = hall.session
  const data = session.meeting.data
  const parts: ZipPart[] = []
  let n = 0
  for (const vote of data.votes) {
    n += 1
    // archive/, or rehearsal-archive/ for a rehearsal: where the archiver wrote it.
    const dir = session.archiveDir(vote.id)
    if (!existsSync(dir)) continue
    const folder = `${String(n).padStart(2, '0')}-${safeFileName(vote.title) || vote.id}`
    for (const name of archiveFileNames) {
      const file = join(dir, name)
      if (!existsSync(file)) continue
      const stored = /\.(pdf|xlsx|docx)$/.test(name)
      parts.push({
        path: `${folder}/${archiveDownloadName(vote.title, name)}`,
        source: { file },
        stored,
      })
    }
  }
  await session.audit.settled()
  const log = await readFile(session.audit.file, 'utf8').catch(() => '')
  parts.push({
    path: '审计日志.txt',
    source: { text: auditLogText(parseAuditLines(log), data) },
    stored: false,
  })
  parts.push({ path: '审计日志.jsonl', source: { text: log }, stored: false })

  const title = data.meeting?.title ?? ''
  res.writeHead(200, {
    'Content-Type': 'application/zip',
    'Content-Disposition': contentDisposition(meetingZipName(title), 'archive.zip'),
    'Cache-Control': 'no-store',
  })
  let failed: Error | null = null
  const zip = new Zip((error, chunk, final) => {
    if (error) failed = error
    else if (!res.destroyed) {
      res.write(chunk)
      if (final) res.end()
    }
  })
  /** Resolves once the connection has taken what it was given; false when it went away. */
  const caughtUp = async (): Promise<boolean> => {
    if (res.writableNeedDrain && !res.destroyed)
      await Promise.race([once(res, 'drain'), once(res, 'close')])
    return !res.destroyed && failed === null
  }
  try {
    for (const part of parts) {
      const entry = part.stored ? new ZipPassThrough(part.path) : new ZipDeflate(part.path)
      // Before add: the entry's header is written from it.
      entry.mtime = 'text' in part.source ? new Date() : (await stat(part.source.file)).mtime
      zip.add(entry)
      if ('text' in part.source) {
        entry.push(new TextEncoder().encode(part.source.text), true)
        if (!(await caughtUp())) break
        continue
      }
      const stream = createReadStream(part.source.file)
      let open = true
      for await (const chunk of stream) {
        entry.push(chunk as Buffer)
        if (!(await caughtUp())) {
          stream.destroy()
          open = false
          break
        }
      }
      if (!open) break
      entry.push(new Uint8Array(0), true)
    }
    if (!res.destroyed && failed === null) zip.end()
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error))
  }
  // Half a zip must not pass for a whole one: the download breaks instead.
  if (failed && !res.destroyed) res.destroy(failed)
}
