import { Stack, Title } from '@mantine/core'
import { useI18n } from '../../common/i18n'
import { AgendaPanel } from '../components/AgendaPanel'
import { AttendancePanel } from '../components/AttendancePanel'
import { AuditPanel } from '../components/AuditPanel'
import { LiveSection } from '../live/LiveSection'
import { ScreenControl } from '../screen/ScreenControl'
import type { ConsoleApi } from '../use-console'

/**
 * 会场: running the meeting on the day. Attendance, then each vote of the agenda with open,
 * close, review and publish, then the audit log. The live-session tools (check-in by hand,
 * quorum, reminders, paper ballots) come from renderer/console/live/ and take their place here.
 */
export function HallSection({ api }: { api: ConsoleApi }) {
  const { t } = useI18n()
  const state = api.state
  if (!state) return null
  return (
    <Stack>
      <Title order={3}>{t('prep.nav.hall')}</Title>
      <AttendancePanel attendance={state.attendance} tabletsOnline={state.tabletsOnline} />
      <LiveSection />
      <ScreenControl state={state} send={api.send} />
      <AgendaPanel state={state} send={api.send} token={api.token} />
      <AuditPanel load={api.loadAudit} />
    </Stack>
  )
}
