import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useMemo } from 'react'
import type {
  ConsoleDeputyView,
  ConsoleState,
  ConsoleVoteView,
} from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { statusInk } from '../../common/theme'
import { LiveCountdown } from './LiveCountdown'
import { PaperEntry } from './PaperEntry'
import { PaperCountPanel, PaperStart } from './paper/PaperCountPanel'
import type { LiveSend } from './use-live'
import { VoteActions } from './VoteActions'
import { ArchiveLinks } from '../components/ArchiveLinks'
import { ResultTable } from '../components/ResultTable'
import { statusColor } from '../vote-status'

/** The vote in hand: its turnout while open (never how anyone voted), then its result. */
export function LiveVotePanel({
  state,
  roster,
  vote,
  select,
  send,
  onNotice,
  token,
}: {
  /** For the archive's download links. */
  token: string
  state: ConsoleState
  /** Names for the ids of those who have not voted. */
  roster: ConsoleDeputyView[]
  vote: ConsoleVoteView | null
  select: (voteId: string) => void
  send: LiveSend
  onNotice: (text: string) => void
}) {
  const { t } = useI18n()
  const live = vote && state.live?.voteId === vote.id ? state.live : null
  const byId = useMemo(() => new Map(roster.map((d) => [d.id, d])), [roster])
  const notVoted = useMemo(
    () => (live?.notVotedIds ?? []).flatMap((id) => byId.get(id) ?? []),
    [live, byId],
  )
  const turnout = vote?.turnout ?? null
  const remind = async () => {
    if (!vote) return
    const result = await send('vote:remind', { voteId: vote.id })
    if (result.ok) onNotice(t('live.reminded', { n: result.data.reminded }))
  }

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('live.vote')}</Title>
        <NativeSelect
          aria-label={t('live.votePicker')}
          value={vote?.id ?? ''}
          onChange={(e) => select(e.currentTarget.value)}
          data={state.votes.map((v) => ({
            value: v.id,
            label: `${v.title}（${t(`status.${v.status}`)}）`,
          }))}
          data-testid="live-vote-select"
          miw={320}
        />
      </Group>
      {!vote && <Text c="dimmed">{t('live.noVote')}</Text>}
      {vote && (
        <Stack gap="sm">
          <Group>
            <Text fw={700} fz="lg">
              {vote.title}
            </Text>
            <Badge color={statusColor[vote.status]} data-testid="live-vote-status">
              {t(`status.${vote.status}`)}
            </Badge>
            {vote.status === 'open' && vote.deadline && (
              <LiveCountdown deadline={vote.deadline} timeUp={vote.timeUp === true} />
            )}
          </Group>
          {vote.quorumOverride && (
            <Text size="sm" c={statusInk.warn}>
              {t('live.overridden', { reason: vote.quorumOverride })}
            </Text>
          )}
          {vote.boxDamage && !vote.boxDamage.acknowledgedAt && (
            <Alert
              color="red"
              title={t('console.alert.ballot-box-damaged')}
              data-testid="live-box-damaged"
            >
              <Stack gap="xs" align="flex-start">
                <Text>
                  {t('live.boxDamaged', {
                    detail: vote.boxDamage.detail,
                    cast: vote.turnout?.cast ?? 0,
                  })}
                </Text>
                <Button
                  color="red"
                  onClick={() => void send('vote:acknowledge-box', { voteId: vote.id })}
                  data-testid="live-box-acknowledge"
                >
                  {t('live.boxAcknowledge')}
                </Button>
              </Stack>
            </Alert>
          )}
          {vote.boxDamage?.acknowledgedAt && (
            <Text size="sm" c="red.8">
              {t('live.boxAcknowledged', {
                at: new Date(vote.boxDamage.acknowledgedAt).toLocaleString(),
                detail: vote.boxDamage.detail,
              })}
            </Text>
          )}
          {vote.status === 'annulled' && (
            <Alert color="red" data-testid="live-annulled">
              {t('live.annulled', { reason: vote.annulReason ?? '' })}
            </Alert>
          )}
          <VoteActions vote={vote} state={state} send={send} onRunoff={select} />
          {turnout && vote.status === 'open' && (
            <Stack gap={4}>
              <Text fz="xl" fw={700} data-testid="live-turnout">
                {t('live.turnout', {
                  cast: turnout.cast,
                  notCast: turnout.issued - turnout.cast,
                  issued: turnout.issued,
                })}
              </Text>
              <Progress
                size="xl"
                value={turnout.issued ? (100 * turnout.cast) / turnout.issued : 0}
                aria-label={t('live.turnoutBar')}
              />
            </Stack>
          )}
          {live && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Stack gap="xs">
                <Text fw={600}>{t(vote.paper ? 'paper.byDelegation' : 'live.byDelegation')}</Text>
                <Table striped verticalSpacing={2} data-testid="live-by-delegation">
                  <Table.Tbody>
                    {live.byDelegation.map((row) => (
                      <Table.Tr key={row.delegation}>
                        <Table.Td>{row.delegation}</Table.Td>
                        <Table.Td ta="right">
                          {row.cast} / {row.issued}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>
                    {t(vote.paper ? 'paper.notOnTablet' : 'live.notVoted', { n: notVoted.length })}
                  </Text>
                  <Button
                    size="xs"
                    disabled={notVoted.length === 0 || vote.paper !== null}
                    onClick={() => void remind()}
                    data-shortcut="remind"
                    data-testid="live-remind"
                  >
                    {t('live.remind')}
                  </Button>
                </Group>
                {/* Scrolls by keyboard too: a long list is reached with Tab, then the arrows. */}
                <ScrollArea.Autosize
                  mah={260}
                  viewportProps={{
                    tabIndex: 0,
                    'aria-label': t('live.notVoted', { n: notVoted.length }),
                  }}
                >
                  <Table verticalSpacing={2} data-testid="live-not-voted">
                    <Table.Tbody>
                      {notVoted.map((d) => (
                        <Table.Tr key={d.id}>
                          <Table.Td>{d.name}</Table.Td>
                          <Table.Td>{d.delegation}</Table.Td>
                          <Table.Td>{d.seat}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              </Stack>
            </SimpleGrid>
          )}
          {live && vote.status === 'open' && !vote.paper && (
            <Group align="flex-start">
              <PaperEntry key={vote.id} vote={vote} notVoted={notVoted} send={send} />
              <PaperStart vote={vote} send={send} />
            </Group>
          )}
          {vote.status === 'open' && vote.paper && (
            <PaperCountPanel
              key={vote.id}
              vote={vote}
              state={state}
              send={send}
              onNotice={onNotice}
            />
          )}
          {vote.result && vote.status !== 'open' && (
            <>
              <ResultSummary vote={vote} />
              <ResultTable vote={vote} result={vote.result} />
            </>
          )}
          {(vote.status === 'closed' ||
            vote.status === 'published' ||
            vote.status === 'annulled') && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('console.archive')}
              </Text>
              <ArchiveLinks vote={vote} token={token} />
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  )
}

/** What staff check before publishing, above the full table. */
function ResultSummary({ vote }: { vote: ConsoleVoteView }) {
  const { t } = useI18n()
  const r = vote.result
  if (!r) return null
  const title = new Map(vote.candidates.map((c) => [c.id, c.title]))
  const perItem = r.kind === 'per-item'
  const c = r.counts
  return (
    <Stack gap={4} data-testid="live-result">
      <Text>
        {t('live.resultCounts', {
          issued: c.issued,
          cast: c.cast,
          valid: c.valid,
          invalid: c.invalid,
          needed: r.needed,
        })}
      </Text>
      {r.void && <Alert color="red">{r.void}</Alert>}
      {r.elected.length > 0 && (
        <Text>
          {t(perItem ? 'live.passedItems' : 'live.elected', {
            list: r.elected.map((id) => title.get(id) ?? id).join('、'),
          })}
        </Text>
      )}
      {r.tie && (
        <Alert color="orange" data-testid="live-tie">
          {t(perItem ? 'live.tie.per-item' : 'live.tie', {
            list: r.tie.candidates.map((id) => title.get(id) ?? id).join('、'),
            seats: r.tie.seatsLeft,
          })}
        </Alert>
      )}
      {/* 逐项's seats are a cap: fewer passing is news only when the rest are voted on again. */}
      {r.shortfall && (!perItem || vote.rules.shortfallPolicy === 'runoff-remaining') && (
        <Alert color="orange">
          {t(perItem ? 'live.shortfall.per-item' : 'live.shortfall', {
            seats: r.shortfall.seatsLeft,
          })}
        </Alert>
      )}
    </Stack>
  )
}
