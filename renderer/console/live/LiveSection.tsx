import { Alert, Kbd, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { AttendanceSummary } from './AttendanceSummary'
import { CheckInPanel } from './CheckInPanel'
import { LiveVotePanel } from './LiveVotePanel'
import { useLive } from './use-live'
import type { ConsoleApi } from '../use-console'

/** Alt+key → the control marked data-shortcut; destructive ones still ask first. */
const shortcuts: Record<string, string> = { o: 'open', c: 'close', p: 'publish', r: 'remind' }

/** The vote staff most likely want: the open one, then one awaiting publication, then a draft. */
function defaultVote(votes: ConsoleVoteView[]): ConsoleVoteView | null {
  return (
    votes.find((v) => v.status === 'open') ??
    votes.findLast((v) => v.status === 'closed') ??
    votes.find((v) => v.status === 'draft') ??
    votes.at(-1) ??
    null
  )
}

/** 报到 and the live vote: what the presiding staff run during the session. */
export function LiveSection({ api }: { api: ConsoleApi }) {
  const { t, errorText } = useI18n()
  const { state, roster, error, clearError, notice, setNotice, send } = useLive(api)
  const [chosen, setChosen] = useState<string | null>(null)
  const searchRef = useRef<HTMLInputElement | null>(null)
  const openId = state?.votes.find((v) => v.status === 'open')?.id ?? null
  const lastOpen = useRef<string | null>(null)

  // When a vote opens anywhere (another console, the agenda), follow it.
  useEffect(() => {
    if (openId && openId !== lastOpen.current) setChosen(openId)
    lastOpen.current = openId
  }, [openId])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const key = e.key.toLowerCase()
      if (key === 'k') {
        e.preventDefault()
        searchRef.current?.focus()
        return
      }
      const name = shortcuts[key]
      if (!name) return
      const target = document.querySelector<HTMLButtonElement>(`[data-shortcut="${name}"]`)
      if (target && !target.disabled) {
        e.preventDefault()
        target.click()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  if (!state?.meeting) return null
  const vote = state.votes.find((v) => v.id === chosen) ?? defaultVote(state.votes)

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
      />
      <CheckInPanel
        roster={roster}
        leaveCardsOpened={state.leaveCardsOpened}
        send={send}
        voteOpen={openId !== null}
        searchRef={searchRef}
      />
      <LiveVotePanel
        state={state}
        roster={roster}
        vote={vote}
        select={setChosen}
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
