/**
 * The file work behind the native dialogs, without Electron, so it is tested against a real
 * host and real folders: reading an import file and uploading it to the host's import
 * endpoint, and copying a meeting's archive out of the data folder.
 */
import { cp, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type {
  DesktopExportResult,
  DesktopImportKind,
  DesktopImportResult,
} from '../../shared/protocol/desktop-api'
import type { ShellWords } from './shell-labels'
import { importUrl } from './shell-urls'

/**
 * The host's upload limit (electron/host/http/api.ts maxUploadBytes; a test keeps them equal).
 * Not imported: that would load the whole host, pdfkit and exceljs included, into main.
 */
export const maxImportBytes = 20 * 1024 * 1024

export interface UploadTarget {
  port: number
  staffToken: string
}

/** Reads the picked file and has the host preview it; the console confirms it as usual. */
export async function importFileForPreview<K extends DesktopImportKind>(
  target: UploadTarget,
  kind: K,
  path: string,
  words: ShellWords,
): Promise<DesktopImportResult<K>> {
  const fileName = basename(path)
  let bytes: Buffer
  try {
    // Checked before reading: a 4 GB video picked by mistake must not be read into memory.
    if ((await stat(path)).size > maxImportBytes) {
      return { status: 'failed', fileName, message: words.fileTooLarge }
    }
    bytes = await readFile(path)
  } catch {
    return { status: 'failed', fileName, message: words.fileUnreadable }
  }
  let response: Response
  try {
    response = await fetch(importUrl(target.port, kind, fileName), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${target.staffToken}`,
        'Content-Type': 'application/octet-stream',
      },
      body: new Uint8Array(bytes),
    })
  } catch {
    return { status: 'failed', fileName, message: words.hostUnavailable }
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok || typeof body !== 'object' || body === null) {
    const message =
      body && typeof body === 'object' && 'error' in body
        ? String(body.error)
        : words.fileUnreadable
    return { status: 'failed', fileName, message }
  }
  // The host's own answer type (ImportPreviewView); it is ours, over loopback.
  return { status: 'previewed', fileName, preview: body as never }
}

/** `票决归档-<meeting folder>-20261123-0915`: sorts by time, never overwrites an earlier copy. */
export function archiveExportName(meetingDir: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`
  return `票决归档-${basename(meetingDir)}-${stamp}`
}

export function archiveDirOf(meetingDir: string): string {
  return join(meetingDir, 'archive')
}

/** Copies the meeting's archive folder (PDF, XLSX, ballot boxes, audit log) under `destParent`. */
export async function exportArchive(
  meetingDir: string,
  destParent: string,
  now: Date,
  words: ShellWords,
): Promise<DesktopExportResult> {
  const source = archiveDirOf(meetingDir)
  const exists = await stat(source).then(
    (s) => s.isDirectory(),
    () => false,
  )
  if (!exists) return { status: 'failed', message: words.noArchive }
  const target = join(destParent, archiveExportName(meetingDir, now))
  try {
    await cp(source, target, { recursive: true, errorOnExist: true, force: false })
  } catch (error) {
    return { status: 'failed', message: String(error) }
  }
  return { status: 'exported', path: target }
}
