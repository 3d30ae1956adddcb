import { Divider, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import type { PaperEntryContent, PaperSlot } from '../../../../shared/protocol/paper-count.schema'
import type { ConsoleState, ConsoleVoteView } from '../../../../shared/protocol/views'
import type { Result } from '../../../../shared/protocol/envelope'
import { ConfirmButton } from '../../../common/ConfirmButton'
import { useI18n } from '../../../common/i18n'
import type { LiveSend } from '../use-live'
import { paperDevice } from './device'
import { PaperBatches, PaperBegin } from './PaperBatches'
import { PaperEntryForm } from './PaperEntryForm'
import { PaperMismatch } from './PaperMismatch'
import { PaperTallies } from './PaperTallies'
import { statusInk } from '../../../common/theme'

/** Turning the open vote over to paper: asked first, naming what stays and what goes to paper. */
export function PaperStart({ vote, send }: { vote: ConsoleVoteView; send: LiveSend }) {
  const { t } = useI18n()
  const tablet = vote.turnout?.cast ?? 0
  const toCount = Math.max(0, (vote.turnout?.issued ?? 0) - tablet)
  return (
    <ConfirmButton
      variant="outline"
      color={statusInk.warn}
      label={t('paper.start')}
      confirm={t(tablet === 0 ? 'paper.start.whole' : 'paper.start.confirm', {
        title: vote.title,
        tablet,
        toCount,
      })}
      data-testid="paper-start"
      onConfirm={() => void send('paper:start', { voteId: vote.id })}
    />
  )
}

/**
 * The open vote's paper count (故障改人工计票): the figures, 发出/收回, the batches and their
 * entries, this device's entry in hand, and each batch whose entries differ, to resolve.
 */
export function PaperCountPanel({
  vote,
  state,
  send,
  onNotice,
}: {
  vote: ConsoleVoteView
  state: ConsoleState
  send: LiveSend
  onNotice: (text: string) => void
}) {
  const { t } = useI18n()
  const device = useMemo(() => paperDevice(), [])
  const [entry, setEntry] = useState<PaperEntryContent | null>(null)
  const count = vote.paperCount
  if (!count) return null
  const members = state.meeting?.scrutineers.members ?? []
  const tellers = members.filter((m) => m.role === 'teller').map((m) => m.name)
  const scrutineers = members.filter((m) => m.role !== 'teller').map((m) => m.name)
  const ref = (batch: number, slot: PaperSlot) => ({ voteId: vote.id, batch, slot, device })
  const open = (reply: Result<PaperEntryContent>) => {
    if (reply.ok) setEntry(reply.data)
  }

  return (
    <Paper withBorder p="md" data-testid="paper-count">
      <Stack gap="sm">
        <Title order={4}>{t('paper.title')}</Title>
        <Text fw={600}>
          {count.scope === 'whole'
            ? t('paper.scope.whole')
            : t('paper.scope.rest', { tablet: count.tablet })}
        </Text>
        <Text fz="lg" data-testid="paper-figures">
          {t('paper.figures', {
            toCount: count.toCount,
            merged: count.merged,
            spoiled: count.spoiled,
            pending: count.pending,
            left: count.left,
          })}
        </Text>
        <Divider label={t('paper.tallies')} labelPosition="left" />
        <PaperTallies
          key={`${count.issued}/${count.returned}`}
          voteId={vote.id}
          count={count}
          send={send}
        />
        <Divider label={t('paper.batches')} labelPosition="left" />
        <PaperBatches
          batches={count.batches}
          device={device}
          onContinue={(batch, slot) => void send('paper:entry', ref(batch, slot)).then(open)}
          onMove={(batch, slot) => void send('paper:move', ref(batch, slot)).then(open)}
        />
        {count.batches
          .filter((b) => b.state === 'mismatch')
          .map((b) => (
            <PaperMismatch key={b.no} vote={vote} batch={b} scrutineers={scrutineers} send={send} />
          ))}
        {entry ? (
          <PaperEntryForm
            key={`${entry.batch}-${entry.slot}`}
            vote={vote}
            entry={entry}
            device={device}
            send={send}
            onChange={setEntry}
            onClose={() => setEntry(null)}
            onOutcome={(outcome) => {
              setEntry(null)
              onNotice(t(`paper.outcome.${outcome}`))
            }}
          />
        ) : (
          <PaperBegin
            tellers={tellers}
            left={count.left}
            onBegin={(input) =>
              void send('paper:begin', { voteId: vote.id, device, ...input }).then(open)
            }
          />
        )}
      </Stack>
    </Paper>
  )
}
