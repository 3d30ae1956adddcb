import { Anchor, Group, Paper, Title } from '@mantine/core'
import { useI18n } from '../../common/i18n'
import type { ImportKind } from '../staff-api'
import { staffHref } from '../staff-api'
import type { ConsoleApi } from '../use-console'
import type { PreviewColumn } from './ImportPanel'
import { ImportPanel } from './ImportPanel'

/** The meeting's own lists; a previous year's progress list is the rating's (RatingImport). */
type ListKind = Exclude<ImportKind, 'progress'>

/** The texts that differ between the two imported lists; everything else is the same flow. */
const texts = {
  roster: {
    title: 'prep.nav.roster',
    template: 'prep.template.roster',
  },
  projects: {
    title: 'prep.nav.projects',
    template: 'prep.template.projects',
  },
  proposals: {
    title: 'proposals.nav',
    template: 'proposals.template',
  },
} as const

const confirmEvents = {
  roster: 'roster:confirm',
  projects: 'projects:confirm',
  proposals: 'proposals:confirm',
} as const

/**
 * The top of 代表名单 and 候选项目: the section title with its template download, then the
 * import panel that confirms through the host (a refusal shows in the console's error banner).
 */
export function ImportBlock<K extends ListKind>({
  api,
  kind,
  columns,
}: {
  api: ConsoleApi
  kind: K
  columns: PreviewColumn<K>[]
}) {
  const { t } = useI18n()
  const { token } = api
  const text = texts[kind]

  const confirm = async (previewId: string): Promise<number | null> => {
    // Each kind's confirmation takes the same { previewId }.
    const event: (typeof confirmEvents)[ListKind] = confirmEvents[kind]
    const result = await api.call(event, { previewId })
    if (result.ok) return Object.values(result.data)[0] ?? 0
    api.showError(result.error)
    return null
  }

  return (
    <>
      <Group justify="space-between">
        <Title order={3}>{t(text.title)}</Title>
        <Anchor
          href={staffHref(`/api/templates/${kind}.xlsx`, token)}
          download
          data-testid={`${kind}-template`}
        >
          {t(text.template)}
        </Anchor>
      </Group>

      <Paper withBorder p="md">
        <ImportPanel kind={kind} token={token} columns={columns} onConfirm={confirm} />
      </Paper>
    </>
  )
}
