import type { AuditT } from '../i18n/audit-fields'
import { auditFields } from '../i18n/audit-fields'

/**
 * The year's audit entries as sentences (shared/i18n/audit-sentence.ts asks here for any type
 * it does not know): each reads the fields it names and no others. Null for a type not the year's.
 */
export function yearAuditSentence(
  type: string,
  d: Record<string, unknown>,
  t: AuditT,
  vote: () => string,
): string | null {
  const { str, num } = auditFields(d)
  const ids = () =>
    Array.isArray(d.projectIds) ? d.projectIds.filter((x) => typeof x === 'string') : []
  switch (type) {
    case 'year.projects-made':
      return t('audit.year.projects-made', { vote: vote(), n: ids().length, ids: ids().join('、') })
    case 'year.projects-withdrawn':
      return t('audit.year.projects-withdrawn', {
        vote: vote(),
        n: ids().length,
        reason: str('reason'),
      })
    case 'year.project-updated':
      return t('audit.year.project-updated', { project: str('projectId'), title: str('title') })
    case 'year.progress-added':
    case 'year.progress-edited':
      return t(`audit.${type}`, {
        project: str('projectId'),
        title: str('title'),
        date: str('date'),
        percent: num('percent'),
      })
    case 'year.rating-created':
      return t(d.fromImportId ? 'audit.year.rating-created.import' : 'audit.year.rating-created', {
        from: str('fromTitle'),
        n: num('projects'),
      })
    case 'year.progress-imported':
      return t('audit.year.progress-imported', {
        title: str('title'),
        file: str('fileName'),
        n: num('projects'),
      })
    case 'year.grades-written-back':
      return d.found === false
        ? t('audit.year.grades-not-written-back', { vote: vote(), from: str('fromTitle') })
        : t('audit.year.grades-written-back', {
            vote: vote(),
            from: str('fromTitle'),
            n: ids().length,
          })
    default:
      return null
  }
}
