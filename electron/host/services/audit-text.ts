import type { Language } from '../../../shared/i18n'
import { auditSentence, chinaDateTime } from '../../../shared/i18n/audit-sentence'
import type { AuditFacts, AuditNames } from '../../../shared/i18n/audit-sentence'
import type { AuditEntry } from '../store/json-files/audit-log'
import type { VoteDef } from '../../../shared/protocol/vote.schema'

/** What the sentences need of the meeting: its votes' and deputies' names. */
export interface AuditNameSource {
  votes: readonly Pick<VoteDef, 'id' | 'title'>[]
  deputies: readonly { id: string; name: string }[]
}

/** The names the log's ids stand for in this meeting now. */
export function auditNamesOf(data: AuditNameSource): AuditNames {
  const votes = new Map<string, string>(data.votes.map((v) => [v.id, v.title]))
  const deputies = new Map<string, string>(data.deputies.map((d) => [d.id, d.name]))
  return { vote: (id) => votes.get(id), deputy: (id) => deputies.get(id) }
}

/**
 * The log as a clerk reads it: a line per entry, oldest first, its China time, its sentence and
 * its number in the log (which the hash-chained audit.jsonl beside it proves).
 */
export function auditLogText(
  entries: readonly (AuditFacts & { seq: number; at: string })[],
  data: AuditNameSource,
  lang: Language = 'zh-CN',
): string {
  const names = auditNamesOf(data)
  const lines = entries.map(
    (e) => `${chinaDateTime(e.at)}  ${auditSentence(e, names, lang)}  [#${e.seq}]`,
  )
  // A BOM so Notepad on Chinese Windows opens it as UTF-8.
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/**
 * The entries of a log's text, read without re-hashing (the chain is audit.jsonl's to prove,
 * and hashing thousands of check-ins again held the host up): a torn line is left out.
 */
export function parseAuditLines(text: string): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (const line of text.split('\n')) {
    if (!line) continue
    try {
      entries.push(JSON.parse(line) as AuditEntry)
    } catch {
      // A crash mid-append: audit.jsonl and recount say so.
    }
  }
  return entries
}
