import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import type { DutyDeputyPage } from '../../../shared/duty/duty-view'
import type { AppError, Result } from '../../../shared/protocol/envelope'
import { useI18n } from '../../common/i18n'
import { StaffTable } from '../components/StaffTable'
import type { ConsoleApi } from '../use-console'
import { CandidateLine } from './DutyReview'
import { MatchBadge, rateText } from './DutyTable'

/**
 * One deputy's record: every meeting counted (attended, how and when they checked in, leave and
 * its reason, absent), how the meetings were matched, and what staff may do about it.
 */
export function DeputyPage({
  api,
  personKey,
  onChanged,
  onBack,
  onOpen,
}: {
  api: ConsoleApi
  personKey: string
  onChanged: () => Promise<void>
  onBack: () => void
  onOpen: (key: string) => void
}) {
  const { t, errorText } = useI18n()
  const [page, setPage] = useState<DutyDeputyPage | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const { call } = api
  const take = useCallback((result: Result<DutyDeputyPage>) => {
    if (result.ok) setPage(result.data)
    else setError(result.error)
  }, [])
  const load = useCallback(
    async () => take(await call('duty:deputy', { key: personKey })),
    [call, personKey, take],
  )
  useEffect(() => {
    let live = true
    void call('duty:deputy', { key: personKey }).then((result) => {
      if (live) take(result)
    })
    return () => {
      live = false
    }
  }, [call, personKey, take])
  /**
   * After a decision the page is asked again; one that took out the deputy's first meeting has
   * made this record another's (it is known by its first meeting): back to the list, then.
   */
  const decided = async (request: Promise<boolean>, firstTakenOut: boolean) => {
    if (!(await request)) return
    await onChanged()
    if (firstTakenOut) onBack()
    else await load()
  }
  const none = t('duty.none.short')
  return (
    <Stack data-testid="duty-deputy">
      <Group>
        <Button variant="subtle" onClick={onBack} data-testid="duty-back">
          {t('duty.back')}
        </Button>
      </Group>
      {error && <Alert color="red">{errorText(error)}</Alert>}
      {page && (
        <>
          <Group align="baseline">
            <Title order={2}>{page.person.name}</Title>
            <Text size="lg">
              {page.person.number || t('duty.noNumber')} · {page.person.delegations.join(' → ')}
            </Text>
            <MatchBadge row={page.person} />
          </Group>
          <Text fw={600} data-testid="duty-deputy-summary">
            {t('duty.page.summary', {
              present: page.person.present,
              leave: page.person.leave,
              absent: page.person.absent,
              rate: rateText(page.person),
            })}
            {page.person.points !== null &&
              ` · ${t('duty.page.points', { points: page.person.points })}`}
          </Text>
          <Text size="sm">
            {t(`duty.page.basis.${page.person.basis}`)}
            {page.person.changed && ` ${t('duty.page.changed')}`}
          </Text>
          <StaffTable
            empty={false}
            emptyText=""
            testId="duty-records"
            headers={
              <>
                <Table.Th>{t('duty.page.col.meeting')}</Table.Th>
                <Table.Th>{t('duty.page.col.date')}</Table.Th>
                <Table.Th>{t('duty.page.col.state')}</Table.Th>
                <Table.Th>{t('duty.page.col.how')}</Table.Th>
                <Table.Th>{t('duty.page.col.at')}</Table.Th>
                <Table.Th>{t('duty.page.col.reason')}</Table.Th>
                {page.pointsRule && <Table.Th>{t('duty.col.points')}</Table.Th>}
                <Table.Th>{t('duty.page.col.as')}</Table.Th>
                {page.records.length > 1 && <Table.Th />}
              </>
            }
          >
            {page.records.map((r) => (
              <Table.Tr key={`${r.ref.meetingId}/${r.ref.deputyId}`} data-testid="duty-record">
                <Table.Td fw={600}>{r.meetingTitle}</Table.Td>
                <Table.Td>{r.date}</Table.Td>
                <Table.Td>{t(`duty.state.${r.state}`)}</Table.Td>
                <Table.Td>
                  {r.state === 'present' ? t(`duty.how.${r.how ?? 'unknown'}`) : none}
                </Table.Td>
                <Table.Td>{r.at || none}</Table.Td>
                <Table.Td>{r.reason || none}</Table.Td>
                {page.pointsRule && <Table.Td>{r.points}</Table.Td>}
                <Table.Td>
                  {r.name} · {r.delegation}
                  {r.number ? ` · ${r.number}` : ''}
                </Table.Td>
                {page.records.length > 1 && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() =>
                        void decided(
                          api.send('duty:separate', { entry: r.ref }),
                          r === page.records[0],
                        )
                      }
                    >
                      {t('duty.review.separate')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </StaffTable>
          {page.person.needsConfirm && (
            <Group>
              <Button
                onClick={() =>
                  void decided(
                    api.send('duty:confirm', { persons: [page.records.map((r) => r.ref)] }),
                    false,
                  )
                }
              >
                {t('duty.review.confirmOne')}
              </Button>
            </Group>
          )}
          {page.records.length === 1 && page.candidates.length > 0 && (
            <Card withBorder>
              <Title order={4}>{t('duty.page.candidates')}</Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('duty.page.candidates.hint')}
              </Text>
              {page.candidates.map((c) => (
                <CandidateLine
                  key={c.key}
                  candidate={c}
                  label={t('duty.page.join')}
                  onJoin={() => {
                    const entry = page.records[0]!.ref
                    void api.send('duty:join', { entry, to: c.to }).then(async (ok) => {
                      if (!ok) return
                      await onChanged()
                      onOpen(c.key)
                    })
                  }}
                />
              ))}
            </Card>
          )}
          <Text size="sm" c="dimmed">
            {t('duty.yearEvents')}
          </Text>
        </>
      )}
    </Stack>
  )
}
