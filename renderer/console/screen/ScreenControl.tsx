import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { ScreenClientEvents, ScreenServerEvents } from '../../../shared/protocol/events'
import { namespaces } from '../../../shared/protocol/events'
import { screenStageProblem } from '../../../shared/protocol/screen.schema'
import type { ConsoleVoteView, ScreenStage } from '../../../shared/protocol/views'
import { screenStages, screenVoteStages } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { connectNamespace } from '../../common/socket'
import type { Send } from '../use-console'
import type { VoteId } from '../../../shared/protocol/ids'

type ScreenSocket = Socket<ScreenServerEvents, ScreenClientEvents>

/** The order staff step through in a session. */
const order: readonly ScreenStage[] = [
  'blank',
  'welcome',
  'checkin',
  'seats',
  'progress',
  'rules',
  'voting',
  'results',
  'final',
]

/**
 * What the projector shows: one button per stage; vote stages show the vote in hand in the
 * hall (hall-vote.ts), so the projector never shows another vote than the one staff run.
 */
export function ScreenControl({ vote, send }: { vote: ConsoleVoteView | null; send: Send }) {
  const { t } = useI18n()
  // The screen namespace is public and read-only: it tells us what the hall sees right now.
  const [showing, setShowing] = useState<{
    stage: ScreenStage
    vote: { id: VoteId; title: string } | null
  } | null>(null)
  useEffect(() => {
    const socket = connectNamespace<ScreenSocket>(namespaces.screen, {})
    socket.on('screen:state', (s) =>
      setShowing({ stage: s.stage, vote: s.vote ? { id: s.vote.id, title: s.vote.title } : null }),
    )
    return () => {
      socket.disconnect()
    }
  }, [])
  const voteId = vote?.id ?? null

  return (
    <Card withBorder data-testid="screen-control">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('screen.control.title')}</Title>
          {showing && (
            <Text c="dimmed" data-testid="screen-showing">
              {showing.vote && screenVoteStages.includes(showing.stage)
                ? t('screen.control.nowVote', {
                    stage: t(`screen.stage.${showing.stage}`),
                    title: showing.vote.title,
                  })
                : t('screen.control.now', { stage: t(`screen.stage.${showing.stage}`) })}
            </Text>
          )}
        </Group>
        <Text fw={600} data-testid="screen-control-vote">
          {vote ? t('screen.control.follows', { title: vote.title }) : t('screen.control.noVote')}
        </Text>
        <Group gap="xs">
          {order
            .filter((s) => screenStages.includes(s))
            .map((stage) => {
              const needsVote = screenVoteStages.includes(stage)
              const blocked = needsVote && (!vote || screenStageProblem(stage, vote) !== null)
              const active = showing?.stage === stage && (!needsVote || showing.vote?.id === voteId)
              return (
                <Button
                  key={stage}
                  size="md"
                  variant={active ? 'filled' : 'default'}
                  disabled={blocked}
                  data-testid={`screen-show-${stage}`}
                  onClick={() =>
                    void send('screen:show', needsVote ? { stage, voteId: vote?.id } : { stage })
                  }
                >
                  {t(`screen.stage.${stage}`)}
                </Button>
              )
            })}
        </Group>
      </Stack>
    </Card>
  )
}
