import { Center, Group, List, Progress, Stack, Text, Title } from '@mantine/core'
import { summarizeRuleDetails, summarizeRules } from '../../../shared/rules'
import type { ScreenState, ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { countdown, turnoutPercent } from '../stage-data'
import { u, useHostNow } from '../use-screen'

/** The rules of the next vote, in the sentence the console shows staff (summarizeRules). */
export function RulesStage({ vote, state }: { vote: ScreenVoteView; state: ScreenState }) {
  const { t, lang } = useI18n()
  const counts = { roster: state.attendance.roster, present: state.attendance.present }
  const summary = summarizeRules(vote.rules, vote.candidates.length, counts, lang)
  const details = summarizeRuleDetails(vote.rules, lang)
  return (
    <Center style={{ flex: 1 }} data-testid="stage-rules">
      <Stack gap={u(3)} w="84%">
        <Group gap={u(2)} align="center">
          <Text
            fz={u(2.8)}
            fw={700}
            c="white"
            bg="red.7"
            px={u(2)}
            py={u(0.6)}
            lh={1.3}
            style={{ borderRadius: u(3) }}
          >
            {t(`kind.${vote.kind}`)}
          </Text>
          <Text fz={u(3)}>
            {vote.motion
              ? t('screen.rules.motion')
              : t(vote.kind === 'rating' ? 'screen.rules.rated' : 'screen.rules.candidates', {
                  n: vote.candidates.length,
                })}
          </Text>
        </Group>
        <Title order={1} fz={u(6)} lh={1.25}>
          {vote.title}
        </Title>
        {vote.motion && (
          <Text fz={u(3.6)} fw={600} lh={1.4} data-testid="rules-motion">
            {vote.motion.title}
            {vote.motion.docNumber && `（${vote.motion.docNumber}）`}
          </Text>
        )}
        <Text fz={u(4.4)} fw={600} lh={1.5} data-testid="rules-summary">
          {summary}
        </Text>
        <List spacing={u(1)} fz={u(3.2)} data-testid="rules-details">
          {details.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Stack>
    </Center>
  )
}

/** Turnout and time only: never an interim tally (the host does not even send one). */
export function VotingStage({ vote, offsetMs }: { vote: ScreenVoteView; offsetMs: number }) {
  const { t } = useI18n()
  const { cast, issued } = vote.turnout
  const open = vote.status === 'open'
  const deadline = vote.deadline ? Date.parse(vote.deadline) : null
  const now = useHostNow(offsetMs, open && deadline !== null)
  const clock =
    deadline !== null && open ? countdown(deadline, now, vote.rules.timeLimit?.seconds) : null
  return (
    <Center style={{ flex: 1 }} data-testid="stage-voting">
      <Stack align="center" gap={u(3.5)} w="84%">
        <Title order={1} fz={u(6)} ta="center" lh={1.25}>
          {vote.title}
        </Title>
        <Text
          fz={u(5)}
          fw={700}
          c={open ? 'var(--mantine-color-red-text)' : 'dimmed'}
          data-testid="voting-status"
        >
          {open ? t('screen.voting') : t('screen.voting.closed')}
        </Text>
        <Text fz={u(9)} fw={800} lh={1.1} data-testid="screen-turnout">
          {t('screen.turnout', { cast, issued })}
        </Text>
        <Progress
          value={turnoutPercent(vote.turnout)}
          h={u(3.5)}
          w="100%"
          radius={u(1.75)}
          aria-label={t('screen.turnout', { cast, issued })}
          data-testid="turnout-bar"
        />
        {clock && (
          <Group gap={u(2)} align="baseline">
            <Text fz={u(3.6)} c="dimmed">
              {clock.expired ? t('screen.voting.expired') : t('screen.voting.left')}
            </Text>
            <Text
              fz={u(12)}
              fw={800}
              lh={1}
              c={clock.urgent ? 'var(--mantine-color-red-text)' : undefined}
              style={{ fontVariantNumeric: 'tabular-nums' }}
              data-testid="countdown"
              data-urgent={clock.urgent}
            >
              {clock.text}
            </Text>
          </Group>
        )}
        <Text fz={u(2.8)} c="dimmed">
          {t('screen.voting.secret')}
        </Text>
      </Stack>
    </Center>
  )
}
