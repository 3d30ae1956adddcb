import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import type { ProjectId, ProposalId } from '../../../shared/protocol/ids'
import type { Proposal } from '../../../shared/year/proposals'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import { StaffTable } from '../components/StaffTable'
import { ImportBlock } from '../import/ImportBlock'
import type { PreviewColumn } from '../import/ImportPanel'
import type { ConsoleApi } from '../use-console'
import type { ProposalFilter } from './proposals-filter'
import { ALL, BLANK, filterProposals, noFilter, UNGROUPED, valuesOf } from './proposals-filter'

/** Rows drawn at once: a hotline's year is thousands; the filter narrows the rest. */
const shownRows = 300

/**
 * 群众点单: citizens' proposals imported, listed (all, ungrouped, by project, by 来源渠道 or 镇街),
 * and grouped under a candidate project or taken out of one, several at a time.
 */
export function ProposalsSection({ api }: { api: ConsoleApi }) {
  const { t } = useI18n()
  const { proposals } = api
  const projects = api.state?.projects ?? []
  const [filter, setFilter] = useState<ProposalFilter>(noFilter)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [target, setTarget] = useState<string | null>(null)
  const [asking, setAsking] = useState<Proposal[] | null>(null)
  const listed = useMemo(() => filterProposals(proposals, filter), [proposals, filter])
  const shown = listed.slice(0, shownRows)
  const chosen = proposals.filter((p) => selected.has(p.id))
  const ungrouped = proposals.filter((p) => p.projectId === null).length
  const projectName = (id: string) => `${id} ${projects.find((p) => p.id === id)?.title ?? ''}`
  const blank = (value: string) => (value === BLANK ? t('proposals.noChannel') : value)

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const allShown = shown.length > 0 && shown.every((p) => selected.has(p.id))

  const group = async (move: boolean) => {
    if (!target) return
    const ok = await api.send('proposals:group', {
      proposalIds: chosen.map((p) => p.id),
      projectId: target as ProjectId,
      move,
    })
    if (ok) setSelected(new Set())
  }
  const askOrGroup = () => {
    const elsewhere = chosen.filter((p) => p.projectId !== null && p.projectId !== target)
    if (elsewhere.length > 0) setAsking(elsewhere)
    else void group(false)
  }
  const ungroup = async () => {
    const proposalIds: ProposalId[] = chosen.map((p) => p.id)
    if (await api.send('proposals:ungroup', { proposalIds })) setSelected(new Set())
  }

  const columns: PreviewColumn<'proposals'>[] = [
    { label: t('prep.col.number'), cell: (r) => r.number },
    { label: t('prep.col.content'), cell: (r) => r.content },
    { label: t('prep.col.channel'), cell: (r) => r.channel },
    { label: t('prep.col.date'), cell: (r) => r.date ?? '' },
    { label: t('prep.col.area'), cell: (r) => r.area },
  ]
  const choices = (key: 'channel' | 'area') =>
    valuesOf(proposals, key).map((v) => ({ value: v, label: blank(v) }))

  return (
    <Stack>
      <ImportBlock api={api} kind="proposals" columns={columns} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text c="dimmed" size="sm" data-testid="proposal-count">
            {t('proposals.total', { n: proposals.length, u: ungrouped })}
          </Text>
          <Group align="flex-end" data-testid="proposal-filters">
            <Select
              label={t('prep.col.project')}
              value={filter.group}
              allowDeselect={false}
              onChange={(group) => setFilter({ ...filter, group: group ?? ALL })}
              data={[
                { value: ALL, label: t('proposals.filter.all') },
                { value: UNGROUPED, label: t('proposals.filter.ungrouped') },
                ...projects.map((p) => ({ value: p.id, label: projectName(p.id) })),
              ]}
              w={260}
              data-testid="proposal-filter-group"
            />
            <Select
              label={t('prep.col.channel')}
              placeholder={t('proposals.filter.anyChannel')}
              value={filter.channel || null}
              clearable
              onChange={(channel) => setFilter({ ...filter, channel: channel ?? '' })}
              data={choices('channel')}
              w={180}
              data-testid="proposal-filter-channel"
            />
            <Select
              label={t('prep.col.area')}
              placeholder={t('proposals.filter.anyArea')}
              value={filter.area || null}
              clearable
              onChange={(area) => setFilter({ ...filter, area: area ?? '' })}
              data={choices('area')}
              w={180}
              data-testid="proposal-filter-area"
            />
          </Group>
          <Group align="flex-end" data-testid="proposal-actions">
            <Badge size="lg" variant="light" tt="none" data-testid="proposal-selected">
              {t('proposals.selected', { n: chosen.length })}
            </Badge>
            <Select
              aria-label={t('proposals.assignTo')}
              placeholder={t('proposals.assignTo')}
              value={target}
              onChange={setTarget}
              data={projects.map((p) => ({ value: p.id, label: projectName(p.id) }))}
              searchable
              w={260}
              data-testid="proposal-target"
            />
            <Button
              disabled={!target || chosen.length === 0}
              onClick={askOrGroup}
              data-testid="proposal-assign"
            >
              {t('proposals.assign')}
            </Button>
            <Button
              variant="default"
              disabled={!chosen.some((p) => p.projectId !== null)}
              onClick={() => void ungroup()}
              data-testid="proposal-unassign"
            >
              {t('proposals.unassign')}
            </Button>
          </Group>
          <StaffTable
            empty={shown.length === 0}
            emptyText={t(proposals.length === 0 ? 'proposals.empty' : 'proposals.none')}
            testId="proposals-table"
            headers={
              <>
                <Table.Th>
                  <Checkbox
                    aria-label={t('proposals.selectAll')}
                    checked={allShown}
                    onChange={() =>
                      setSelected(allShown ? new Set() : new Set(shown.map((p) => p.id)))
                    }
                  />
                </Table.Th>
                <Table.Th>{t('prep.col.number')}</Table.Th>
                <Table.Th>{t('prep.col.content')}</Table.Th>
                <Table.Th>{t('prep.col.channel')}</Table.Th>
                <Table.Th>{t('prep.col.date')}</Table.Th>
                <Table.Th>{t('prep.col.area')}</Table.Th>
                <Table.Th>{t('prep.col.project')}</Table.Th>
              </>
            }
          >
            {shown.map((p) => (
              <Table.Tr key={p.id} data-testid={`proposal-${p.id}`}>
                <Table.Td>
                  <Checkbox
                    aria-label={p.id}
                    checked={selected.has(p.id)}
                    onChange={() => toggle(p.id)}
                  />
                </Table.Td>
                <Table.Td>{p.id}</Table.Td>
                <Table.Td maw={420}>{p.content}</Table.Td>
                <Table.Td>{p.channel}</Table.Td>
                <Table.Td>{p.date ?? ''}</Table.Td>
                <Table.Td>{p.area}</Table.Td>
                <Table.Td c={p.projectId ? undefined : 'dimmed'} data-testid="proposal-project">
                  {p.projectId ? projectName(p.projectId) : t('proposals.ungroupedMark')}
                </Table.Td>
              </Table.Tr>
            ))}
          </StaffTable>
          {listed.length > shown.length && (
            <Text size="sm" c="dimmed">
              {t('proposals.shown', { shown: shown.length, n: listed.length })}
            </Text>
          )}
        </Stack>
      </Paper>
      <ConfirmDialog
        opened={asking !== null}
        title={t('proposals.moveTitle')}
        color="orange"
        onClose={() => setAsking(null)}
        onConfirm={() => void group(true)}
      >
        {t('proposals.moveConfirm', {
          n: asking?.length ?? 0,
          list: (asking ?? [])
            .slice(0, 5)
            .map((p) => `${p.id}（${p.projectId}）`)
            .join('、'),
          project: target ? projectName(target) : '',
        })}
      </ConfirmDialog>
    </Stack>
  )
}
