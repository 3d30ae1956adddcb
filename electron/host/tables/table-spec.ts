/**
 * A table's columns as data: the importers, the templates and the export all read the same spec,
 * so a header the export writes is always one the importer recognises.
 */

export interface ColumnSpec<K extends string> {
  key: K
  /** The Chinese header we write in templates and exports and name in messages. */
  label: string
  labelEn: string
  /** Other spellings staff use, Chinese or English; compared after headerKey(). */
  aliases: readonly string[]
  /**
   * Spellings that name this column only when no other header does: project lists often carry
   * both 序号 (1, 2, 3…) and 编号 (the real number); then 编号 wins and 序号 is ignored.
   */
  weakAliases?: readonly string[]
  required: boolean
  /** Longer values are reported as too-long instead of being cut. */
  maxLength: number
  /** 'line' values are squeezed (names, seats); 'block' values keep inner line breaks. */
  kind: 'line' | 'block'
  /** Template column width in characters. */
  width: number
}

export interface TableSpec<K extends string> {
  /** What the table is, for messages: 代表名单 / roster. */
  what: { zh: string; en: string }
  columns: readonly ColumnSpec<K>[]
  /**
   * Headers accepted and ignored: nearly every roster has a 序号 column, and our own export adds
   * 报到情况. Anything else unknown is reported, so a typo in a header is never silently dropped.
   */
  ignored: readonly string[]
  /**
   * Columns offices keep in their lists that this import does not take (性别, 民族, 联系电话…):
   * read past, and the preview names them in a notice, so staff know their data was not taken.
   */
  kept?: readonly string[]
  /** The template's example row; a file still holding it is refused (staff forgot to delete it). */
  example: Readonly<Record<K, string>>
  /** More data rows than this is not a roster or a project list. */
  maxRows: number
}

/** Hints like "（必填）" that templates add to headers and that do not change the meaning. */
const HINTS = /\((必填|选填|可选|必须|required|optional)\)/g

/**
 * The comparable form of a header: NFKC folds full-width letters and brackets ("投资额（万元）" →
 * "投资额(万元)"), then case, spaces, required-markers (*) and separators are dropped.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(HINTS, '')
    .replace(/[*:._-]/g, '')
}

export type HeaderMatch<K extends string> =
  | { type: 'column'; key: K; weak: boolean }
  | { type: 'ignored' }
  | { type: 'kept' }
  | { type: 'unknown' }

/** Builds the header lookup once per spec. */
export function headerMatcher<K extends string>(
  spec: TableSpec<K>,
): (text: string) => HeaderMatch<K> {
  const byKey = new Map<string, HeaderMatch<K>>()
  for (const col of spec.columns) {
    for (const alias of col.weakAliases ?? []) {
      byKey.set(headerKey(alias), { type: 'column', key: col.key, weak: true })
    }
    for (const alias of [col.label, col.labelEn, col.key, ...col.aliases]) {
      byKey.set(headerKey(alias), { type: 'column', key: col.key, weak: false })
    }
  }
  for (const alias of spec.ignored) byKey.set(headerKey(alias), { type: 'ignored' })
  for (const alias of spec.kept ?? []) byKey.set(headerKey(alias), { type: 'kept' })
  return (text) => byKey.get(headerKey(text)) ?? { type: 'unknown' }
}

export function requiredLabels<K extends string>(spec: TableSpec<K>): string {
  return spec.columns
    .filter((c) => c.required)
    .map((c) => `“${c.label}”`)
    .join('')
}

export function requiredLabelsEn<K extends string>(spec: TableSpec<K>): string {
  return spec.columns
    .filter((c) => c.required)
    .map((c) => `"${c.labelEn}"`)
    .join(', ')
}
