import { Box, Center, Group, Progress, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { Socket } from 'socket.io-client'
import type { ScreenClientEvents, ScreenServerEvents } from '../../shared/protocol/events'
import { namespaces } from '../../shared/protocol/events'
import type { ScreenState, ScreenVoteView } from '../../shared/protocol/views'
import { useI18n } from '../common/i18n'
import { connectNamespace } from '../common/socket'
import { ResultsChart } from './components/ResultsChart'

type ScreenSocket = Socket<ScreenServerEvents, ScreenClientEvents>

/** Sizes follow the viewport, so 720p, 1080p and 4K projectors read the same from the back. */
const vh = (n: number) => `${n}vh`

export function App() {
  const { t } = useI18n()
  const [state, setState] = useState<ScreenState | null>(null)
  useEffect(() => {
    const socket = connectNamespace<ScreenSocket>(namespaces.screen, {})
    socket.on('screen:state', setState)
    return () => {
      socket.disconnect()
    }
  }, [])

  if (!state) {
    return (
      <Center h="100vh">
        <Title fz={vh(6)}>{t('screen.waiting')}</Title>
      </Center>
    )
  }
  const vote = state.vote
  return (
    <Box
      h="100vh"
      p={vh(3)}
      style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden' }}
    >
      <Text fz={vh(3)} c="dimmed" ta="center">
        {state.meetingTitle ?? t('app.name')}
      </Text>
      {state.stage === 'welcome' || !vote ? (
        <Welcome state={state} />
      ) : state.stage === 'voting' ? (
        <Voting vote={vote} />
      ) : (
        <Results vote={vote} />
      )}
    </Box>
  )
}

function Welcome({ state }: { state: ScreenState }) {
  const { t } = useI18n()
  return (
    <Center style={{ flex: 1 }}>
      <Stack align="center" gap={vh(4)}>
        <Title fz={vh(8)} c="red.7">
          {t('app.name')}
        </Title>
        <Group gap={vh(4)}>
          <Stat label={t('count.roster')} value={state.attendance.roster} />
          <Stat
            label={t('count.present')}
            value={state.attendance.present}
            testId="screen-present"
          />
          <Stat label={t('count.absent')} value={state.attendance.absent} />
        </Group>
        {state.joinUrl && (
          <Text fz={vh(3)} ta="center">
            {t('screen.join')} <b>{state.joinUrl}</b>
          </Text>
        )}
      </Stack>
    </Center>
  )
}

function Voting({ vote }: { vote: ScreenVoteView }) {
  const { t } = useI18n()
  const { cast, issued } = vote.turnout
  return (
    <Center style={{ flex: 1 }}>
      <Stack align="center" gap={vh(4)} w="80%">
        <Title fz={vh(6)} ta="center">
          {vote.title}
        </Title>
        <Text fz={vh(5)} fw={700} c="red.7">
          {t('screen.voting')}
        </Text>
        <Text fz={vh(7)} fw={800} data-testid="screen-turnout">
          {t('screen.turnout', { cast, issued })}
        </Text>
        <Progress value={issued ? (100 * cast) / issued : 0} h={vh(3)} w="100%" />
      </Stack>
    </Center>
  )
}

function Results({ vote }: { vote: ScreenVoteView }) {
  const { t } = useI18n()
  const result = vote.result
  if (!result) {
    return (
      <Center style={{ flex: 1 }}>
        <Title fz={vh(6)}>{vote.title}</Title>
      </Center>
    )
  }
  const fontSize = Math.max(14, Math.round(window.innerHeight * 0.026))
  const c = result.counts
  return (
    <Stack style={{ flex: 1, minHeight: 0 }} gap={vh(1.5)}>
      <Title fz={vh(4.5)} ta="center">
        {vote.title} · {t('screen.results')}
      </Title>
      <Box style={{ flex: 1, minHeight: 0 }} data-testid="results-chart">
        <ResultsChart result={result} candidates={vote.candidates} fontSize={fontSize} />
      </Box>
      <Group justify="center" gap={vh(4)}>
        {(['roster', 'present', 'issued', 'cast', 'valid', 'invalid'] as const).map((k) => (
          <Text key={k} fz={vh(3)}>
            {t(`count.${k}`)} <b data-testid={`count-${k}`}>{c[k]}</b>
          </Text>
        ))}
      </Group>
    </Stack>
  )
}

function Stat({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <Stack gap={0} align="center">
      <Text fz={vh(3.5)} c="dimmed">
        {label}
      </Text>
      <Text fz={vh(10)} fw={800} lh={1.1} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  )
}
