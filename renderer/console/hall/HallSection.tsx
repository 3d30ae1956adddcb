import { Alert, Stack, Title } from '@mantine/core'
import { useI18n } from '../../common/i18n'
import { AuditPanel } from '../components/AuditPanel'
import { AnnouncementPanel } from '../live/AnnouncementPanel'
import { LiveSection } from '../live/LiveSection'
import { ScreenControl } from '../screen/ScreenControl'
import type { ConsoleApi } from '../use-console'
import { useHallVote } from './hall-vote'
import { SeatMapPanel } from './SeatMapPanel'

/**
 * 会场: running the meeting on the day. Attendance, check-in and the quorum; the vote in hand
 * (open, turnout, remind, paper entry, close, review with the full result, publish, annul,
 * run-off, its archive) and, once published, the chair's announcement; the seat map (who is here, who has not voted); what the projector
 * shows, for the same vote; then the audit log.
 */
export function HallSection({ api }: { api: ConsoleApi }) {
  const { t } = useI18n()
  const state = api.state
  // One vote in hand for the live panel and the projector control alike.
  const { vote, select } = useHallVote(state)
  if (!state) return null
  return (
    <Stack>
      <Title order={3}>{t('prep.nav.hall')}</Title>
      {state.meeting && state.meeting.scrutineers.approvedAt === null && (
        <Alert color="yellow" data-testid="scrutineers-not-approved">
          {t('office.scrutineers.notApprovedWarning')}
        </Alert>
      )}
      <LiveSection api={api} vote={vote} select={select} />
      <AnnouncementPanel vote={vote} quorum={state.attendance.quorum} token={api.token} />
      <SeatMapPanel roster={api.roster} state={state} />
      <ScreenControl vote={vote} send={api.send} />
      <AuditPanel load={api.loadAudit} />
    </Stack>
  )
}
