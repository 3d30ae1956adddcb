import { readFile } from 'node:fs/promises'

/** One deputy as a rehearsal needs them: who, and the credential their tablet logs in with. */
export interface DeputyCredential {
  id: string
  name: string
  credential: string
}

/** The header the host writes at /api/credentials.csv (and `npm run host -- --demo N`). */
export const credentialsCsvHeader = [
  '编号',
  '姓名',
  '代表团',
  '座位号',
  '凭证',
  '加入链接',
  '加入码',
] as const

/**
 * Reads the credentials a rehearsal logs in with: the CSV the host exports (UTF-8, BOM, the
 * header above), or the older `plenary-vote.credentials/1` JSON. Throws with the line named.
 */
export async function readCredentialsFile(file: string): Promise<DeputyCredential[]> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
  if (text.trimStart().startsWith('{')) return fromJson(text, file)
  return parseCredentialsCsv(text, file)
}

export function parseCredentialsCsv(text: string, file = 'credentials'): DeputyCredential[] {
  const rows = csvRows(text.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c !== ''))
  const header = rows[0]
  if (!header) throw new Error(`${file}: 文件为空 / the file is empty`)
  const col = (name: string) => header.findIndex((h) => h.trim() === name)
  const [idCol, nameCol, credCol] = [col('编号'), col('姓名'), col('凭证')]
  if (idCol < 0 || credCol < 0) {
    throw new Error(
      `${file}: 第 1 行缺少“编号”或“凭证”列 / line 1: the header needs 编号 and 凭证 (${credentialsCsvHeader.join(',')})`,
    )
  }
  return rows.slice(1).map((row, i) => {
    // Files exported before credentials were quoted guarded them: '-abc is the credential -abc.
    const credential = (row[credCol] ?? '').trim().replace(/^'(?=[=+\-@])/, '')
    if (!credential)
      throw new Error(`${file}: 第 ${i + 2} 行“凭证”为空 / line ${i + 2}: 凭证 is empty`)
    return { id: row[idCol] ?? '', name: nameCol >= 0 ? (row[nameCol] ?? '') : '', credential }
  })
}

function fromJson(text: string, file: string): DeputyCredential[] {
  const parsed = JSON.parse(text) as { deputies?: unknown }
  if (!Array.isArray(parsed.deputies)) throw new Error(`${file}: deputies: expected an array`)
  return parsed.deputies.map((d: unknown, i) => {
    const row = (d ?? {}) as Record<string, unknown>
    if (typeof row.credential !== 'string' || !row.credential)
      throw new Error(`${file}: deputies[${i}].credential: expected a string`)
    return { id: String(row.id ?? ''), name: String(row.name ?? ''), credential: row.credential }
  })
}

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}
