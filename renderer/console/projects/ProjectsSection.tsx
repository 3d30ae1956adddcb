import { ActionIcon, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { Project } from '../../../shared/protocol/meeting.schema'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import { ImportBlock } from '../import/ImportBlock'
import type { PreviewColumn } from '../import/ImportPanel'
import { RowActions, RowButton } from '../components/RowActions'
import { StaffTable } from '../components/StaffTable'
import type { ConsoleApi } from '../use-console'
import { ProjectForm } from './ProjectForm'
import { ProposalCount } from '../year/ProposalCount'
import { formatCompletion } from '../../../shared/year/dates'
import { proposalSources } from '../../../shared/year/proposals'

export function formatBudget(budget: number | null): string {
  return budget === null ? '' : budget.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}

/** 候选项目: import with preview, edit by hand, reorder (the order printed on ballots). */
export function ProjectsSection({ api }: { api: ConsoleApi }) {
  const { t, lang } = useI18n()
  const projects = api.state?.projects ?? []
  const sources = proposalSources(api.proposals)
  const [editing, setEditing] = useState<Project | 'new' | null>(null)
  const [removing, setRemoving] = useState<Project | null>(null)
  const inDrafts = (id: string) =>
    api.state?.votes.some((v) => v.status === 'draft' && v.candidates.some((c) => c.id === id))

  const move = (index: number, by: -1 | 1) => {
    const ids = projects.map((p) => p.id)
    const other = index + by
    if (other < 0 || other >= ids.length) return
    ;[ids[index], ids[other]] = [ids[other]!, ids[index]!]
    void api.send('projects:reorder', { ids })
  }

  const columns: PreviewColumn<'projects'>[] = [
    { label: t('prep.col.number'), cell: (r) => r.number },
    { label: t('prep.col.title'), cell: (r) => r.title },
    { label: t('prep.col.leadUnit'), cell: (r) => r.leadUnit },
    { label: t('prep.col.budget'), cell: (r) => formatBudget(r.budget) },
    { label: t('prep.col.category'), cell: (r) => r.category },
    { label: t('prep.col.completion'), cell: (r) => formatCompletion(r.completion, lang) },
  ]

  return (
    <Stack>
      <ImportBlock api={api} kind="projects" columns={columns} />

      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Text c="dimmed" size="sm" data-testid="project-count">
            {t('prep.projects.total', { n: projects.length })}
          </Text>
          <Button onClick={() => setEditing('new')}>{t('prep.project.add')}</Button>
        </Group>
        <StaffTable
          empty={projects.length === 0}
          emptyText={t('prep.projects.empty')}
          testId="projects-table"
          headers={
            <>
              <Table.Th>{t('prep.col.order')}</Table.Th>
              <Table.Th>{t('prep.col.number')}</Table.Th>
              <Table.Th>{t('prep.col.title')}</Table.Th>
              <Table.Th>{t('prep.col.leadUnit')}</Table.Th>
              <Table.Th ta="right">{t('prep.col.budget')}</Table.Th>
              <Table.Th>{t('prep.col.category')}</Table.Th>
              <Table.Th>{t('prep.col.completion')}</Table.Th>
              <Table.Th>{t('prep.col.proposals')}</Table.Th>
              <Table.Th>{t('prep.col.actions')}</Table.Th>
            </>
          }
        >
          {projects.map((p, i) => (
            <Table.Tr key={p.id} data-testid={`project-${p.id}`}>
              <Table.Td c="dimmed">{i + 1}</Table.Td>
              <Table.Td>{p.id}</Table.Td>
              <Table.Td fw={600} title={p.summary}>
                {p.title}
              </Table.Td>
              <Table.Td>{p.leadUnit}</Table.Td>
              <Table.Td ta="right">{formatBudget(p.budget)}</Table.Td>
              <Table.Td>{p.category}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatCompletion(p.completion, lang)}
              </Table.Td>
              <Table.Td>
                <ProposalCount sources={sources.get(p.id)} />
              </Table.Td>
              <RowActions>
                <ActionIcon
                  variant="default"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('prep.moveUp', { title: p.title })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  disabled={i === projects.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('prep.moveDown', { title: p.title })}
                >
                  ↓
                </ActionIcon>
                <RowButton onClick={() => setEditing(p)}>{t('prep.edit')}</RowButton>
                <RowButton color="red" onClick={() => setRemoving(p)}>
                  {t('prep.remove')}
                </RowButton>
              </RowActions>
            </Table.Tr>
          ))}
        </StaffTable>
      </Paper>

      {editing && (
        <ProjectForm
          key={editing === 'new' ? 'new' : editing.id}
          project={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          call={api.call}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('prep.project.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void api.send('project:remove', { projectId: removing.id })
        }}
      >
        {t(
          removing && inDrafts(removing.id)
            ? 'prep.project.removeConfirmDraft'
            : 'prep.project.removeConfirm',
          { title: removing?.title ?? '' },
        )}
        {removing && sources.has(removing.id) && (
          <> {t('prep.project.removeProposals', { n: sources.get(removing.id)?.count ?? 0 })}</>
        )}
      </ConfirmDialog>
    </Stack>
  )
}
