import { Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import type { ConsoleState, ConsoleVoteView } from '../../../shared/protocol/views'
import { summarizeRules } from '../../../shared/rules'
import { ConfirmButton } from '../../common/ConfirmButton'
import { useI18n } from '../../common/i18n'
import type { Send } from '../use-console'
import { ResultTable } from './ResultTable'
import { statusColor } from '../vote-status'
import { ArchiveLinks } from './ArchiveLinks'

export function AgendaPanel({
  state,
  send,
  token,
}: {
  state: ConsoleState
  send: Send
  token: string
}) {
  const { t } = useI18n()
  const anyOpen = state.votes.some((v) => v.status === 'open')

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md">
        <Title order={4}>{t('console.agenda')}</Title>
      </Group>
      {state.votes.length === 0 && <Text c="dimmed">{t('prep.hall.noVotes')}</Text>}
      <Stack>
        {state.votes.map((vote) => (
          <VoteRow
            key={vote.id}
            vote={vote}
            state={state}
            send={send}
            anyOpen={anyOpen}
            token={token}
          />
        ))}
      </Stack>
    </Paper>
  )
}

function VoteRow({
  vote,
  state,
  send,
  anyOpen,
  token,
}: {
  vote: ConsoleVoteView
  state: ConsoleState
  send: Send
  anyOpen: boolean
  token: string
}) {
  const { t, lang } = useI18n()
  const summary = summarizeRules(vote.rules, vote.candidates.length, state.attendance, lang)
  const turnout = vote.turnout
  return (
    <Paper withBorder p="md" data-testid={`vote-${vote.id}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group>
            <Text fw={700} size="lg">
              {vote.title}
            </Text>
            <Badge variant="light">{t(`kind.${vote.rules.kind}`)}</Badge>
            <Badge color={statusColor[vote.status]} data-testid="vote-status">
              {t(`status.${vote.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
        </Stack>
        <Group>
          {vote.status === 'draft' && (
            <Button
              color="green"
              disabled={anyOpen}
              onClick={() => void send('vote:open', { voteId: vote.id })}
            >
              {t('console.open')}
            </Button>
          )}
          {vote.status === 'open' && (
            <ConfirmButton
              label={t('console.close')}
              confirm={t('console.close.confirm', { title: vote.title })}
              onConfirm={() => void send('vote:close', { voteId: vote.id })}
            />
          )}
          {vote.status === 'closed' && (
            <Button onClick={() => void send('vote:publish', { voteId: vote.id })}>
              {t('console.publish')}
            </Button>
          )}
        </Group>
      </Group>
      {turnout && (
        <Stack gap={4} mt="sm">
          <Text data-testid="turnout">
            {t('console.turnout', { cast: turnout.cast, issued: turnout.issued })}
          </Text>
          <Progress value={turnout.issued ? (100 * turnout.cast) / turnout.issued : 0} size="lg" />
        </Stack>
      )}
      {vote.result && (vote.status === 'closed' || vote.status === 'published') && (
        <ResultTable vote={vote} result={vote.result} />
      )}
      {(vote.status === 'closed' || vote.status === 'published') && (
        <Group mt="sm" gap="xs">
          <Text size="sm" c="dimmed">
            {t('console.archive')}
          </Text>
          <ArchiveLinks voteId={vote.id} token={token} />
        </Group>
      )}
    </Paper>
  )
}
