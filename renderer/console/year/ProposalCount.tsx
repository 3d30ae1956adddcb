import { Text } from '@mantine/core'
import type { ProposalSources } from '../../../shared/year/proposals'
import { useI18n } from '../../common/i18n'

/** 群众点单 N 件 under a candidate project, and its sources by 来源渠道 (most first). */
export function ProposalCount({ sources }: { sources: ProposalSources | undefined }) {
  const { t } = useI18n()
  if (!sources) return <Text c="dimmed">—</Text>
  const line = sources.sources
    .map((s) => `${s.channel || t('proposals.noChannel')} ${s.count}`)
    .join(t('audit.list.separator'))
  return (
    <div data-testid="project-proposals">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t('proposals.count', { n: sources.count })}
      </Text>
      <Text size="xs" c="dimmed">
        {line}
      </Text>
    </div>
  )
}
