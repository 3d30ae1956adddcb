import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core'
import { useMemo, useState } from 'react'
import type { DutyPersonRow, DutyView } from '../../../shared/duty/duty-view'
import { useI18n } from '../../common/i18n'
import { StaffTable } from '../components/StaffTable'
import type { DutySort } from './duty-table'
import { dutyRows, dutySorts } from './duty-table'

/** At most this many deputies are drawn: staff narrow by delegation or name rather than scroll. */
const maxRows = 200

export function rateText(row: { present: number; meetings: number }): string {
  return row.meetings > 0 ? `${Math.round((row.present / row.meetings) * 100)}%` : '—'
}

/** Every deputy's counts, filtered by delegation or name, sorted by attendance or otherwise. */
export function DutyTable({ view, onOpen }: { view: DutyView; onOpen: (key: string) => void }) {
  const { t } = useI18n()
  const [delegation, setDelegation] = useState('')
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<DutySort>('present-desc')
  const rows = useMemo(
    () => dutyRows(view.persons, { delegation, query, sort }),
    [view.persons, delegation, query, sort],
  )
  const delegations = useMemo(
    () => [...new Set(view.persons.flatMap((p) => p.delegations))],
    [view.persons],
  )
  const points = view.pointsRule !== null
  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect
          label={t('duty.filter.delegation')}
          value={delegation}
          onChange={(e) => setDelegation(e.currentTarget.value)}
          data={[{ value: '', label: t('duty.filter.all') }, ...delegations]}
          data-testid="duty-delegation"
        />
        <TextInput
          label={t('duty.filter.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-testid="duty-search"
        />
        <NativeSelect
          label={t('duty.sort')}
          value={sort}
          onChange={(e) => setSort(e.currentTarget.value as DutySort)}
          data={dutySorts.map((s) => ({ value: s, label: t(`duty.sort.${s}`) }))}
          data-testid="duty-sort"
        />
        <Text c="dimmed" pb={6}>
          {t('duty.count', { n: rows.length })}
        </Text>
      </Group>
      <StaffTable
        empty={rows.length === 0}
        emptyText={t('duty.count', { n: 0 })}
        testId="duty-table"
        headers={
          <>
            <Table.Th>{t('duty.col.number')}</Table.Th>
            <Table.Th>{t('duty.col.name')}</Table.Th>
            <Table.Th>{t('duty.col.delegation')}</Table.Th>
            <Table.Th ta="right">{t('duty.col.meetings')}</Table.Th>
            <Table.Th ta="right">{t('duty.col.present')}</Table.Th>
            <Table.Th ta="right">{t('duty.col.leave')}</Table.Th>
            <Table.Th ta="right">{t('duty.col.absent')}</Table.Th>
            <Table.Th ta="right">{t('duty.col.rate')}</Table.Th>
            {points && <Table.Th ta="right">{t('duty.col.points')}</Table.Th>}
            <Table.Th>{t('duty.col.match')}</Table.Th>
          </>
        }
      >
        {rows.slice(0, maxRows).map((r) => (
          <Table.Tr key={r.key} data-testid="duty-row">
            <Table.Td>{r.number || t('duty.none.short')}</Table.Td>
            <Table.Td>
              <Anchor component="button" type="button" fw={600} onClick={() => onOpen(r.key)}>
                {r.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{r.delegations.join(' → ')}</Table.Td>
            <Table.Td ta="right">{r.meetings}</Table.Td>
            <Table.Td ta="right" fw={600} data-testid="duty-present">
              {r.present}
            </Table.Td>
            <Table.Td ta="right">{r.leave}</Table.Td>
            <Table.Td ta="right">{r.absent}</Table.Td>
            <Table.Td ta="right">{rateText(r)}</Table.Td>
            {points && <Table.Td ta="right">{r.points}</Table.Td>}
            <Table.Td>
              <MatchBadge row={r} />
            </Table.Td>
          </Table.Tr>
        ))}
      </StaffTable>
      {rows.length > maxRows && (
        <Text size="sm" c="dimmed">
          {t('duty.more', { n: rows.length - maxRows })}
        </Text>
      )}
    </Stack>
  )
}

/** Whether staff still have something to check about this deputy's matching, in words. */
export function MatchBadge({ row }: { row: DutyPersonRow }) {
  const { t } = useI18n()
  if (row.ambiguous)
    return (
      <Badge color="orange.9" variant="filled">
        {t('duty.match.ambiguous')}
      </Badge>
    )
  if (row.needsConfirm)
    return (
      <Badge color="yellow.8" variant="outline">
        {t('duty.match.toConfirm')}
      </Badge>
    )
  if (row.confirmed) return <Text size="sm">{t('duty.match.confirmed')}</Text>
  if (row.basis === 'staff') return <Text size="sm">{t('duty.match.staff')}</Text>
  return null
}
