import { Badge, Group, Stack, Table, Text } from '@mantine/core'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { RatingResultTable } from './RatingResultTable'

/**
 * The tallied result item by item, for the staff to review before it goes to the screen; the
 * counts and any tie or shortfall are stated above it (LiveVotePanel's summary).
 */
export function ResultTable({ vote, result }: { vote: ConsoleVoteView; result: VoteResult }) {
  const { t } = useI18n()
  // Published says so: a table still headed 待审核 after the hall saw it misleads the clerk.
  const heading =
    vote.status === 'published'
      ? t('console.result.published')
      : vote.status === 'annulled'
        ? t('console.result.annulled')
        : t('console.result')
  if (result.kind === 'rating')
    return <RatingResultTable vote={vote} result={result} heading={heading} />
  const title = new Map(vote.candidates.map((c) => [c.id, c.title]))
  return (
    <Stack mt="md" gap="xs" data-testid="result">
      <Group>
        <Text fw={700} data-testid="result-heading">
          {heading}
        </Text>
        <Text c="dimmed">{t('result.needed', { needed: result.needed })}</Text>
      </Group>
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
