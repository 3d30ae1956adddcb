import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'

/** The tallied result, for the staff to review before it goes to the screen. */
export function ResultTable({ vote, result }: { vote: ConsoleVoteView; result: VoteResult }) {
  const { t } = useI18n()
  const title = new Map(vote.candidates.map((c) => [c.id, c.title]))
  const c = result.counts
  const counts: [string, number][] = [
    [t('count.roster'), c.roster],
    [t('count.present'), c.present],
    [t('count.issued'), c.issued],
    [t('count.cast'), c.cast],
    [t('count.valid'), c.valid],
    [t('count.invalid'), c.invalid],
  ]
  return (
    <Stack mt="md" gap="xs" data-testid="result">
      <Group>
        <Text fw={700}>{t('console.result')}</Text>
        <Text c="dimmed">{t('result.needed', { needed: result.needed })}</Text>
      </Group>
      <Group gap="lg">
        {counts.map(([label, value]) => (
          <Text key={label}>
            {label} <b>{value}</b>
          </Text>
        ))}
      </Group>
      {result.void && <Alert color="red">{t('result.void')}</Alert>}
      {result.tie && <Alert color="orange">{t('result.tie', { k: vote.rules.seats ?? 1 })}</Alert>}
      {result.shortfall && (
        <Alert color="orange">{t('result.shortfall', { n: result.shortfall.seatsLeft })}</Alert>
      )}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('result.rank')}</Table.Th>
            <Table.Th>{t('result.project')}</Table.Th>
            <Table.Th>{t('result.for')}</Table.Th>
            <Table.Th>{t('result.passed')}</Table.Th>
            <Table.Th>{t('result.elected')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{'rank' in item ? item.rank : ''}</Table.Td>
              <Table.Td>{title.get(item.id) ?? item.id}</Table.Td>
              <Table.Td>{'for' in item ? item.for : ''}</Table.Td>
              <Table.Td>{'passed' in item && item.passed ? t('yes') : t('no')}</Table.Td>
              <Table.Td>
                {'elected' in item && item.elected ? <Badge>{t('result.elected')}</Badge> : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
