import { Text } from '@mantine/core'
import type { YearProject } from '../../../shared/year/year.schema'
import { useI18n } from '../../common/i18n'

/** Where a project's year ended: its grade and 满意率 at the next plenary, or a dash. */
export function GradeText({ project }: { project: YearProject }) {
  const { t } = useI18n()
  const g = project.grade
  if (!g) return <Text size="sm">{t('year.none')}</Text>
  const rate = g.positiveRate === null ? '—' : `${(g.positiveRate * 100).toFixed(1)}%`
  return (
    <Text size="sm" fw={600} data-testid="grade">
      {t('year.grade', { grade: t(`outcome.${g.grade}`), rate })}
    </Text>
  )
}
