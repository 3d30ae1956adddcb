import { Group, Stack, Table, Text } from '@mantine/core'
import type { RatingResult } from '../../../shared/protocol/result.schema'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'

/** A rate as the hall reads it: one decimal, or a dash when no ballot was valid. */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : (Math.round(rate * 1000) / 10).toFixed(1)
}

/**
 * 满意度测评 item by item: the four counts, the grade and beside it the 满意率
 * ((满意 + 基本满意) / 有效票, the result's positiveRate), then the pooled 总体满意率.
 */
export function RatingResultTable({
  vote,
  result,
  heading,
}: {
  vote: ConsoleVoteView
  result: RatingResult
  heading: string
}) {
  const { t } = useI18n()
  const title = new Map(vote.candidates.map((c) => [c.id, c.title]))
  return (
    <Stack mt="md" gap="xs" data-testid="result">
      <Group>
        <Text fw={700} data-testid="result-heading">
          {heading}
        </Text>
        <Text c="dimmed">{t('result.neededRating', { needed: result.needed })}</Text>
      </Group>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('result.order')}</Table.Th>
            <Table.Th>{t('result.project')}</Table.Th>
            <Table.Th>{t('mark.satisfied')}</Table.Th>
            <Table.Th>{t('mark.basic')}</Table.Th>
            <Table.Th>{t('mark.unsatisfied')}</Table.Th>
            <Table.Th>{t('mark.abstain')}</Table.Th>
            <Table.Th>{t('result.grade')}</Table.Th>
            <Table.Th>{t('result.rate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.items.map((item, i) => (
            <Table.Tr key={item.id} data-testid={`rating-row-${item.id}`}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{title.get(item.id) ?? item.id}</Table.Td>
              <Table.Td>{item.satisfied}</Table.Td>
              <Table.Td>{item.basic}</Table.Td>
              <Table.Td>{item.unsatisfied}</Table.Td>
              <Table.Td>{item.abstain}</Table.Td>
              <Table.Td fw={700}>{t(`screen.grade.${item.grade}`)}</Table.Td>
              <Table.Td data-testid={`rating-rate-${item.id}`}>
                {percentText(item.positiveRate)}%
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} data-testid="rating-overall">
        {t('result.overall', {
          p: percentText(result.overall.positiveRate),
          s: percentText(result.overall.satisfiedRate),
        })}
      </Text>
    </Stack>
  )
}
