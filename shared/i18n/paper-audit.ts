import type { AuditT } from './audit-fields'
import { auditFields } from './audit-fields'

/**
 * The paper count's audit entries as sentences (audit-sentence.ts asks here for the `paper.*`
 * types): batches, places, counts and the scrutineers who entered, each read from the field it
 * names. Nothing a paper says is in these entries, so nothing of it can reach the text.
 */
export function paperAuditSentence(
  type: string,
  d: Record<string, unknown>,
  t: AuditT,
  vote: () => string,
): string | null {
  const { str, num } = auditFields(d)
  const figure = (v: unknown) => (typeof v === 'number' ? v : t('audit.paper.none'))
  const places = () =>
    (Array.isArray(d.places) ? d.places.filter((x) => typeof x === 'number') : []).join(
      t('audit.list.separator'),
    )
  const entry = { vote: vote(), batch: num('batch'), slot: num('slot'), teller: str('teller') }
  switch (type) {
    case 'paper.started':
      return t(
        str('scope') === 'whole' ? 'audit.paper.started.whole' : 'audit.paper.started.rest',
        {
          vote: vote(),
          tablet: num('tablet'),
          toCount: num('toCount'),
        },
      )
    case 'paper.tallies': {
      const was = (d.was ?? {}) as Record<string, unknown>
      const changed = was.issued !== undefined && was.issued !== null
      return (
        t('audit.paper.tallies', {
          vote: vote(),
          issued: num('issued'),
          returned: figure(d.returned),
        }) +
        (changed
          ? t('audit.paper.tallies.was', {
              issued: figure(was.issued),
              returned: figure(was.returned),
            })
          : '')
      )
    }
    case 'paper.entry-begun':
      return t('audit.paper.entry-begun', { ...entry, size: num('size') })
    case 'paper.entry-finished':
      return t('audit.paper.entry-finished', { ...entry, ballots: num('ballots') })
    case 'paper.entry-moved':
      return t('audit.paper.entry-moved', entry)
    case 'paper.batch-mismatch':
      return t('audit.paper.batch-mismatch', { ...entry, places: places() })
    case 'paper.batch-resolved':
      return t('audit.paper.batch-resolved', {
        ...entry,
        scrutineer: str('scrutineer'),
        places: places(),
      })
    case 'paper.batch-merged':
      return (
        t('audit.paper.batch-merged', { ...entry, ballots: num('ballots') }) +
        (d.resumed === true ? t('audit.paper.batch-merged.resumed') : '')
      )
    default:
      return null
  }
}
