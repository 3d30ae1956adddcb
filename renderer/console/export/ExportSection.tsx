import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useI18n } from '../../common/i18n'
import { staffHref } from '../staff-api'
import type { ConsoleApi } from '../use-console'
import { ArchiveLinks } from '../components/ArchiveLinks'

/** 导出: the meeting back to XLSX (roster, projects, agenda), credential documents, templates. */
export function ExportSection({ api }: { api: ConsoleApi }) {
  const { t } = useI18n()
  const { token, state } = api
  const archived = (state?.votes ?? []).filter(
    (v) => v.status === 'closed' || v.status === 'published' || v.status === 'annulled',
  )
  return (
    <Stack>
      <Title order={3}>{t('prep.nav.export')}</Title>
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Stack gap={2}>
            <Text fw={600}>{t('prep.export.xlsx')}</Text>
            <Text size="sm" c="dimmed">
              {t('prep.export.xlsxHint')}
            </Text>
          </Stack>
          <Button
            component="a"
            href={staffHref('/api/export.xlsx', token)}
            download
            data-testid="export-xlsx"
          >
            {t('prep.export.download')}
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{t('prep.credentials')}</Text>
          <Group>
            <Anchor href={staffHref('/api/credentials.pdf', token)} download>
              {t('prep.cards.all', { n: state?.attendance.roster ?? 0 })}
            </Anchor>
            <Anchor href={staffHref('/api/credentials.csv', token)} download>
              {t('prep.credentials.csv')}
            </Anchor>
          </Group>
          <Text fw={600} mt="sm">
            {t('prep.templates')}
          </Text>
          <Group>
            <Anchor href={staffHref('/api/templates/roster.xlsx', token)} download>
              {t('prep.template.roster')}
            </Anchor>
            <Anchor href={staffHref('/api/templates/projects.xlsx', token)} download>
              {t('prep.template.projects')}
            </Anchor>
          </Group>
        </Stack>
      </Paper>
      {archived.length > 0 && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Stack gap={2}>
              {/* A rehearsal's results live in a folder of their own (rehearsal-archive/). */}
              <Text fw={600} c={state?.meeting?.rehearsal ? 'red.9' : undefined}>
                {state?.meeting?.rehearsal ? t('hall.rehearsal.archive') : t('console.archive')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('archive.allHint')}
              </Text>
            </Stack>
            <Button
              component="a"
              href={staffHref('/api/archive.zip', token)}
              download
              data-testid="archive-zip"
            >
              {t('archive.all')}
            </Button>
          </Group>
          <Stack gap={4}>
            {archived.map((vote) => (
              <Group key={vote.id} gap="xs">
                <Text size="sm" w={320} truncate>
                  {vote.title}
                  {vote.status === 'annulled' && `（${t('status.annulled')}）`}
                </Text>
                <ArchiveLinks vote={vote} token={token} />
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
