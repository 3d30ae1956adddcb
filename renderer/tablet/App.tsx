import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { useState } from 'react'
import { useI18n } from './i18n'
import { LanguageSwitch } from '../common/LanguageSwitch'
import { RehearsalBanner } from '../common/RehearsalBanner'
import { statusInk } from '../common/theme'
import { BallotEditor } from './components/BallotEditor'
import { Countdown } from './components/Countdown'
import { EndedNotice } from './components/EndedNotice'
import { JoinCodeForm } from './components/JoinCodeForm'
import { loadDraft, saveDraft } from './pending-ballot'
import { useDeputy } from './use-deputy'

export function App() {
  const { t, errorText } = useI18n()
  const {
    phase,
    typedLogin,
    codeError,
    joinByCode,
    connected,
    state,
    pending,
    recorded,
    sending,
    error,
    submit,
    retry,
    loadDetails,
    reminded,
    dismissReminder,
    endsAt,
  } = useDeputy()
  const [changing, setChanging] = useState<string | null>(null)

  const message = (text: string) => (
    <Center mih="70vh" p="xl">
      <Title order={2} ta="center" data-testid="tablet-message">
        {text}
      </Title>
    </Center>
  )

  // No card opened here yet, or its credential no longer works: scan one, or type its code.
  const joinPage = (heading: string, hint?: string) => (
    <Stack gap="xl" py="xl" align="stretch">
      <Title order={2} ta="center" data-testid="tablet-message" lh={1.4}>
        {heading}
      </Title>
      <Text fz="xl" ta="center">
        {hint ?? t('tablet.join.orType')}
      </Text>
      <JoinCodeForm
        busy={typedLogin && phase === 'connecting'}
        error={codeError}
        onJoin={joinByCode}
      />
    </Stack>
  )

  let body
  if (phase === 'no-credential' || (phase === 'connecting' && typedLogin))
    body = joinPage(t('tablet.joinFirst'))
  else if (phase === 'refused') body = joinPage(t('tablet.badCredential'), t('tablet.join.newCard'))
  else if (phase === 'replaced') body = message(t('tablet.replaced'))
  else if (!state)
    body = (
      <Center mih="70vh">
        <Loader size="xl" />
      </Center>
    )
  // On leave until staff confirm the check-in: no ballot, whatever is open.
  else if (state.onLeave)
    body = (
      <Center mih="70vh" p="xl">
        <Alert color="yellow" variant="light" data-testid="on-leave" maw={720}>
          <Title order={2} ta="center" lh={1.5}>
            {t('tablet.onLeave')}
          </Title>
        </Alert>
      </Center>
    )
  else if (!state.vote && state.ended) body = <EndedNotice ended={state.ended} />
  else if (!state.vote) body = message(t('tablet.waiting'))
  else {
    const vote = state.vote
    const mine = pending?.voteId === vote.id ? pending : null
    const voted = state.voted || recorded === vote.id
    if (changing === vote.id && voted && !mine) {
      // A new ballot from scratch: the tablet no longer knows the one it replaces.
      body = (
        <BallotEditor
          key={`${vote.id}-change`}
          vote={vote}
          loadDetails={loadDetails}
          onSubmit={(marks) => {
            setChanging(null)
            submit(vote.id, marks, true)
          }}
        />
      )
    } else if (voted && !mine) {
      body = (
        <Center mih="70vh">
          <Stack align="center" gap="md">
            <Text fz={96} lh={1} c={statusInk.good} aria-hidden>
              ✓
            </Text>
            <Title order={1} c={statusInk.good} data-testid="recorded">
              {t('tablet.recorded')}
            </Title>
            <Text fz="xl" ta="center">
              {t('tablet.recordedHint')}
            </Text>
            {vote.allowChange && (
              <Button size="xl" variant="default" onClick={() => setChanging(vote.id)}>
                {t('tablet.change')}
              </Button>
            )}
          </Stack>
        </Center>
      )
    } else if (vote.paper && !mine) {
      // Counted from paper (故障改人工计票): no ballot here, only where to vote instead.
      body = message(t('tablet.paper'))
    } else if (mine) {
      body = (
        <Center mih="70vh">
          <Stack align="center">
            {sending && <Loader size="xl" />}
            <Title order={2}>{t('tablet.sending')}</Title>
            {error && <Alert color="red">{errorText(error)}</Alert>}
            {!sending && connected && (
              <Button size="xl" onClick={retry}>
                {t('tablet.retry')}
              </Button>
            )}
          </Stack>
        </Center>
      )
    } else {
      body = (
        <BallotEditor
          key={vote.id}
          vote={vote}
          initial={loadDraft(vote.id)}
          onMarksChange={(marks) => saveDraft(vote.id, marks)}
          loadDetails={loadDetails}
          onSubmit={(marks) => submit(vote.id, marks)}
        />
      )
    }
  }

  const vote = state?.vote ?? null
  const showReminder =
    vote !== null &&
    reminded === vote.id &&
    !state?.voted &&
    recorded !== vote.id &&
    !state?.onLeave
  const stopped = phase === 'no-credential' || phase === 'refused' || phase === 'replaced'
  // The connection's state only where it means something: never beside 凭证无效 or 本机已停止使用,
  // nor while a typed code is being tried (the form says how that goes).
  const showConnection = !stopped && !(typedLogin && phase === 'connecting')

  return (
    <Box maw={960} mx="auto" px="md" pb="md">
      {state?.rehearsal && <RehearsalBanner text={t('tablet.rehearsal')} />}
      {/* Wraps on a phone: who and where first, then the status row whole beneath it. */}
      <Group justify="space-between" align="flex-start" py="sm" gap="xs" wrap="wrap">
        <Stack gap={0} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Text fw={700} fz="lg" lineClamp={2}>
            {state?.meetingTitle ?? t('app.name')}
          </Text>
          {state && (
            <Text fz="lg" lineClamp={2} data-testid="deputy-name">
              {state.me.name} · {state.me.delegation} · {t('tablet.seat', { seat: state.me.seat })}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="wrap" justify="flex-end" ml="auto" data-testid="tablet-status">
          {vote && endsAt !== null && !stopped && !state?.onLeave && <Countdown endsAt={endsAt} />}
          {showConnection && (
            <Text
              fz="lg"
              fw={700}
              px="sm"
              py={4}
              c={connected ? statusInk.good : statusInk.warn}
              bg={connected ? statusInk.goodTint : statusInk.warnTint}
              style={{ borderRadius: 'var(--mantine-radius-xl)', whiteSpace: 'nowrap' }}
              data-testid="connection"
            >
              <span aria-hidden>{connected ? '● ' : '○ '}</span>
              {connected ? t('conn.online') : t('conn.offline')}
            </Text>
          )}
          <LanguageSwitch size="lg" />
        </Group>
      </Group>
      {!stopped && !connected && state && (
        <Alert
          color="orange"
          variant="outline"
          mb="sm"
          data-testid="offline"
          styles={{ message: { fontSize: 'var(--mantine-font-size-lg)', color: statusInk.warn } }}
        >
          {t('tablet.offline')}
        </Alert>
      )}
      {showReminder && (
        <Alert
          color="red"
          variant="light"
          mb="sm"
          title={t('tablet.remindTitle')}
          data-testid="remind"
          role="alert"
        >
          <Group justify="space-between" wrap="nowrap">
            <Text fz="lg">{t('tablet.remindText')}</Text>
            <Button size="lg" mih={48} variant="default" onClick={dismissReminder}>
              {t('tablet.remindOk')}
            </Button>
          </Group>
        </Alert>
      )}
      {body}
      {/* Read out by a screen reader when the ballot is on the host: the text appears in a
          region that was already there, which is what makes it announced. */}
      <VisuallyHidden role="status" aria-live="polite" data-testid="announce">
        {vote && (state?.voted || recorded === vote.id) ? t('tablet.recorded') : ''}
      </VisuallyHidden>
    </Box>
  )
}
