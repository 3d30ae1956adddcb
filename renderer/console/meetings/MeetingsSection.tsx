import type { MeetingId } from '../../../shared/protocol/ids'
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { AppError } from '../../../shared/protocol/envelope'
import { meetingDetailLine, sessionLine } from '../../../shared/hall/meeting-details'
import { emptyMeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { Meeting } from '../../../shared/protocol/meeting.schema'
import type { MeetingListEntry } from '../../../shared/protocol/views'
import { ConfirmButton } from '../../common/ConfirmButton'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import { RowActions, RowButton } from '../components/RowActions'
import type { ConsoleApi } from '../use-console'
import { MeetingDialog } from './MeetingDialog'
import type { MeetingAbout } from './MeetingDialog'

/** Last year's meeting becomes this year's: the first 20xx in the title moves on by one. */
export function nextYearTitle(title: string): string | null {
  const match = /20\d\d/.exec(title)
  if (!match) return null
  return title.replace(match[0], String(Number(match[0]) + 1))
}

type Asking =
  | { action: 'create' }
  /** The open meeting: its title, details and rehearsal flag. */
  | { action: 'edit' }
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

  const initial = (a: Asking): MeetingAbout => {
    const blank = { title: '', details: { ...emptyMeetingDetails }, rehearsal: false }
    if (a.action === 'create') return blank
    if (a.action === 'edit')
      return state?.meeting
        ? {
            title: state.meeting.title,
            details: state.meeting.details,
            rehearsal: state.meeting.rehearsal,
          }
        : blank
    if (a.action === 'rename') return { ...blank, title: a.meeting.title }
    const title =
      nextYearTitle(a.meeting.title) ?? t('prep.meeting.copyOf', { title: a.meeting.title })
    return { ...blank, title }
  }
  const save = async (a: Asking, about: MeetingAbout): Promise<AppError | null> => {
    const { title, details, rehearsal } = about
    const result =
      a.action === 'create'
        ? await api.call('meeting:create', { title, details, rehearsal })
        : a.action === 'edit'
          ? await api.call('meeting:update', {
              meetingId: state?.meeting?.id ?? ('' as MeetingId),
              title,
              details,
              rehearsal,
            })
          : a.action === 'rename'
            ? await api.call('meeting:rename', { meetingId: a.meeting.id, title })
            : // The copy keeps the session, venue and presiding officer (the host's default).
              await api.call('meeting:duplicate', { meetingId: a.meeting.id, title, rehearsal })
    if (result.ok) setAsking(null)
    return result.ok ? null : result.error
  }
  // Once a vote has opened, whether the meeting is a rehearsal is settled (the host refuses).
  const rehearsalLocked = state?.votes.some((v) => v.status !== 'draft') ?? false

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
              <Group gap="xs">
                <Text fw={700} size="xl" data-testid="current-meeting-title">
                  {state.meeting.title}
                </Text>
                {state.meeting.rehearsal && <RehearsalBadge />}
              </Group>
              <MeetingDetailsLines meeting={state.meeting} />
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
              onClick={() => setAsking({ action: 'edit' })}
              data-testid="edit-meeting"
            >
              {t('hall.details.edit')}
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
                    {m.rehearsal && <RehearsalBadge />}
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
        <MeetingDialog
          key={asking.action + ('meeting' in asking ? asking.meeting.id : '')}
          title={
            asking.action === 'create'
              ? t('prep.meeting.create')
              : asking.action === 'edit'
                ? t('hall.details.edit')
                : asking.action === 'rename'
                  ? t('prep.meeting.rename')
                  : t('prep.meeting.duplicateOf', { title: asking.meeting.title })
          }
          hint={asking.action === 'duplicate' ? t('prep.meeting.duplicateHint') : null}
          initial={initial(asking)}
          withDetails={asking.action === 'create' || asking.action === 'edit'}
          withRehearsal={asking.action !== 'rename'}
          rehearsalLocked={asking.action === 'edit' && rehearsalLocked}
          onClose={() => setAsking(null)}
          onSave={(about) => save(asking, about)}
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

function RehearsalBadge() {
  const { t } = useI18n()
  return (
    <Badge color="red.9" data-testid="rehearsal-badge">
      {t('hall.rehearsal')}
    </Badge>
  )
}

/** The open meeting's session and its date, venue and presiding officer, as given. */
function MeetingDetailsLines({ meeting }: { meeting: Meeting }) {
  const { t, lang } = useI18n()
  const session = sessionLine(meeting.title, meeting.details)
  const line = meetingDetailLine(meeting.details, lang)
  return (
    <Stack gap={0} data-testid="current-meeting-details">
      {session && <Text>{session}</Text>}
      {line && <Text>{line}</Text>}
      {!session && !line && (
        <Text size="sm" c="gray.7">
          {t('hall.details.none')}
        </Text>
      )}
    </Stack>
  )
}
