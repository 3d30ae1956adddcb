import { Stack, Title } from '@mantine/core'
import { useI18n } from '../../common/i18n'
import { AuditPanel } from '../components/AuditPanel'
import { LiveSection } from '../live/LiveSection'
import { ScreenControl } from '../screen/ScreenControl'
import type { ConsoleApi } from '../use-console'

/**
 * 会场: running the meeting on the day. Attendance, check-in and the quorum; the vote in hand
 * (open, turnout, remind, paper entry, close, review with the full result, publish, annul,
 * run-off, its archive); what the projector shows; then the audit log.
 */
export function HallSection({ api }: { api: ConsoleApi }) {
  const { t } = useI18n()
  const state = api.state
  if (!state) return null
  return (
    <Stack>
      <Title order={3}>{t('prep.nav.hall')}</Title>
      <LiveSection api={api} />
      <ScreenControl state={state} send={api.send} />
      <AuditPanel load={api.loadAudit} />
    </Stack>
  )
}
