import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { ConsoleState, ConsoleVoteView } from '../../../shared/protocol/views'
import { ConfirmButton } from '../../common/ConfirmButton'
import { useI18n } from '../../common/i18n'
import { statusInk } from '../../common/theme'
import type { LiveSend } from './use-live'

/** Whether the result leaves seats for a run-off (the rules engine decides what it holds). */
export function runoffDue(vote: ConsoleVoteView): boolean {
  const r = vote.result
  if (!r || r.void !== null || (vote.status !== 'closed' && vote.status !== 'published'))
    return false
  return (
    r.tie !== null || (r.shortfall !== null && vote.rules.shortfallPolicy === 'runoff-remaining')
  )
}

/** Open (with a quorum, or a logged reason), close, publish, run off, annul, vote again. */
export function VoteActions({
  vote,
  state,
  send,
  onRunoff,
}: {
  vote: ConsoleVoteView
  state: ConsoleState
  send: LiveSend
  /** A new draft was made of this one (a run-off, or 重新表决): the picker moves to it. */
  onRunoff: (voteId: string) => void
}) {
  const { t } = useI18n()
  const [override, setOverride] = useState('')
  const [annulReason, setAnnulReason] = useState('')
  const [onPaper, setOnPaper] = useState(false)
  const anotherOpen = state.votes.some((v) => v.status === 'open' && v.id !== vote.id)
  const quorumMet = state.attendance.quorumMet
  const reasonOk = override.trim().length >= 2

  // A box found damaged at a start: closing and publishing wait for staff's acknowledgement.
  const heldByDamage = Boolean(vote.boxDamage && !vote.boxDamage.acknowledgedAt)
  return (
    <Group align="flex-end" gap="sm">
      {vote.status === 'draft' && !quorumMet && (
        <TextInput
          label={t('live.overrideReason')}
          placeholder={t('live.overrideHint')}
          value={override}
          onChange={(e) => setOverride(e.currentTarget.value)}
          data-testid="override-reason"
          w={280}
        />
      )}
      {vote.status === 'draft' && (
        // Opening always names the vote: the picker may not be on the vote staff think it is.
        <ConfirmButton
          color="green"
          disabled={anotherOpen || (!quorumMet && !reasonOk)}
          data-shortcut="open"
          data-testid="live-open"
          label={quorumMet ? t('live.open') : t('live.openOverride')}
          confirm={
            <OpenQuestion
              vote={vote}
              state={state}
              override={override}
              paper={onPaper}
              setPaper={setOnPaper}
            />
          }
          confirmLabel={state.attendance.present === 0 ? t('live.open.anyway') : t('live.open')}
          confirmColor={state.attendance.present === 0 ? 'red' : 'green'}
          onConfirm={() =>
            void send('vote:open', {
              voteId: vote.id,
              ...(quorumMet ? {} : { override }),
              ...(onPaper ? { paper: true as const } : {}),
            })
          }
        />
      )}
      {vote.status === 'open' && (
        <ConfirmButton
          label={t('live.close')}
          confirm={t('live.close.confirm', { title: vote.title })}
          data-shortcut="close"
          data-testid="live-close"
          disabled={heldByDamage}
          onConfirm={() => void send('vote:close', { voteId: vote.id })}
        />
      )}
      {vote.status === 'closed' && (
        <ConfirmButton
          color="blue"
          label={t('live.publish')}
          confirm={t('live.publish.confirm', { title: vote.title })}
          data-shortcut="publish"
          data-testid="live-publish"
          disabled={heldByDamage}
          onConfirm={() => void send('vote:publish', { voteId: vote.id })}
        />
      )}
      {runoffDue(vote) && (
        <Button
          color={statusInk.warn}
          data-testid="live-runoff"
          onClick={() =>
            void send('vote:runoff', { voteId: vote.id }).then((r) => {
              if (r.ok) onRunoff(r.data.voteId)
            })
          }
        >
          {t('live.runoff')}
        </Button>
      )}
      {vote.status === 'annulled' && (
        <Button
          color="orange"
          data-testid="live-revote"
          onClick={() =>
            void send('vote:revote', { voteId: vote.id }).then((r) => {
              if (r.ok) onRunoff(r.data.voteId)
            })
          }
        >
          {t('live.revote')}
        </Button>
      )}
      {vote.status !== 'draft' && vote.status !== 'annulled' && (
        <>
          <TextInput
            label={t('live.annulReason')}
            value={annulReason}
            onChange={(e) => setAnnulReason(e.currentTarget.value)}
            data-testid="annul-reason"
            w={220}
          />
          <ConfirmButton
            variant="outline"
            disabled={annulReason.trim().length < 2}
            label={t('live.annul')}
            confirm={t('live.annul.confirm', { title: vote.title, reason: annulReason.trim() })}
            data-testid="live-annul"
            onConfirm={() => void send('vote:annul', { voteId: vote.id, reason: annulReason })}
          />
        </>
      )}
    </Group>
  )
}

/** What opening does, to which vote: its title and kind, the ballots issued, any override. */
function OpenQuestion({
  vote,
  state,
  override,
  paper,
  setPaper,
}: {
  vote: ConsoleVoteView
  state: ConsoleState
  override: string
  /** Opened on paper: the whole vote is counted from paper (the paper count). */
  paper: boolean
  setPaper: (paper: boolean) => void
}) {
  const { t } = useI18n()
  const { present, quorumMet, quorumNeeded } = state.attendance
  return (
    <Stack gap="sm" data-testid="open-question">
      <Text fz="lg">
        {t('live.open.confirm', { title: vote.title, kind: t(`kind.${vote.rules.kind}`), present })}
      </Text>
      {!quorumMet && (
        <Text c={statusInk.warn}>
          {t('live.open.override', { present, needed: quorumNeeded, reason: override.trim() })}
        </Text>
      )}
      {present === 0 && (
        <Alert color="red" data-testid="open-nobody">
          {t('live.open.nobody')}
        </Alert>
      )}
      <Checkbox
        size="md"
        label={t('paper.openOnPaper')}
        checked={paper}
        onChange={(e) => setPaper(e.currentTarget.checked)}
        data-testid="open-on-paper"
      />
    </Stack>
  )
}
