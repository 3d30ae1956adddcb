import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tally, readBallotBox } from '../../shared/rules'
import { downloadLabels } from '../host/http/download-names'
import { verifyAuditLog } from '../host/store/json-files/audit-log'
import { ballotBoxDigest, digestOf } from '../host/store/json-files/digest'

export interface RecountReport {
  ok: boolean
  /** One plain statement per check, ✓ or ✗ first. */
  lines: string[]
}

/**
 * Re-tallies an archive's ballot box, checks the audit chain, and compares what the host
 * recorded (result.json, the digests logged at close and publish) with the recount.
 */
export async function recountArchive(dir: string): Promise<RecountReport> {
  const lines: string[] = []
  let ok = true
  const pass = (text: string) => lines.push(`✓ ${text}`)
  const fail = (text: string) => {
    ok = false
    lines.push(`✗ ${text}`)
  }

  const file = await archiveFileNames(dir)
  const raw = await readJson(file('ballot-box.json'))
  if (!raw.ok) return { ok: false, lines: [`✗ ballot-box.json: ${raw.error}`] }
  const read = readBallotBox(raw.value)
  if (!read.ok) {
    return { ok: false, lines: read.problems.map((p) => `✗ ballot-box.json ${p}`) }
  }
  const recount = tally(read.box)
  pass(
    `票箱已重新计票 / ballot box re-tallied: 收回 ${recount.counts.cast}，有效 ${recount.counts.valid}，无效 ${recount.counts.invalid}`,
  )

  const stored = await readJson(file('result.json'))
  if (!stored.ok) fail(`result.json: ${stored.error}`)
  else if (digestOf(stored.value) === digestOf(recount))
    pass('result.json 与重新计票一致 / result.json agrees with the recount')
  else fail('result.json 与重新计票不一致 / result.json differs from the recount')

  const audit = await verifyAuditLog(file('audit.jsonl'))
  if (audit.entries.length === 0) fail('audit.jsonl 缺失或为空 / audit log missing or empty')
  else if (audit.ok)
    pass(
      `审计日志哈希链完整（${audit.entries.length} 条）/ audit chain intact (${audit.entries.length} entries)`,
    )
  else for (const p of audit.problems) fail(`审计日志 / audit log ${p}`)

  const box = raw.value as {
    voteId?: unknown
    vote: unknown
    attendance: unknown
    ballots: unknown
    annulled?: { reason?: unknown }
  }
  const voteId = typeof box.voteId === 'string' ? box.voteId : null
  const last = (type: string) =>
    audit.entries.filter((e) => e.type === type && e.data.voteId === voteId).at(-1)
  // A vote annulled while open was never closed: its box's digest was logged at the annulment.
  const closed = last('vote.closed') ?? last('vote.annulled')
  if (!closed)
    fail(`审计日志中没有该表决的结束记录 / no vote.closed entry for ${voteId ?? '(no voteId)'}`)
  else if (closed.data.ballotBoxDigest !== ballotBoxDigest(box)) {
    fail('票箱内容与结束时记录的摘要不符 / ballot box differs from the digest logged at close')
  } else pass('票箱与结束时记录的摘要一致 / ballot box matches the digest logged at close')
  const annulled = last('vote.annulled')
  if (annulled || box.annulled) {
    const reason = annulled?.data.reason ?? box.annulled?.reason
    lines.push(
      `· 该表决已宣布无效，不产生表决结果；理由：${String(reason ?? '')} / the vote was annulled`,
    )
  }

  const published = audit.entries
    .filter((e) => e.type === 'vote.published' && e.data.voteId === voteId)
    .at(-1)
  if (!published) lines.push('· 结果尚未发布 / result not published yet')
  else if (published.data.resultDigest === digestOf(recount)) {
    pass('已发布结果的摘要与重新计票一致 / published result digest agrees with the recount')
  } else fail('已发布结果的摘要与重新计票不符 / published result digest differs from the recount')

  // Said last, beside the verdict: a rehearsal recounts like any vote, and must not pass for one.
  if ((raw.value as { rehearsal?: unknown }).rehearsal === true)
    lines.push('· 演练：本归档为演练，不是正式表决结果 / a rehearsal: not a real result')
  lines.push(
    ok
      ? '结论：全部一致 / everything agrees'
      : '结论：存在不一致，见上 / something does not agree: see above',
  )
  return { ok, lines }
}

/**
 * Where the archive's files are: the host's folder names them `ballot-box.json`, `result.json`,
 * `audit.jsonl`; a folder from the console's 全部下载 zip names them by the vote's title
 * (`…-票箱.json`, `…-计票结果.json`, `…-审计日志.jsonl`).
 */
async function archiveFileNames(dir: string): Promise<(name: string) => string> {
  let names: string[] = []
  try {
    names = await readdir(dir)
  } catch {
    // A missing folder: each read below says so.
  }
  return (name) => {
    if (names.includes(name)) return join(dir, name)
    const suffix = `-${downloadLabels[name as keyof typeof downloadLabels] ?? name}`
    return join(dir, names.find((n) => n.endsWith(suffix)) ?? name)
  }
}

async function readJson(
  file: string,
): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  try {
    return { ok: true, value: JSON.parse(await readFile(file, 'utf8')) as unknown }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}
