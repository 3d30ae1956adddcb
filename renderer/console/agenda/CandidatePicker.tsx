import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import type { Project } from '../../../shared/protocol/meeting.schema'
import { useI18n } from '../../common/i18n'
import type { ProjectId } from '../../../shared/protocol/ids'

/**
 * The projects on a vote's ballot: tick boxes (a motion has none: MotionFields). Candidates stay
 * in the projects' order whatever order they were ticked in, and a candidate whose project was
 * removed since is still listed, by its id.
 */
export function CandidatePicker({
  projects,
  value,
  readOnly,
  onChange,
}: {
  projects: readonly Project[]
  value: ProjectId[]
  readOnly: boolean
  onChange: (ids: ProjectId[]) => void
}) {
  const { t } = useI18n()
  const set = (ids: string[]) =>
    onChange(projects.map((p) => p.id).filter((id) => ids.includes(id)))
  const known = new Set(projects.map((p) => p.id))
  const listed = [
    ...projects.map((p) => ({ id: p.id, title: p.title })),
    ...value.filter((id) => !known.has(id)).map((id) => ({ id, title: id })),
  ]
  const label = (p: { id: string; title: string }) => `${p.id}\u3000${p.title}`

  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={500} size="sm">
          {t('prep.vote.candidates', { n: value.length })}
        </Text>
        {!readOnly && (
          <Group gap="xs">
            <Button size="compact-xs" variant="subtle" onClick={() => set([...known])}>
              {t('prep.vote.all')}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => set([])}>
              {t('prep.vote.none')}
            </Button>
          </Group>
        )}
      </Group>
      {listed.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('prep.vote.noProjects')}
        </Text>
      )}
      <Checkbox.Group value={value} onChange={set}>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} data-testid="vote-candidates">
          {listed.map((p) => (
            <Checkbox key={p.id} value={p.id} label={label(p)} disabled={readOnly} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Stack>
  )
}
