import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { PaperBallot, PaperEntryContent } from '../../../../shared/protocol/paper-count.schema'
import type { ConsoleVoteView } from '../../../../shared/protocol/views'
import { ConfirmButton } from '../../../common/ConfirmButton'
import { useI18n } from '../../../common/i18n'
import { blankPaper, PaperMarks } from '../PaperMarks'
import type { PaperDraft } from '../PaperMarks'
import type { LiveSend } from '../use-live'

const draftOf = (paper: PaperBallot | undefined): PaperDraft =>
  paper ? { marks: paper.marks, spoiled: paper.spoiled === true } : blankPaper

/**
 * One teller's entry of a batch, paper by paper in the order of the stack: each paper is kept
 * once the host has it on disk (保存本张); a paper saved can be typed over until the entry is
 * submitted. The other entry of the batch is never shown here: the two are independent.
 */
export function PaperEntryForm({
  vote,
  entry,
  device,
  send,
  onChange,
  onClose,
  onOutcome,
}: {
  vote: ConsoleVoteView
  entry: PaperEntryContent
  device: string
  send: LiveSend
  onChange: (entry: PaperEntryContent) => void
  onClose: () => void
  onOutcome: (outcome: 'waiting' | 'agreed' | 'mismatch') => void
}) {
  const { t } = useI18n()
  const entered = entry.ballots.length
  const [place, setPlace] = useState(Math.min(entered, entry.size - 1))
  const [draft, setDraft] = useState<PaperDraft>(draftOf(entry.ballots[place]))
  const [busy, setBusy] = useState(false)
  const ref = { voteId: vote.id, batch: entry.batch, slot: entry.slot, device }
  const go = (to: number) => {
    setPlace(to)
    setDraft(draftOf(entry.ballots[to]))
  }

  const save = async () => {
    setBusy(true)
    const ballot = { marks: draft.spoiled ? {} : draft.marks, spoiled: draft.spoiled }
    const result = await send('paper:type', { ...ref, index: place, ballot })
    setBusy(false)
    if (!result.ok) return
    const ballots = entry.ballots.slice()
    ballots[place] = draft.spoiled ? { marks: {}, spoiled: true } : { marks: draft.marks }
    onChange({ ...entry, ballots })
    const nextPlace = Math.min(place + 1, entry.size - 1)
    setPlace(nextPlace)
    setDraft(draftOf(ballots[nextPlace]))
  }

  return (
    <Paper withBorder p="md" data-testid="paper-entry">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>
            {t('paper.entry.title', { batch: entry.batch, slot: entry.slot, teller: entry.teller })}
          </Title>
          <Text fw={600} data-testid="paper-entry-saved">
            {t('paper.entry.saved', { entered, size: entry.size })}
          </Text>
        </Group>
        <Progress
          value={(100 * entered) / entry.size}
          aria-label={t('paper.entry.saved', { entered, size: entry.size })}
        />
        <Text fz="xl" fw={700} data-testid="paper-entry-place">
          {t('paper.entry.place', { place: place + 1, size: entry.size })}
        </Text>
        <PaperMarks vote={vote} value={draft} onChange={setDraft} testId="paper-entry-mark" />
        <Text size="sm" c="dimmed">
          {t('paper.entry.hint')}
        </Text>
        <Group justify="space-between">
          <Group gap="xs">
            <Button
              size="md"
              variant="default"
              disabled={place === 0}
              onClick={() => go(place - 1)}
            >
              {t('paper.entry.prev')}
            </Button>
            <Button
              size="md"
              variant="default"
              disabled={place >= entered || place === entry.size - 1}
              onClick={() => go(place + 1)}
            >
              {t('paper.entry.next')}
            </Button>
          </Group>
          <Button
            size="lg"
            loading={busy}
            onClick={() => void save()}
            data-testid="paper-entry-save"
          >
            {place === entry.size - 1 ? t('paper.entry.saveLast') : t('paper.entry.save')}
          </Button>
        </Group>
        <Group justify="space-between">
          <Button variant="subtle" onClick={onClose}>
            {t('paper.entry.close')}
          </Button>
          <ConfirmButton
            size="lg"
            color="green"
            disabled={entered < entry.size}
            label={t('paper.entry.finish')}
            confirm={t('paper.entry.finish.confirm', {
              batch: entry.batch,
              slot: entry.slot,
              size: entry.size,
            })}
            data-testid="paper-entry-finish"
            onConfirm={() =>
              void send('paper:finish', ref).then((r) => {
                if (r.ok) onOutcome(r.data.outcome)
              })
            }
          />
        </Group>
      </Stack>
    </Paper>
  )
}
