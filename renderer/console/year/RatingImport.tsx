import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import type { ImportedYear } from '../../../shared/year/year.schema'
import { useI18n } from '../../common/i18n'
import type { PreviewColumn } from '../import/ImportPanel'
import { ImportPanel } from '../import/ImportPanel'
import type { ConsoleApi } from '../use-console'

/**
 * 验单 when last year's meeting is not in this data folder: its progress list uploaded as a
 * file (previewed with every problem by row, nothing kept until clean), kept in this meeting's
 * year under a name, and the rating made from it in the same confirmation. A list already kept
 * makes its rating again from its own button (a second click gives the same vote).
 */
export function RatingImport({ api, imported }: { api: ConsoleApi; imported: ImportedYear[] }) {
  const { t } = useI18n()
  const [title, setTitle] = useState(() => t('year.import.defaultName', { year: lastYear() }))
  const [made, setMade] = useState<string | null>(null)
  const columns: PreviewColumn<'progress'>[] = [
    { label: t('prep.col.number'), cell: (r) => r.number },
    { label: t('prep.col.title'), cell: (r) => r.title },
    { label: t('prep.col.leadUnit'), cell: (r) => r.leadUnit },
    {
      label: t('year.import.col.percent'),
      cell: (r) => (r.percent === null ? '' : `${r.percent}%`),
    },
    { label: t('year.import.col.lastDate'), cell: (r) => r.lastDate },
    { label: t('year.import.col.planned'), cell: (r) => r.plannedCompletion },
  ]
  /** From a kept list's own button it says so; after an import the import's message does. */
  const rate = async (importId: string, say: boolean): Promise<boolean> => {
    const rating = await api.call('year:rating-create', { importId })
    if (!rating.ok) api.showError(rating.error)
    else if (say) setMade(t('year.rating.made'))
    return rating.ok
  }
  const confirm = async (previewId: string): Promise<number | null> => {
    const kept = await api.call('year:progress-import', { previewId, title })
    if (!kept.ok) {
      api.showError(kept.error)
      return null
    }
    if (!(await rate(kept.data.importId, false))) return null
    return countOf(await api.call('year:view', {}), kept.data.importId)
  }
  return (
    <Paper withBorder p="md" data-testid="rating-import">
      <Stack gap="sm">
        <Title order={4}>{t('year.import.title')}</Title>
        <Text size="sm">{t('year.import.intro')}</Text>
        <TextInput
          label={t('year.import.name')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maw={420}
          data-testid="rating-import-name"
        />
        <ImportPanel kind="progress" token={api.token} columns={columns} onConfirm={confirm} />
        {made && (
          <Text c="green.9" role="status">
            {made}
          </Text>
        )}
        {imported.length > 0 && (
          <Stack gap={4}>
            <Text fw={700}>{t('year.import.list')}</Text>
            {imported.map((list) => (
              <Stack key={list.id} gap={2} data-testid="imported-list">
                <Text size="sm">
                  {t('year.import.entry', {
                    title: list.title,
                    file: list.fileName,
                    n: list.projects.length,
                  })}
                </Text>
                <Button
                  size="sm"
                  variant="default"
                  w="fit-content"
                  onClick={() => void rate(list.id, true)}
                >
                  {t('year.rating.create')}
                </Button>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}

function countOf(
  view: { ok: true; data: { imported: ImportedYear[] } } | { ok: false },
  importId: string,
): number {
  return view.ok ? (view.data.imported.find((i) => i.id === importId)?.projects.length ?? 0) : 0
}

/** Last year by China's calendar: the year being rated. */
function lastYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 1
}
