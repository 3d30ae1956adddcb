import { Group, Paper, Stack, Text } from '@mantine/core'
import type { AttendanceView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'

export function AttendancePanel({
  attendance,
  tabletsOnline,
}: {
  attendance: AttendanceView
  tabletsOnline: number
}) {
  const { t } = useI18n()
  const cells: [string, number, string][] = [
    [t('count.roster'), attendance.roster, 'roster'],
    [t('count.present'), attendance.present, 'present'],
    [t('count.absent'), attendance.absent, 'absent'],
    [t('console.tablets'), tabletsOnline, 'tablets'],
  ]
  return (
    <Paper withBorder p="md" aria-label={t('console.attendance')}>
      <Group gap="xl">
        {cells.map(([label, value, id]) => (
          <Stack key={id} gap={0} align="center">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="xl" fw={700} data-testid={`attendance-${id}`}>
              {value}
            </Text>
          </Stack>
        ))}
      </Group>
    </Paper>
  )
}
