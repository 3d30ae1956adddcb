import { Anchor, Badge, Button, Group, Progress, Table, Text } from '@mantine/core'
import { boardRows, quietDays } from '../../../shared/year/year-rules'
import type { BoardRow } from '../../../shared/year/year-rules'
import { chinaDateOf } from '../../../shared/year/year.schema'
import type { YearView } from '../../../shared/year/year-view'
import { useI18n } from '../../common/i18n'
import { StaffTable } from '../components/StaffTable'
import { staffHref } from '../staff-api'
import { GradeText } from './GradeText'

/** Every project of the year: its %, last update, planned completion, state; late ones marked. */
export function ProgressBoard({
  year,
  token,
  onOpen,
}: {
  year: YearView
  token: string
  onOpen: (id: string) => void
}) {
  const { t } = useI18n()
  const rows = boardRows(year.projects, year.today, chinaDateOf)
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640} data-testid="late-rule">
          {t('year.late.rule', { days: quietDays })}
        </Text>
        <Group>
          <Button
            component="a"
            variant="default"
            href={staffHref('/api/year/progress.xlsx', token)}
            download
            data-testid="export-progress-xlsx"
          >
            {t('year.export.xlsx')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={staffHref('/api/year/progress.pdf', token)}
            download
            data-testid="export-progress-pdf"
          >
            {t('year.export.pdf')}
          </Button>
        </Group>
      </Group>
      <StaffTable
        empty={rows.length === 0}
        emptyText={t('year.empty')}
        testId="progress-board"
        headers={
          <>
            <Table.Th>{t('year.col.id')}</Table.Th>
            <Table.Th>{t('year.col.title')}</Table.Th>
            <Table.Th>{t('year.col.lead')}</Table.Th>
            <Table.Th w={160}>{t('year.col.percent')}</Table.Th>
            <Table.Th>{t('year.col.last')}</Table.Th>
            <Table.Th>{t('year.col.planned')}</Table.Th>
            <Table.Th>{t('year.col.state')}</Table.Th>
            <Table.Th>{t('year.col.grade')}</Table.Th>
          </>
        }
      >
        {rows.map((row) => (
          <Table.Tr key={row.project.id} data-testid="board-row" data-late={row.late.length > 0}>
            <Table.Td>{row.project.id}</Table.Td>
            <Table.Td>
              <Anchor
                component="button"
                type="button"
                onClick={() => onOpen(row.project.id)}
                fw={600}
              >
                {row.project.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.project.leadUnit || t('year.none')}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Progress value={row.percent} w={80} aria-hidden />
                <Text size="sm" fw={600} data-testid="board-percent">
                  {row.percent}%
                </Text>
              </Group>
            </Table.Td>
            <Table.Td>{row.lastDate ?? t('year.none')}</Table.Td>
            <Table.Td>{row.project.plannedCompletion || t('year.none')}</Table.Td>
            <Table.Td>
              <StateBadge row={row} />
            </Table.Td>
            <Table.Td>
              <GradeText project={row.project} />
            </Table.Td>
          </Table.Tr>
        ))}
      </StaffTable>
    </>
  )
}

/** The state in words (never by colour alone): 正常, 已完成, 滞后 and why, 已撤销. */
export function StateBadge({ row }: { row: BoardRow }) {
  const { t } = useI18n()
  if (row.project.withdrawn)
    return (
      <Badge color="gray" variant="outline">
        {t('year.state.withdrawn')}
      </Badge>
    )
  if (row.late.length > 0)
    return (
      <Group gap={4}>
        {row.late.map((l) => (
          <Badge key={l} color="orange.9" variant="filled" data-testid="late-badge">
            {t(`year.late.${l}`, { days: quietDays })}
          </Badge>
        ))}
      </Group>
    )
  return (
    <Badge color={row.percent >= 100 ? 'green.9' : 'blue.9'} variant="light">
      {t(row.percent >= 100 ? 'year.state.done' : 'year.state.ok')}
    </Badge>
  )
}
