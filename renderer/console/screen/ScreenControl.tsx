import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { ScreenClientEvents, ScreenServerEvents } from '../../../shared/protocol/events'
import { namespaces } from '../../../shared/protocol/events'
import { screenStageProblem } from '../../../shared/protocol/screen.schema'
import type { ConsoleState, ScreenStage } from '../../../shared/protocol/views'
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
  'rules',
  'voting',
  'results',
  'final',
]

/** What the projector shows: one button per stage; vote stages use the chosen vote. */
export function ScreenControl({ state, send }: { state: ConsoleState; send: Send }) {
  const { t } = useI18n()
  // The screen namespace is public and read-only: it tells us what the hall sees right now.
  const [showing, setShowing] = useState<{ stage: ScreenStage; voteId: VoteId | null } | null>(null)
  useEffect(() => {
    const socket = connectNamespace<ScreenSocket>(namespaces.screen, {})
    socket.on('screen:state', (s) => setShowing({ stage: s.stage, voteId: s.vote?.id ?? null }))
    return () => {
      socket.disconnect()
    }
  }, [])
  const [picked, setPicked] = useState<string | null>(null)
  const fallback = showing?.voteId ?? state.votes.findLast((v) => v.status !== 'draft')?.id ?? null
  const voteId = picked ?? fallback
  const vote = state.votes.find((v) => v.id === voteId) ?? null

  return (
    <Card withBorder data-testid="screen-control">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('screen.control.title')}</Title>
          {showing && (
            <Text c="dimmed" data-testid="screen-showing">
              {t('screen.control.now', { stage: t(`screen.stage.${showing.stage}`) })}
            </Text>
          )}
        </Group>
        <Select
          label={t('screen.control.vote')}
          placeholder={t('screen.control.pickVote')}
          data={state.votes.map((v) => ({
            value: v.id,
            label: `${v.title}（${t(`status.${v.status}`)}）`,
          }))}
          value={voteId}
          onChange={setPicked}
          allowDeselect={false}
        />
        <Group gap="xs">
          {order
            .filter((s) => screenStages.includes(s))
            .map((stage) => {
              const needsVote = screenVoteStages.includes(stage)
              const blocked = needsVote && (!vote || screenStageProblem(stage, vote) !== null)
              const active = showing?.stage === stage && (!needsVote || showing.voteId === voteId)
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
