import { Alert, Kbd, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { AttendanceSummary } from './AttendanceSummary'
import { CheckInPanel } from './CheckInPanel'
import { LiveVotePanel } from './LiveVotePanel'
import { shortcutProblem } from './shortcut-problem'
import type { ShortcutAction } from './shortcut-problem'
import { useLive } from './use-live'
import type { ConsoleApi } from '../use-console'

/** Alt+key → the control marked data-shortcut; destructive ones still ask first. */
const shortcuts: Record<string, ShortcutAction> = {
  o: 'open',
  c: 'close',
  p: 'publish',
  r: 'remind',
}

/** 报到 and the live vote: what the presiding staff run during the session. */
export function LiveSection({
  api,
  vote,
  select,
}: {
  api: ConsoleApi
  /** The hall's vote in hand (hall-vote.ts): the projector control acts on it too. */
  vote: ConsoleVoteView | null
  select: (voteId: string) => void
}) {
  const { t, errorText } = useI18n()
  const { state, roster, error, clearError, notice, setNotice, send } = useLive(api)
  const [keyNotice, setKeyNotice] = useState<string | null>(null)
  const keyNoticeRef = useRef<HTMLDivElement | null>(null)
  useEffect(() => {
    if (keyNotice) keyNoticeRef.current?.scrollIntoView({ block: 'nearest' })
  }, [keyNotice])
  const searchRef = useRef<HTMLInputElement | null>(null)
  const openId = state?.votes.find((v) => v.status === 'open')?.id ?? null

  const connected = api.connected
  // Registered again as the state changes (a few times a second at most): cheap, and what a
  // refused key explains is always what staff see.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const key = e.key.toLowerCase()
      if (key === 'k') {
        e.preventDefault()
        searchRef.current?.focus()
        return
      }
      const action = shortcuts[key]
      if (!action) return
      e.preventDefault()
      const target = document.querySelector<HTMLButtonElement>(`[data-shortcut="${action}"]`)
      // :disabled also covers a button in a disabled fieldset (a console cut off from the host).
      if (target?.matches(':not(:disabled)')) {
        setKeyNotice(null)
        target.click()
        return
      }
      // A key that cannot act says why, rather than doing nothing in silence.
      if (!state) return
      const problem = shortcutProblem(action, vote, state, connected)
      const label = `Alt+${key.toUpperCase()}`
      setKeyNotice(
        problem
          ? t(problem.key, {
              key: label,
              title: problem.params.title ?? '',
              other: problem.params.other ?? '',
              status: problem.params.status ? t(`status.${problem.params.status}`) : '',
            })
          : null,
      )
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [state, vote, connected, t])

  if (!state?.meeting) return null

  return (
    <Stack gap="sm" data-testid="live-section">
      <Title order={3}>{t('live.title')}</Title>
      {error && (
        <Alert color="red" withCloseButton onClose={clearError} data-testid="live-error">
          {errorText(error)}
        </Alert>
      )}
      {notice && (
        <Alert
          color="green"
          withCloseButton
          onClose={() => setNotice(null)}
          data-testid="live-notice"
        >
          {notice}
        </Alert>
      )}
      <AttendanceSummary
        attendance={state.attendance}
        tabletsOnline={state.tabletsOnline}
        send={send}
        midMeeting={
          state.attendance.present + state.attendance.leave > 0 ||
          state.votes.some((v) => v.status !== 'draft')
        }
      />
      <CheckInPanel
        roster={roster}
        leaveCardsOpened={state.leaveCardsOpened}
        send={send}
        voteOpen={openId !== null}
        searchRef={searchRef}
      />
      {/* Right above the vote it is about, and scrolled into view. */}
      {keyNotice && (
        <Alert
          color="orange"
          withCloseButton
          onClose={() => setKeyNotice(null)}
          role="status"
          data-testid="live-key-notice"
          ref={keyNoticeRef}
        >
          {keyNotice}
        </Alert>
      )}
      <LiveVotePanel
        state={state}
        roster={roster}
        vote={vote}
        select={select}
        send={send}
        onNotice={setNotice}
        token={api.token}
      />
      <Text size="sm" c="dimmed">
        {t('live.shortcuts')} <Kbd>Alt</Kbd>+<Kbd>O</Kbd> {t('live.open')} · <Kbd>Alt</Kbd>+
        <Kbd>C</Kbd> {t('live.close')} · <Kbd>Alt</Kbd>+<Kbd>P</Kbd> {t('live.publish')} ·{' '}
        <Kbd>Alt</Kbd>+<Kbd>R</Kbd> {t('live.remind')} · <Kbd>Alt</Kbd>+<Kbd>K</Kbd>{' '}
        {t('live.search')}
      </Text>
    </Stack>
  )
}
