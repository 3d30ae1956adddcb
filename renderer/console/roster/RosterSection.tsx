import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useMemo, useState } from 'react'
import type { ConsoleDeputyView } from '../../../shared/protocol/views'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import { ImportBlock } from '../import/ImportBlock'
import type { PreviewColumn } from '../import/ImportPanel'
import { staffHref } from '../staff-api'
import { RowActions, RowButton } from '../components/RowActions'
import { StaffTable } from '../components/StaffTable'
import type { ConsoleApi } from '../use-console'
import { CredentialsPanel } from './CredentialsPanel'
import { DeputyForm } from './DeputyForm'

const pageSize = 50

function matches(d: ConsoleDeputyView, q: string): boolean {
  return [d.id, d.number, d.name, d.delegation, d.seat, d.note, d.idLast4 ?? ''].some((v) =>
    v.includes(q),
  )
}

/** 代表名单: import with preview, search, add/edit/remove by hand, credentials. */
export function RosterSection({ api }: { api: ConsoleApi }) {
  const { t } = useI18n()
  const { roster, token, state } = api
  const [query, setQuery] = useState('')
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<ConsoleDeputyView | 'new' | null>(null)
  const [removing, setRemoving] = useState<ConsoleDeputyView | null>(null)
  const [reissuing, setReissuing] = useState<ConsoleDeputyView | null>(null)
  const [reissued, setReissued] = useState<ConsoleDeputyView | null>(null)
  const [reissuingAll, setReissuingAll] = useState(false)
  const [reissuedAll, setReissuedAll] = useState<number | null>(null)
  const voteOpen = state?.votes.some((v) => v.status === 'open') ?? false

  const q = query.trim()
  const found = useMemo(() => (q ? roster.filter((d) => matches(d, q)) : roster), [roster, q])
  const pages = Math.max(1, Math.ceil(found.length / pageSize))
  const current = Math.min(page, pages)
  const shown = found.slice((current - 1) * pageSize, current * pageSize)

  // 代表编号 only where the office numbers its deputies.
  const numbered = roster.some((d) => d.number !== '')
  const columns: PreviewColumn<'roster'>[] = [
    { label: t('prep.col.deputyNumber'), cell: (r) => r.number },
    { label: t('prep.col.name'), cell: (r) => r.name },
    { label: t('prep.col.delegation'), cell: (r) => r.delegation },
    { label: t('prep.col.seat'), cell: (r) => r.seat },
    { label: t('prep.col.idLast4'), cell: (r) => r.idLast4 ?? '' },
    { label: t('prep.col.note'), cell: (r) => r.note },
  ]

  return (
    <Stack>
      <ImportBlock api={api} kind="roster" columns={columns} />

      <CredentialsPanel
        token={token}
        count={roster.length}
        onReissueAll={voteOpen ? null : () => setReissuingAll(true)}
      />

      {reissuedAll !== null && (
        <Alert
          color="green"
          withCloseButton
          onClose={() => setReissuedAll(null)}
          data-testid="reissued-all"
        >
          {t('prep.reissueAll.done', { n: reissuedAll })}
        </Alert>
      )}

      {reissued && (
        <Alert
          color="green"
          withCloseButton
          onClose={() => setReissued(null)}
          title={t('prep.reissue.done', { name: reissued.name })}
          data-testid="reissued"
        >
          <Group gap="xs">
            <Text size="sm">{t('prep.reissue.print')}</Text>
            <Anchor
              size="sm"
              href={staffHref('/api/credentials.pdf', token, { deputy: reissued.id })}
              download
            >
              {t('prep.card.one', { name: reissued.name })}
            </Anchor>
          </Group>
        </Alert>
      )}

      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Group>
            <TextInput
              placeholder={t('prep.roster.search')}
              value={query}
              onChange={(e) => {
                setQuery(e.currentTarget.value)
                setPage(1)
              }}
              w={280}
              aria-label={t('prep.roster.search')}
            />
            <Text c="dimmed" size="sm" data-testid="roster-count">
              {q
                ? t('prep.roster.found', { n: found.length, total: roster.length })
                : t('prep.roster.total', { n: roster.length })}
            </Text>
          </Group>
          <Button onClick={() => setEditing('new')} disabled={voteOpen}>
            {t('prep.deputy.add')}
          </Button>
        </Group>
        <StaffTable
          empty={roster.length === 0}
          emptyText={t('prep.roster.empty')}
          testId="roster-table"
          headers={
            <>
              <Table.Th>{t('prep.col.id')}</Table.Th>
              {numbered && <Table.Th>{t('prep.col.deputyNumber')}</Table.Th>}
              <Table.Th>{t('prep.col.name')}</Table.Th>
              <Table.Th>{t('prep.col.delegation')}</Table.Th>
              <Table.Th>{t('prep.col.seat')}</Table.Th>
              <Table.Th>{t('prep.col.idLast4')}</Table.Th>
              <Table.Th>{t('prep.col.note')}</Table.Th>
              <Table.Th>{t('prep.col.present')}</Table.Th>
              <Table.Th>{t('prep.col.actions')}</Table.Th>
            </>
          }
        >
          {shown.map((d) => (
            <Table.Tr key={d.id} data-testid={`deputy-${d.id}`}>
              <Table.Td c="dimmed">{d.id}</Table.Td>
              {numbered && <Table.Td>{d.number}</Table.Td>}
              <Table.Td fw={600}>{d.name}</Table.Td>
              <Table.Td>{d.delegation}</Table.Td>
              <Table.Td>{d.seat}</Table.Td>
              <Table.Td>{d.idLast4 ?? ''}</Table.Td>
              <Table.Td>{d.note}</Table.Td>
              <Table.Td>
                {d.present ? (
                  <Badge color="green" variant="light">
                    {t('prep.present')}
                  </Badge>
                ) : (
                  ''
                )}
              </Table.Td>
              <RowActions>
                <RowButton onClick={() => setEditing(d)}>{t('prep.edit')}</RowButton>
                <RowButton href={staffHref('/api/credentials.pdf', token, { deputy: d.id })}>
                  {t('prep.card')}
                </RowButton>
                <RowButton color="orange" onClick={() => setReissuing(d)}>
                  {t('prep.reissue')}
                </RowButton>
                <RowButton color="red" disabled={voteOpen} onClick={() => setRemoving(d)}>
                  {t('prep.remove')}
                </RowButton>
              </RowActions>
            </Table.Tr>
          ))}
        </StaffTable>
        {pages > 1 && (
          <Group justify="center" mt="md">
            <Pagination total={pages} value={current} onChange={setPage} />
          </Group>
        )}
      </Paper>

      {editing && (
        <DeputyForm
          key={editing === 'new' ? 'new' : editing.id}
          deputy={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
          call={api.call}
          roster={roster}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('prep.deputy.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) void api.send('deputy:remove', { deputyId: removing.id })
        }}
      >
        {t('prep.deputy.removeConfirm', {
          name: removing?.name ?? '',
          delegation: removing?.delegation ?? '',
        })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={reissuing !== null}
        title={t('prep.reissue')}
        color="orange"
        confirmLabel={t('prep.reissue.confirmButton')}
        onClose={() => setReissuing(null)}
        onConfirm={() => {
          const deputy = reissuing
          if (!deputy) return
          void api.send('deputy:reissue', { deputyId: deputy.id }).then((ok) => {
            if (ok) setReissued(deputy)
          })
        }}
      >
        {t('prep.reissue.confirm', { name: reissuing?.name ?? '' })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={reissuingAll}
        title={t('prep.reissueAll.title')}
        confirmLabel={t('prep.reissueAll.button')}
        onClose={() => setReissuingAll(false)}
        onConfirm={() => {
          const n = roster.length
          void api.send('roster:reissue-all', { confirm: true }).then((ok) => {
            if (ok) setReissuedAll(n)
          })
        }}
      >
        {t('prep.reissueAll.body', { n: roster.length })}
      </ConfirmDialog>
    </Stack>
  )
}
