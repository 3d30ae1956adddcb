import type { AuditT } from './audit-fields'
import { auditFields } from './audit-fields'
import type { Language, MessageKey } from '.'
import { isMessageKey, translate } from '.'
import { dutyAuditSentence } from '../duty/duty-audit'
import { yearAuditSentence } from '../year/year-audit'
import { paperAuditSentence } from './paper-audit'

/** An audit entry as the sentence reads it: its type and its data, nothing else. */
export interface AuditFacts {
  type: string
  data: Record<string, unknown>
}

/** Names the log's ids stand for, as the meeting holds them now (a removed one keeps its id). */
export interface AuditNames {
  vote: (id: string) => string | undefined
  deputy: (id: string) => string | undefined
}

/** At most this many names in a sentence: a wave of check-ins is hundreds of deputies. */
const namesShown = 5

/**
 * One audit entry as a sentence a clerk reads ("会务人员开启表决《…》，发出 40 张"). Each type
 * reads the fields it names and no others, so nothing the log does not say in words reaches the
 * text; and no sentence names the deputy of a paper ballot (whose marks the box holds, a spoiled
 * one among few), nor anything of a ballot's content. An unknown type reads as its name.
 */
export function auditSentence(entry: AuditFacts, names: AuditNames, lang: Language): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(lang, key, params)
  const d = entry.data
  const { str, num } = auditFields(d)
  const vote = () => names.vote(str('voteId')) ?? (str('title') || str('voteId'))
  const deputy = (id: string) => names.deputy(id) ?? id
  const deputyList = (): { n: number; names: string } => {
    const ids = Array.isArray(d.deputyIds) ? d.deputyIds.filter((x) => typeof x === 'string') : []
    const shown = ids.slice(0, namesShown).map(deputy).join(t('audit.list.separator'))
    const more = ids.length > namesShown ? t('audit.more', { n: ids.length - namesShown }) : ''
    return { n: ids.length, names: shown + more }
  }
  /** A project removed (or imported away) leaves its proposals ungrouped: said when it did. */
  const ungrouped = () =>
    num('ungroupedProposals') > 0
      ? t('audit.proposals.ungroupedBy', { n: num('ungroupedProposals') })
      : ''
  const counts = (d.counts ?? {}) as Record<string, unknown>
  const count = (key: string) => (typeof counts[key] === 'number' ? counts[key] : 0)

  switch (entry.type) {
    case 'meeting.opened':
    case 'meeting.deleted':
    case 'projects.reordered':
      return t(`audit.${entry.type}`)
    case 'meeting.renamed':
      return t('audit.meeting.renamed', { title: str('title') })
    case 'meeting.duplicated':
      return t('audit.meeting.duplicated', { from: str('fromTitle') })
    case 'meeting.demo-loaded':
      return t('audit.meeting.demo-loaded', {
        title: str('title'),
        deputies: num('deputies'),
        projects: num('projects'),
      })
    case 'meeting.quorum-set':
      return num('numerator') === 0
        ? t('audit.meeting.quorum-none')
        : t('audit.meeting.quorum-set', { n: num('numerator'), d: num('denominator') })
    case 'meeting.updated':
      return t('audit.meeting.updated')
    case 'roster.credentials-reissued':
      return t('audit.roster.credentials-reissued', { deputies: num('deputies') })
    case 'vote.revote-created':
      return t('audit.vote.revote-created', {
        vote: names.vote(str('revoteOf')) ?? str('revoteOf'),
      })
    case 'roster.imported':
      return t('audit.roster.imported', { deputies: num('deputies') })
    case 'projects.imported':
      return t('audit.projects.imported', { projects: num('projects') }) + ungrouped()
    case 'proposals.imported':
    case 'proposals.grouped':
    case 'proposals.ungrouped':
      return proposalsSentence(entry.type, d, t)
    case 'deputy.added':
    case 'deputy.updated':
    case 'deputy.removed':
    case 'deputy.credential-reissued':
    case 'deputy.card-opened-on-leave':
      return t(`audit.${entry.type}`, { name: deputy(str('deputyId')) })
    case 'project.added':
    case 'project.updated':
    case 'project.removed':
      return t(`audit.${entry.type}`, { project: str('projectId') }) + ungrouped()
    case 'deputy.checked-in': {
      const via = str('via')
      const key =
        via === 'tablet' || via === 'staff-confirmed' || via === 'paper' ? via : ('staff' as const)
      return t(`audit.deputy.checked-in.${key}`, deputyList())
    }
    case 'deputy.check-in-undone':
      return t(`audit.${entry.type}`, deputyList())
    case 'deputy.on-leave':
      return (
        t('audit.deputy.on-leave', deputyList()) +
        (str('reason') ? t('audit.deputy.on-leave.reason', { reason: str('reason') }) : '')
      )
    case 'vote.issued-grew':
      // Who came late is in the check-in line before it; here only how many.
      return t('audit.vote.issued-grew', {
        vote: vote(),
        n: Array.isArray(d.deputyIds) ? d.deputyIds.length : 0,
        issued: num('issued'),
      })
    case 'vote.created':
      return t('audit.vote.created', {
        vote: vote(),
        kind: kindOf(d.rules, lang),
      })
    case 'vote.updated':
    case 'vote.removed':
    case 'vote.time-up':
    case 'vote.published':
    case 'vote.paper-entry':
      return t(`audit.${entry.type}`, { vote: vote() })
    case 'vote.opened': {
      const a = (d.attendance ?? {}) as Record<string, unknown>
      const n = (key: string) => (typeof a[key] === 'number' ? a[key] : 0)
      const deadline = str('deadline')
      const until = deadline ? t('audit.vote.opened.deadline', { time: chinaClock(deadline) }) : ''
      return (
        t('audit.vote.opened', {
          vote: vote(),
          issued: n('issued'),
          roster: n('roster'),
          present: n('present'),
        }) + until
      )
    }
    case 'vote.quorum-overridden':
      return t('audit.vote.quorum-overridden', {
        vote: vote(),
        present: num('present'),
        needed: num('needed'),
        reason: str('reason'),
      })
    case 'vote.reminded':
      return t('audit.vote.reminded', {
        vote: vote(),
        notVoted: num('notVoted'),
        reminded: num('reminded'),
      })
    case 'vote.closed':
      return t(str('by') === 'timer' ? 'audit.vote.closed.timer' : 'audit.vote.closed.staff', {
        vote: vote(),
        cast: count('cast'),
        valid: count('valid'),
        invalid: count('invalid'),
      })
    case 'vote.annulled':
      return t('audit.vote.annulled', { vote: vote(), reason: str('reason') })
    case 'vote.runoff-created':
      return t('audit.vote.runoff-created', {
        vote: names.vote(str('runoffOf')) ?? str('runoffOf'),
        n: Array.isArray(d.candidates) ? d.candidates.length : 0,
        seats: num('seats'),
      })
    case 'ballot-box.damaged':
      return t('audit.ballot-box.damaged', { vote: vote(), detail: str('detail') })
    case 'ballot-box.acknowledged':
      return t('audit.ballot-box.acknowledged', { vote: vote(), cast: num('cast') })
    case 'screen.shown': {
      const stageKey = `screen.stage.${str('stage')}`
      const stage = isMessageKey(stageKey) ? t(stageKey) : str('stage')
      const voteId = str('voteId')
      const withVote = voteId && ['voting', 'results', 'progress'].includes(str('stage'))
      return withVote
        ? t('audit.screen.shown.vote', { stage, vote: names.vote(voteId) ?? voteId })
        : t('audit.screen.shown', { stage })
    }
    case 'archive.failed':
      return t('audit.archive.failed', { vote: vote(), error: str('error') })
    case 'scrutineers.updated':
      return (
        t('audit.scrutineers.updated', { names: scrutineerNames(d, t) }) +
        (d.wasApproved === true ? t('audit.scrutineers.updated.unapproved') : '') +
        (str('reason') ? t('audit.scrutineers.updated.reason', { reason: str('reason') }) : '')
      )
    case 'scrutineers.approved':
      return (
        t('audit.scrutineers.approved', { names: scrutineerNames(d, t) }) +
        (str('firstVote') === 'after' ? t('audit.scrutineers.approved.late') : '')
      )
    case 'data.recovered':
      return t('audit.data.recovered', { file: str('file'), problem: str('problem') })
    default:
      return (
        paperAuditSentence(entry.type, d, t, vote) ??
        yearAuditSentence(entry.type, d, t, vote) ??
        dutyAuditSentence(entry.type, d, t) ??
        t('audit.unknown', { type: entry.type })
      )
  }
}

