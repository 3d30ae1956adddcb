import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useMemo, useState } from 'react'
import type { AttendanceState } from '../../../shared/protocol/attendance.schema'
import type { ConsoleDeputyView } from '../../../shared/protocol/views'
import { ConfirmButton } from '../../common/ConfirmButton'
import { useI18n } from '../../common/i18n'
import { LeaveButton } from './LeaveButton'
import type { LiveSend } from './use-live'
import type { DeputyId } from '../../../shared/protocol/ids'

const stateColor: Record<AttendanceState, string> = {
  present: 'green',
  absent: 'gray',
  leave: 'yellow',
}

/** At most this many matches are listed: staff narrow the search rather than scroll. */
const maxRows = 12

/**
 * 报到 by staff: search by name, seat or delegation; a whole delegation at once; 请假. Deputies on
 * leave whose card was opened on a tablet are listed first, each confirmed with one click.
 */
export function CheckInPanel({
  roster,
  leaveCardsOpened,
  send,
  voteOpen,
  searchRef,
}: {
  roster: ConsoleDeputyView[]
  /** Ids of deputies on leave who opened their card, in that order (ConsoleState). */
  leaveCardsOpened: DeputyId[]
  send: LiveSend
  voteOpen: boolean
  searchRef: React.RefObject<HTMLInputElement | null>
}) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const delegations = useMemo(() => [...new Set(roster.map((d) => d.delegation))], [roster])
  const [delegation, setDelegation] = useState('')
  const chosenDelegation = delegation || delegations[0] || ''
  const q = query.trim()
  const matches = q
    ? roster.filter((d) => d.name.includes(q) || d.seat.includes(q) || d.delegation.includes(q))
    : []

  const set = (deputyIds: DeputyId[], state: AttendanceState, via?: 'paper') =>
    void send('attendance:set', { deputyIds, state, ...(via ? { via } : {}) })
  const confirm = (deputyId: DeputyId) => void send('attendance:confirm', { deputyId })
  const opened = new Set(leaveCardsOpened)
  const byId = useMemo(() => new Map(roster.map((d) => [d.id, d])), [roster])
  const awaiting = leaveCardsOpened.flatMap((id) => byId.get(id) ?? [])

  const waiting = roster.filter(
    (d) => d.delegation === chosenDelegation && d.attendance === 'absent',
  )

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('live.checkIn')}
      </Title>
      <Stack gap="sm">
        {awaiting.length > 0 && (
          <Alert color="yellow" title={t('live.leaveOpened.title')} data-testid="leave-opened">
            <Stack gap={4}>
              <Text size="sm">{t('live.leaveOpened.hint')}</Text>
              {awaiting.map((d) => (
                <Group key={d.id} gap="sm" data-testid={`leave-opened-${d.id}`}>
                  <Text fw={600}>{d.name}</Text>
                  <Text>{d.delegation}</Text>
                  <Text>{d.seat}</Text>
                  <Badge color="yellow">{t('live.state.leaveOpened')}</Badge>
                  <Button size="xs" onClick={() => confirm(d.id)}>
                    {t('live.confirmCheckIn')}
                  </Button>
                </Group>
              ))}
            </Stack>
          </Alert>
        )}
        <Group align="flex-end">
          <TextInput
            ref={searchRef}
            flex={1}
            label={t('live.search')}
            placeholder={t('live.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            data-testid="checkin-search"
          />
          <NativeSelect
            label={t('live.delegation')}
            value={chosenDelegation}
            data={delegations}
            onChange={(e) => setDelegation(e.currentTarget.value)}
            data-testid="checkin-delegation"
          />
          <Button
            disabled={!chosenDelegation || waiting.length === 0}
            onClick={() =>
              void send('attendance:set', { delegation: chosenDelegation, state: 'present' })
            }
            data-testid="checkin-delegation-all"
          >
            {t('live.checkInDelegation', { n: waiting.length })}
          </Button>
        </Group>
        {q && matches.length === 0 && <Text c="dimmed">{t('live.noMatch')}</Text>}
        {matches.length > 0 && (
          <Table striped verticalSpacing={4}>
            <Table.Tbody>
              {matches.slice(0, maxRows).map((d) => (
                <Table.Tr key={d.id} data-testid={`checkin-row-${d.id}`}>
                  <Table.Td fw={600}>{d.name}</Table.Td>
                  <Table.Td>{d.delegation}</Table.Td>
                  <Table.Td>{d.seat}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[d.attendance]}>
                      {opened.has(d.id)
                        ? t('live.state.leaveOpened')
                        : t(`live.state.${d.attendance}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      {opened.has(d.id) ? (
                        <Button size="xs" onClick={() => confirm(d.id)}>
                          {t('live.confirmCheckIn')}
                        </Button>
                      ) : (
                        d.attendance !== 'present' && (
                          <>
                            <Button size="xs" onClick={() => set([d.id], 'present')}>
                              {t('live.doCheckIn')}
                            </Button>
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => set([d.id], 'present', 'paper')}
                            >
                              {t('live.paperCheckIn')}
                            </Button>
                          </>
                        )
                      )}
                      {d.attendance === 'present' && !voteOpen && (
                        <ConfirmButton
                          size="xs"
                          variant="default"
                          color="red"
                          label={t('live.undoCheckIn')}
                          confirm={t('live.undoCheckIn.confirm', { name: d.name })}
                          onConfirm={() => set([d.id], 'absent')}
                        />
                      )}
                      {d.attendance === 'absent' && (
                        <LeaveButton deputyId={d.id} name={d.name} send={send} />
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {matches.length > maxRows && (
          <Text size="sm" c="dimmed">
            {t('live.moreMatches', { n: matches.length - maxRows })}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
