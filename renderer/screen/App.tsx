import { Box, Center, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { ScreenState } from '../../shared/protocol/views'
import { useI18n } from '../common/i18n'
import { AnnulledStage } from './stages/AnnulledStage'
import { RehearsalBanner } from '../common/RehearsalBanner'
import { BlankStage, CheckinStage, WelcomeStage } from './stages/HallStages'
import { FinalStage } from './stages/FinalStage'
import { ProgressStage } from './stages/ProgressStage'
import { ResultsStage } from './stages/ResultsStage'
import { SeatsStage } from './stages/SeatsStage'
import { RulesStage, VotingStage } from './stages/VoteStages'
import { u, useScreen } from './use-screen'

/** Where I18nProvider keeps the language choice (renderer/common/i18n.tsx). */
const languageKey = 'plenary.lang'

/**
 * The projector: one stage at a time, as staff choose on the console. Read-only; it never
 * reloads, and after a host restart Socket.IO reconnects and the host resends the stage.
 */
export function App({ motion }: { motion: boolean }) {
  const { t, lang, toggle } = useI18n()
  const { state, connected, offsetMs } = useScreen()
  // The page never reloads: when staff switch the console's language (same origin, so the same
  // stored choice), the projector follows at once.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== languageKey) return
      if ((event.newValue === 'en' ? 'en' : 'zh-CN') !== lang) toggle()
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [lang, toggle])
  // The presenter skips the reveal with any key or a click (a clicker sends a key).
  const [skipped, setSkipped] = useState(false)
  useEffect(() => {
    const skip = () => setSkipped(true)
    window.addEventListener('keydown', skip)
    window.addEventListener('pointerdown', skip)
    return () => {
      window.removeEventListener('keydown', skip)
      window.removeEventListener('pointerdown', skip)
    }
  }, [])
  const stageKey = state ? `${state.stage}:${state.vote?.id ?? ''}` : ''
  // A new stage gets its own reveal, even after an earlier skip.
  const [lastKey, setLastKey] = useState(stageKey)
  if (lastKey !== stageKey) {
    setLastKey(stageKey)
    setSkipped(false)
  }

  return (
    <Box
      h="100vh"
      w="100vw"
      className={motion && !skipped ? 'pv-reveal' : 'pv-still'}
      data-testid="screen-root"
      data-stage={state?.stage ?? 'waiting'}
      style={{
        display: 'flex',
        flexDirection: 'column',
        overflow: 'hidden',
        padding: `${u(3)} ${u(4)}`,
        boxSizing: 'border-box',
        background: 'var(--mantine-color-body)',
      }}
    >
      {!state ? (
        <Center style={{ flex: 1 }}>
          <Title fz={u(6)}>{t('screen.waiting')}</Title>
        </Center>
      ) : (
        <>
          {state.rehearsal && (
            <>
              <RehearsalBanner
                text={t('hall.rehearsal.banner')}
                fz={u(3.4)}
                style={{ margin: `calc(-1 * ${u(3)}) calc(-1 * ${u(4)}) ${u(1.5)}` }}
              />
              <RehearsalWatermark text={t('hall.rehearsal.screen')} />
            </>
          )}
          {state.stage !== 'blank' && state.stage !== 'welcome' && (
            <Text fz={u(2.8)} c="dimmed" ta="center" lh={1.2} data-testid="screen-meeting">
              {state.meetingTitle ?? t('app.name')}
            </Text>
          )}
          <Stage state={state} offsetMs={offsetMs} />
        </>
      )}
      {/* Only a small dot: the hall should not read an error, staff see it on the console. */}
      {!connected && (
        <Box
          pos="fixed"
          right={u(1)}
          bottom={u(1)}
          w={u(1.2)}
          h={u(1.2)}
          bg="orange"
          style={{ borderRadius: '50%' }}
          data-testid="screen-offline"
        />
      )}
    </Box>
  )
}

function Stage({ state, offsetMs }: { state: ScreenState; offsetMs: number }) {
  const vote = state.vote
  // Annulled: where its voting or result would be, the hall reads that it was annulled, and why.
  if (vote?.status === 'annulled' && (state.stage === 'voting' || state.stage === 'results'))
    return <AnnulledStage vote={vote} />
  switch (state.stage) {
    case 'blank':
      return <BlankStage state={state} />
    case 'checkin':
      return <CheckinStage state={state} />
    case 'rules':
      return vote ? <RulesStage vote={vote} state={state} /> : <BlankStage state={state} />
    case 'voting':
      return vote ? <VotingStage vote={vote} offsetMs={offsetMs} /> : <WelcomeStage state={state} />
    case 'results':
      return vote ? <ResultsStage vote={vote} /> : <WelcomeStage state={state} />
    case 'final':
      return vote ? <FinalStage vote={vote} /> : <WelcomeStage state={state} />
    case 'welcome':
      return <WelcomeStage state={state} />
    case 'seats':
      return <SeatsStage state={state} />
    case 'progress':
      return vote ? <ProgressStage vote={vote} /> : <WelcomeStage state={state} />
  }
}

/**
 * 演练 across the whole stage, pale enough to read every stage through, so that a photo of the
 * projector (the press, a phone in the gallery) never passes for a real result.
 */
function RehearsalWatermark({ text }: { text: string }) {
  return (
    <Box
      pos="fixed"
      inset={0}
      aria-hidden
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        pointerEvents: 'none',
        zIndex: 1,
      }}
      data-testid="rehearsal-watermark"
    >
      <Text
        fz={u(32)}
        fw={900}
        c="#c92a2a"
        lh={1}
        style={{ opacity: 0.08, transform: 'rotate(-20deg)', whiteSpace: 'nowrap' }}
      >
        {text}
      </Text>
    </Box>
  )
}