/** 总监票人 张三；监票人 李四、王五: the roles recorded, each with its names. */
function scrutineerNames(d: Record<string, unknown>, t: AuditT): string {
  const roles = ['chief', 'scrutineer', 'teller'] as const
  const parts = roles.flatMap((role) => {
    const list = Array.isArray(d[role]) ? d[role].filter((x) => typeof x === 'string') : []
    if (list.length === 0) return []
    return [t(`audit.scrutineers.${role}`, { names: list.join(t('audit.list.separator')) })]
  })
  return parts.length === 0
    ? t('audit.scrutineers.none')
    : parts.join(t('audit.scrutineers.separator'))
}

function kindOf(rules: unknown, lang: Language): string {
  const kind = (rules as { kind?: unknown } | null)?.kind
  const key = `kind.${String(kind)}`
  return isMessageKey(key) ? translate(lang, key) : String(kind)
}

/** The hall is in China: a time of day reads in China Standard Time, as on the reports. */
export function chinaClock(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const d = new Date(ms + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

/** The date and time of an entry in China Standard Time: 2027-01-15 14:02:07. */
export function chinaDateTime(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const d = new Date(ms + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  )
}

/** 点单 / 选单: proposals imported, grouped under a project, or taken out of one. */
function proposalsSentence(
  type: 'proposals.imported' | 'proposals.grouped' | 'proposals.ungrouped',
  d: Record<string, unknown>,
  t: AuditT,
): string {
  const { num } = auditFields(d)
  const list = (key: string) => (Array.isArray(d[key]) ? (d[key] as unknown[]) : [])
  switch (type) {
    case 'proposals.imported':
      return t('audit.proposals.imported', {
        proposals: num('proposals'),
        added: num('added'),
        removed: num('removed'),
        changed: num('changed'),
      })
    case 'proposals.grouped': {
      const moved = list('moved').length
      const project = typeof d.projectId === 'string' ? d.projectId : ''
      return (
        t('audit.proposals.grouped', { n: list('proposalIds').length, project }) +
        (moved > 0 ? t('audit.proposals.moved', { n: moved }) : '')
      )
    }
    case 'proposals.ungrouped':
      return t('audit.proposals.ungrouped', {
        n: list('proposalIds').length,
        projects: list('from')
          .filter((x) => typeof x === 'string')
          .join(t('audit.list.separator')),
      })
  }
}
