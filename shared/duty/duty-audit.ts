import type { AuditT } from '../i18n/audit-fields'
import { auditFields } from '../i18n/audit-fields'
import { signedPoints } from './points'

/**
 * 代表履职's audit entries as sentences (shared/i18n/audit-sentence.ts asks here for a type it
 * does not know): each reads the fields it names and no others. Null for a type not the record's.
 * The entries name deputies by the name and meeting they had, since they may be of meetings
 * other than the open one, whose log this is.
 */
export function dutyAuditSentence(
  type: string,
  d: Record<string, unknown>,
  t: AuditT,
): string | null {
  const { str, num } = auditFields(d)
  switch (type) {
    case 'duty.entry-joined':
      return t('audit.duty.entry-joined', {
        meeting: str('meetingTitle'),
        name: str('name'),
        toMeeting: str('toMeetingTitle'),
        toName: str('toName'),
      })
    case 'duty.entry-separated':
      return t('audit.duty.entry-separated', { meeting: str('meetingTitle'), name: str('name') })
    case 'duty.matches-confirmed': {
      const names = Array.isArray(d.names) ? d.names.filter((x) => typeof x === 'string') : []
      const more =
        num('persons') > names.length ? t('audit.more', { n: num('persons') - names.length }) : ''
      return t('audit.duty.matches-confirmed', {
        n: num('persons'),
        names: names.join(t('audit.list.separator')) + more,
      })
    }
    case 'duty.points-rule-set': {
      const rule = d.rule as Record<string, unknown> | null | undefined
      const n = (key: string) => (rule && typeof rule[key] === 'number' ? rule[key] : 0)
      return rule
        ? t('audit.duty.points-rule-set', {
            present: signedPoints(n('present')),
            leave: signedPoints(n('leave')),
            absent: signedPoints(n('absent')),
          })
        : t('audit.duty.points-rule-cleared')
    }
    default:
      return null
  }
}
