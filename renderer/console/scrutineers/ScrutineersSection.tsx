import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useMemo, useState } from 'react'
import { chinaDateTime } from '../../../shared/i18n/audit-sentence'
import { scrutineerRoles } from '../../../shared/protocol/scrutineers.schema'
import type { ScrutineerRole, Scrutineers } from '../../../shared/protocol/scrutineers.schema'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import type { ConsoleApi } from '../use-console'
import type { ScrutineerRow } from './scrutineer-rows'
import { hasRequiredRoles, rowProblems, rowsToSend } from './scrutineer-rows'

/**
 * 监票人员: the meeting's 总监票人, 监票人 and 计票人 as a list staff type, save, and then mark
 * as approved by the meeting (会议通过), before the first vote. Saving an approved list takes
 * the approval back; once a vote has opened it also needs a reason, which the host logs.
 */
export function ScrutineersSection({ api }: { api: ConsoleApi }) {
  const stored = api.state?.meeting?.scrutineers ?? { members: [], approvedAt: null }
  // The host's list replaces the form's whenever it changes (saved here or elsewhere).
  return <ScrutineersForm key={JSON.stringify(stored.members)} api={api} stored={stored} />
}

function ScrutineersForm({ api, stored }: { api: ConsoleApi; stored: Scrutineers }) {
  const { t } = useI18n()
  const storedJson = JSON.stringify(stored.members)
  const [rows, setRows] = useState<ScrutineerRow[]>(stored.members)
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  const voted = (api.state?.votes ?? []).some((v) => v.status !== 'draft')
  const dirty = JSON.stringify(rowsToSend(rows)) !== storedJson
  const problems = useMemo(() => rowProblems(rows), [rows])
  const approved = stored.approvedAt !== null
  const needsReason = approved && voted && dirty
  const canSave = dirty && problems.length === 0 && (!needsReason || reason.trim().length >= 2)
  const canApprove = !dirty && !approved && hasRequiredRoles(stored.members)

  const edit = (i: number, change: Partial<ScrutineerRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)))
  const run = async (request: () => Promise<boolean>) => {
    setBusy(true)
    await request()
    setBusy(false)
  }
  const save = () =>
    run(() =>
      api.send('scrutineers:set', {
        members: rowsToSend(rows),
        ...(needsReason ? { reason: reason.trim() } : {}),
      }),
    )
  const names = stored.members
    .map((m) => `${t(`office.scrutineers.role.${m.role}`)} ${m.name}`)
    .join('、')

  return (
    <Stack>
      <Title order={3}>{t('office.nav.scrutineers')}</Title>
      <Text c="dimmed">{t('office.scrutineers.intro')}</Text>
      <Group>
        {approved ? (
          <Badge color="green" size="lg">
            {t('office.scrutineers.approved', { time: chinaDateTime(stored.approvedAt ?? '') })}
          </Badge>
        ) : (
          <Badge color={stored.members.length ? 'orange' : 'gray'} size="lg">
            {t(stored.members.length ? 'office.scrutineers.pending' : 'office.scrutineers.empty')}
          </Badge>
        )}
        {dirty && <Badge variant="outline">{t('office.scrutineers.unsaved')}</Badge>}
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {rows.map((r, i) => (
            <Group key={i} align="flex-end" wrap="nowrap" data-testid="scrutineer-row">
              <Text w={24} ta="right" c="dimmed">
                {i + 1}
              </Text>
              <NativeSelect
                label={t('office.scrutineers.col.role')}
                size="md"
                value={r.role}
                data={scrutineerRoles.map((role) => ({
                  value: role,
                  label: t(`office.scrutineers.role.${role}`),
                }))}
                onChange={(e) => edit(i, { role: e.currentTarget.value as ScrutineerRole })}
              />
              <TextInput
                label={t('office.scrutineers.col.name')}
                size="md"
                maxLength={50}
                value={r.name}
                onChange={(e) => edit(i, { name: e.currentTarget.value })}
              />
              <TextInput
                label={t('office.scrutineers.col.delegation')}
                size="md"
                maxLength={100}
                style={{ flex: 1 }}
                value={r.delegation}
                onChange={(e) => edit(i, { delegation: e.currentTarget.value })}
              />
              <Button
                variant="subtle"
                color="red"
                size="md"
                aria-label={t('office.scrutineers.remove', { row: i + 1 })}
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              >
                ✕
              </Button>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="md"
              onClick={() =>
                setRows((rs) => [
                  ...rs,
                  { role: rs.length === 0 ? 'chief' : 'scrutineer', name: '', delegation: '' },
                ])
              }
            >
              {t('office.scrutineers.add')}
            </Button>
          </Group>
          {problems.length > 0 && (
            <Alert color="red" role="alert">
              {problems.map((p) => (
                <div key={`${p.key}-${p.params.row}`}>{t(p.key, p.params)}</div>
              ))}
            </Alert>
          )}
          {approved && dirty && (
            <Alert color="yellow">{t('office.scrutineers.editUnapproves')}</Alert>
          )}
          {needsReason && (
            <Textarea
              label={t('office.scrutineers.reason')}
              description={t('office.scrutineers.reason.hint')}
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          <Group>
            <Button size="md" disabled={!canSave} loading={busy} onClick={() => void save()}>
              {t('office.scrutineers.save')}
            </Button>
            <Button
              size="md"
              color="green"
              disabled={!canApprove || busy}
              onClick={() => setConfirming(true)}
            >
              {t('office.scrutineers.approve')}
            </Button>
            {!approved && !dirty && stored.members.length > 0 && !canApprove && (
              <Text c="red.8">{t('office.scrutineers.needRoles')}</Text>
            )}
          </Group>
        </Stack>
      </Paper>
      <ConfirmDialog
        opened={confirming}
        title={t('office.scrutineers.confirm.title')}
        color="green"
        confirmLabel={t('office.scrutineers.approve')}
        onClose={() => setConfirming(false)}
        onConfirm={() => void run(() => api.send('scrutineers:approve', {}))}
      >
        <Stack>
          <Text>{t('office.scrutineers.confirm.body', { names })}</Text>
          {voted && <Text c="orange.9">{t('office.scrutineers.confirm.late')}</Text>}
        </Stack>
      </ConfirmDialog>
    </Stack>
  )
}
