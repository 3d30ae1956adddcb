import { Badge, Group, Stack, Table, Text } from '@mantine/core'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { statusKeys, statusWord } from '../../common/result-words'

import { RatingResultTable } from './RatingResultTable'

type Item = VoteResult['items'][number]

/**
 * The tallied result item by item, for the staff to review before it goes to the screen; the
 * counts and any tie or shortfall are stated above it (LiveVotePanel's summary). 逐项 and 决议
 * show 赞成, 反对 and 弃权, and what each item comes to in their own words (通过/未通过), as the
 * report does; 差额 its 赞成 count and 当选.
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
  const tied = new Set(result.tie?.candidates ?? [])
  const threeWay = result.kind === 'per-item' || result.kind === 'motion'
  const count = (item: Item, key: 'for' | 'against' | 'abstain') =>
    key in item ? (item as Record<typeof key, number>)[key] : ''
  const outcome = (item: Item) => {
    if (result.kind === 'motion')
      return 'passed' in item && item.passed ? t('screen.status.passed') : t('screen.status.failed')
    const word = statusWord(result.kind, {
      passed: 'passed' in item && item.passed,
      elected: 'elected' in item && item.elected,
      tied: tied.has(item.id),
    })
    return word ? t(statusKeys[word]) : ''
  }
  return (
    <Stack mt="md" gap="xs" data-testid="result">
      <Group>
        <Text fw={700} data-testid="result-heading">
          {heading}
        </Text>
        <Text c="dimmed">
          {t(result.kind === 'select' ? 'result.needed' : 'result.neededPass', {
            needed: result.needed,
          })}
        </Text>
      </Group>
      <Table striped withTableBorder data-testid="result-table">
        <Table.Thead>
          <Table.Tr>
            {result.kind !== 'motion' && <Table.Th>{t('result.rank')}</Table.Th>}
            <Table.Th>{t(result.kind === 'motion' ? 'result.motion' : 'result.project')}</Table.Th>
            <Table.Th>{t('result.for')}</Table.Th>
            {threeWay && <Table.Th>{t('result.against')}</Table.Th>}
            {threeWay && <Table.Th>{t('result.abstain')}</Table.Th>}
            {threeWay ? (
              <Table.Th>{t('result.outcome')}</Table.Th>
            ) : (
              <>
                <Table.Th>{t('result.passed')}</Table.Th>
                <Table.Th>{t('result.elected')}</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.items.map((item) => (
            <Table.Tr key={item.id} data-testid={`result-row-${item.id}`}>
              {result.kind !== 'motion' && <Table.Td>{'rank' in item ? item.rank : ''}</Table.Td>}
              <Table.Td>{title.get(item.id) ?? item.id}</Table.Td>
              <Table.Td>{count(item, 'for')}</Table.Td>
              {threeWay && <Table.Td>{count(item, 'against')}</Table.Td>}
              {threeWay && <Table.Td>{count(item, 'abstain')}</Table.Td>}
              {threeWay ? (
                <Table.Td fw={700} data-testid="result-outcome">
                  {outcome(item)}
                </Table.Td>
              ) : (
                <>
                  <Table.Td>{'passed' in item && item.passed ? t('yes') : t('no')}</Table.Td>
                  <Table.Td>
                    {'elected' in item && item.elected ? <Badge>{t('result.elected')}</Badge> : ''}
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
