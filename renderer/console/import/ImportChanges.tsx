import { Badge, Group, Stack, Text } from '@mantine/core'
import type { ImportChangesView } from '../../../shared/protocol/preparation.schema'
import { useI18n } from '../../common/i18n'
import type { ImportKind } from '../staff-api'

/** Names listed in full up to this many per group; beyond, the first ones and a count. */
const shownNames = 30

/**
 * What confirming an import onto the list there changes: 新增 / 删除 / 修改 / 不变, with the
 * names, so staff see before they confirm whose cards stop working and what moves.
 */
export function ImportChanges({ kind, changes }: { kind: ImportKind; changes: ImportChangesView }) {
  const { t } = useI18n()
  const field = (key: string) => t(`prep.col.${key}` as 'prep.col.name')
  const groups = [
    { key: 'added', color: 'green', names: changes.added },
    { key: 'removed', color: 'red', names: changes.removed },
    {
      key: 'changed',
      color: 'orange',
      names: changes.changed.map((c) => `${c.name}：${c.fields.map(field).join('、')}`),
    },
  ] as const
  return (
    <Stack gap="xs" data-testid={`${kind}-changes`}>
      <Group gap="xs">
        {groups.map((g) => (
          <Badge key={g.key} color={g.color} variant="light" size="lg" tt="none">
            {t(`prep.changes.${g.key}`, { n: g.names.length })}
          </Badge>
        ))}
        <Badge color="gray" variant="light" size="lg" tt="none">
          {t('prep.changes.unchanged', { n: changes.unchanged })}
        </Badge>
      </Group>
      {groups
        .filter((g) => g.names.length > 0)
        .map((g) => (
          <Text key={g.key} size="sm" data-testid={`${kind}-changes-${g.key}`}>
            <Text span fw={700} c={`${g.color}.9`}>
              {t(`prep.changes.${g.key}`, { n: g.names.length })}：
            </Text>
            {g.names.slice(0, shownNames).join('，')}
            {g.names.length > shownNames && t('prep.changes.more', { n: g.names.length })}
          </Text>
        ))}
      {kind === 'roster' && changes.removed.length > 0 && (
        <Text size="sm" c="red.9" fw={700}>
          {t('prep.changes.cardsStop', { n: changes.removed.length })}
        </Text>
      )}
    </Stack>
  )
}
