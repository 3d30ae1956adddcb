import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { DutyView } from '../../../shared/duty/duty-view'
import { useI18n } from '../../common/i18n'
import { staffHref } from '../staff-api'
import type { ConsoleApi } from '../use-console'
import { DeputyPage } from './DeputyPage'
import { DutyReview } from './DutyReview'
import { DutyTable } from './DutyTable'
import { PointsRulePanel } from './PointsRulePanel'
import { useDuty } from './use-duty'

/**
 * 代表履职: each deputy's attendance across the data folder's meetings, filterable by delegation
 * and sortable by attendance; one deputy's page; the matches staff should check; the points
 * rule; the export for the office's duty system. Attendance only, never a vote.
 */
export function DutySection({ api }: { api: ConsoleApi }) {
  const { t, errorText } = useI18n()
  const { view, error, reload } = useDuty(api)
  const [openKey, setOpenKey] = useState<string | null>(null)
  if (error) return <Alert color="red">{errorText(error)}</Alert>
  if (!view) return null
  if (openKey)
    return (
      <DeputyPage
        api={api}
        personKey={openKey}
        onChanged={reload}
        onBack={() => setOpenKey(null)}
        onOpen={setOpenKey}
      />
    )
  const counted = view.meetings.filter((m) => m.status === 'included')
  return (
    <Stack data-testid="duty-section">
      <Title order={2}>{t('duty.title')}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('duty.intro')}
      </Text>
      <Meetings view={view} />
      <PointsRulePanel api={api} rule={view.pointsRule} onChanged={reload} />
      <DutyReview api={api} review={view.review} onChanged={reload} />
      {counted.length === 0 ? (
        <Text c="dimmed">{t('duty.none')}</Text>
      ) : (
        <>
          <Exports view={view} token={api.token} />
          <DutyTable view={view} onOpen={setOpenKey} />
        </>
      )}
    </Stack>
  )
}

function Meetings({ view }: { view: DutyView }) {
  const { t } = useI18n()
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('duty.meetings')}
      </Title>
      <List size="sm" spacing={2} data-testid="duty-meetings">
        {view.meetings.map((m) => (
          <List.Item key={m.meetingId} data-status={m.status}>
            <Text span fw={600}>
              {t('duty.meeting.line', { date: m.date, title: m.title })}
            </Text>
            {'　'}
            <Text span c={m.status === 'included' ? undefined : 'dimmed'}>
              {t(`duty.status.${m.status}`, {
                n: m.deputies,
                present: m.present,
                leave: m.leave,
                absent: m.absent,
              })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  )
}

/** XLSX, and each CSV in UTF-8 or GBK; GBK is offered only when every character has a code. */
function Exports({ view, token }: { view: DutyView; token: string }) {
  const { t } = useI18n()
  const gbkOk = view.gbk.total === 0
  const link = (path: string, label: string, testId: string, gbk = false) => (
    <Button
      component="a"
      variant={path.endsWith('.xlsx') ? 'filled' : 'default'}
      href={staffHref(path, token, gbk ? { encoding: 'gbk' } : {})}
      download
      data-testid={testId}
    >
      {label}
    </Button>
  )
  return (
    <Stack gap="xs">
      <Group>
        {link('/api/duty/record.xlsx', t('duty.export.xlsx'), 'duty-export-xlsx')}
        {link('/api/duty/record.csv', t('duty.export.csv'), 'duty-export-csv')}
        {gbkOk && link('/api/duty/record.csv', t('duty.export.csvGbk'), 'duty-export-gbk', true)}
        {link('/api/duty/summary.csv', t('duty.export.summaryCsv'), 'duty-export-summary')}
        {gbkOk &&
          link('/api/duty/summary.csv', t('duty.export.summaryCsvGbk'), 'duty-summary-gbk', true)}
      </Group>
      <Text size="sm" c="dimmed">
        {t('duty.export.hint')}
      </Text>
      {!gbkOk && (
        <Alert
          color="orange"
          title={t('duty.gbk.title', { n: view.gbk.total })}
          data-testid="duty-gbk"
        >
          <List size="sm">
            {view.gbk.problems.map((p, i) => (
              <List.Item key={i}>{t('duty.gbk.problem', { ...p })}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('duty.gbk.hint')}
          </Text>
        </Alert>
      )}
    </Stack>
  )
}
