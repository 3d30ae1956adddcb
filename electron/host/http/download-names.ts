/**
 * What downloads are called on the clerk's computer: by the meeting and the vote, in Chinese
 * (`2027年度民生实事项目票决-计票结果报告.pdf`), while the data folder keeps the names the host,
 * `recount` and the tests read (`archive/<voteId>/report.pdf`).
 */

/** Each archive file's name on disk, and what it is called when downloaded. */
export const downloadLabels = {
  'report.pdf': '计票结果报告.pdf',
  'results.xlsx': '计票结果.xlsx',
  'ballot-box.json': '票箱.json',
  'result.json': '计票结果.json',
  'audit.jsonl': '审计日志.jsonl',
  'audit.txt': '审计日志.txt',
  'announcement.txt': '宣布稿.txt',
  'announcement.docx': '宣布稿.docx',
  'report.docx': '计票结果报告.docx',
  'resolution.docx': '决议草稿.docx',
} as const
export type ArchiveFileName = keyof typeof downloadLabels
export const archiveFileNames = Object.keys(downloadLabels) as ArchiveFileName[]

export function isArchiveFileName(name: string): name is ArchiveFileName {
  return Object.hasOwn(downloadLabels, name)
}

/**
 * A title made safe as one file or folder name on Windows, macOS and Linux, and in a zip: no
 * path separators, nothing Windows refuses (`:*?"<>|`, control characters, a trailing dot or
 * space), at most `max` characters (a vote title may be long; paths on Windows are not).
 */
export function safeFileName(text: string, max = 60): string {
  const cleaned = [...text]
    .map((c) => (c.charCodeAt(0) < 0x20 || c === '\x7f' ? '_' : c))
    .join('')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
  return [...cleaned]
    .slice(0, max)
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
}

/** A vote's archive file as downloaded: `<vote title>-计票结果报告.pdf`. */
export function archiveDownloadName(voteTitle: string, file: ArchiveFileName): string {
  return `${safeFileName(voteTitle) || '表决'}-${downloadLabels[file]}`
}

/** A vote's paper ballot, printed before the meeting: `<vote title>-纸质选票.pdf`. */
export function paperBallotName(voteTitle: string): string {
  return `${safeFileName(voteTitle) || '表决'}-纸质选票.pdf`
}

/** The meeting's whole archive as one zip: `<meeting title>-归档.zip`. */
export function meetingZipName(meetingTitle: string): string {
  return `${safeFileName(meetingTitle) || '会议'}-归档.zip`
}

/**
 * `Content-Disposition: attachment` naming the file twice (RFC 6266): `filename*` in UTF-8 as
 * RFC 5987 encodes it, which every current browser reads, and a plain ASCII `filename` for any
 * that does not. encodeURIComponent leaves `'()*` as they are, which RFC 5987 does not allow.
 */
export function contentDisposition(name: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
