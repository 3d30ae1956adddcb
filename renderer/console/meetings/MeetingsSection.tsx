import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import type { AppError } from '../../../shared/protocol/envelope'
import type { MeetingListEntry } from '../../../shared/protocol/views'
import { ConfirmButton } from '../../common/ConfirmButton'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import { FormModal } from '../components/FormModal'
import { RowActions, RowButton } from '../components/RowActions'
import type { ConsoleApi } from '../use-console'

/** Last year's meeting becomes this year's: the first 20xx in the title moves on by one. */
export function nextYearTitle(title: string): string | null {
  const match = /20\d\d/.exec(title)
  if (!match) return null
  return title.replace(match[0], String(Number(match[0]) + 1))
}

type Asking =
  | { action: 'create' }
  | { action: 'rename'; meeting: MeetingListEntry }
  | { action: 'duplicate'; meeting: MeetingListEntry }

/** 会议: the library of meetings, one open at a time. */
export function MeetingsSection({ api }: { api: ConsoleApi }) {
  const { t } = useI18n()
  const state = api.state
  const meetings = state?.meetings ?? []
  const voteOpen = state?.votes.some((v) => v.status === 'open') ?? false
  const [asking, setAsking] = useState<Asking | null>(null)
  const [deleting, setDeleting] = useState<MeetingListEntry | null>(null)
  const current = meetings.find((m) => m.active)
  // As the host decides (MeetingService.loadDemo): into an empty meeting, else beside it.
  const hasData =
    (state?.attendance.roster ?? 0) > 0 ||
    (state?.projects.length ?? 0) > 0 ||
    (state?.votes.length ?? 0) > 0

  const defaultTitle = (a: Asking): string => {
    if (a.action === 'create') return ''
    if (a.action === 'rename') return a.meeting.title
    return nextYearTitle(a.meeting.title) ?? t('prep.meeting.copyOf', { title: a.meeting.title })
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('prep.nav.meetings')}</Title>
        <Group>
          {/* Never replaces anything: a meeting with data gets a new one beside it. */}
          <ConfirmButton
            variant="default"
            confirmColor="blue"
            label={t('console.loadDemo')}
            confirmLabel={t('console.loadDemo')}
            data-testid="load-demo"
            confirm={
              <Stack gap="xs" data-testid="load-demo-question">
                <Text>{t('console.loadDemo.confirm')}</Text>
                {state?.meeting && (
                  <Text>
                    {t(hasData ? 'console.loadDemo.beside' : 'console.loadDemo.intoEmpty', {
                      title: state.meeting.title,
                    })}
                  </Text>
                )}
              </Stack>
            }
            onConfirm={() => void api.send('meeting:load-demo', {})}
          />
          <Button onClick={() => setAsking({ action: 'create' })} disabled={voteOpen}>
            {t('prep.meeting.create')}
          </Button>
        </Group>
      </Group>

      {state?.meeting && current && (
        <Paper withBorder p="md" data-testid="current-meeting">
          <Group justify="space-between">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('prep.meeting.current')}
              </Text>
              <Text fw={700} size="xl" data-testid="current-meeting-title">
                {state.meeting.title}
              </Text>
              <Text size="sm" c="dimmed">
                {t('prep.meeting.counts', {
                  deputies: state.attendance.roster,
                  projects: state.projects.length,
                  votes: state.votes.length,
                })}
              </Text>
            </Stack>
            <Button
              variant="default"
              onClick={() => setAsking({ action: 'rename', meeting: current })}
            >
              {t('prep.meeting.rename')}
            </Button>
          </Group>
        </Paper>
      )}

      {voteOpen && <Alert color="orange">{t('prep.meeting.voteOpen')}</Alert>}

      <Paper withBorder p="md">
        <Table highlightOnHover data-testid="meetings-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('prep.meeting.title')}</Table.Th>
              <Table.Th>{t('prep.meeting.createdAt')}</Table.Th>
              <Table.Th>{t('prep.col.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...meetings].reverse().map((m) => (
              <Table.Tr key={m.id} data-testid={`meeting-${m.id}`}>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={m.active ? 700 : 400}>{m.title}</Text>
                    {m.active && <Badge color="green">{t('prep.meeting.open')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td c="dimmed">{new Date(m.createdAt).toLocaleString()}</Table.Td>
                <RowActions>
                  <RowButton
                    disabled={m.active || voteOpen}
                    onClick={() => void api.send('meeting:open', { meetingId: m.id })}
                  >
                    {t('prep.meeting.openButton')}
                  </RowButton>
                  <RowButton onClick={() => setAsking({ action: 'rename', meeting: m })}>
                    {t('prep.meeting.rename')}
                  </RowButton>
                  <RowButton
                    disabled={voteOpen}
                    onClick={() => setAsking({ action: 'duplicate', meeting: m })}
                  >
                    {t('prep.meeting.duplicate')}
                  </RowButton>
                  <RowButton
                    color="red"
                    disabled={m.active}
                    title={m.active ? t('prep.meeting.cannotDeleteOpen') : undefined}
                    onClick={() => setDeleting(m)}
                  >
                    {t('prep.remove')}
                  </RowButton>
                </RowActions>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      {asking && (
        <TitleDialog
          key={asking.action + ('meeting' in asking ? asking.meeting.id : '')}
          title={
            asking.action === 'create'
              ? t('prep.meeting.create')
              : asking.action === 'rename'
                ? t('prep.meeting.rename')
                : t('prep.meeting.duplicateOf', { title: asking.meeting.title })
          }
          hint={asking.action === 'duplicate' ? t('prep.meeting.duplicateHint') : null}
          initial={defaultTitle(asking)}
          onClose={() => setAsking(null)}
          onSave={async (title) => {
            const result =
              asking.action === 'create'
                ? await api.call('meeting:create', { title })
                : asking.action === 'rename'
                  ? await api.call('meeting:rename', { meetingId: asking.meeting.id, title })
                  : await api.call('meeting:duplicate', { meetingId: asking.meeting.id, title })
            if (result.ok) setAsking(null)
            return result.ok ? null : result.error
          }}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('prep.meeting.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) void api.send('meeting:delete', { meetingId: deleting.id })
        }}
      >
        {t('prep.meeting.deleteConfirm', { title: deleting?.title ?? '' })}
      </ConfirmDialog>
    </Stack>
  )
}

function TitleDialog({
  title,
  hint,
  initial,
  onClose,
  onSave,
}: {
  title: string
  hint: string | null
  initial: string
  onClose: () => void
  onSave: (title: string) => Promise<AppError | null>
}) {
  const { t, errorText } = useI18n()
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    const failure = await onSave(value.trim())
    setBusy(false)
    if (failure) setError(errorText(failure))
  }
  return (
    <FormModal
      title={title}
      onClose={onClose}
      canSave={value.trim() !== ''}
      busy={busy}
      error={error}
      onSave={() => void submit()}
    >
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
      <TextInput
        label={t('prep.meeting.title')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        maxLength={200}
        data-autofocus
      />
    </FormModal>
  )
}
