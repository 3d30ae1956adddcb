import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { ConsoleDeputyView, ConsoleVoteView } from '../../../shared/protocol/views'
import { ConfirmButton } from '../../common/ConfirmButton'
import { useI18n } from '../../common/i18n'
import type { LiveSend } from './use-live'
import { blankPaper, PaperMarks } from './PaperMarks'
import type { PaperDraft } from './PaperMarks'

/**
 * A paper ballot for a deputy whose tablet failed: pick the deputy (only those who have not
 * voted), copy the marks as written, even an over-vote, or declare it spoiled. The host marks
 * the deputy voted and stores the marks apart from the name.
 */
export function PaperEntry({
  vote,
  notVoted,
  send,
}: {
  vote: ConsoleVoteView
  notVoted: ConsoleDeputyView[]
  send: LiveSend
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [deputyId, setDeputyId] = useState('')
  const [draft, setDraft] = useState<PaperDraft>(blankPaper)
  const deputy = notVoted.find((d) => d.id === deputyId)

  if (!open) {
    return (
      <Button variant="default" onClick={() => setOpen(true)} data-testid="paper-open">
        {t('live.paper')}
      </Button>
    )
  }

  const reset = () => {
    setOpen(false)
    setDeputyId('')
    setDraft(blankPaper)
  }

  return (
    <Paper withBorder p="md" data-testid="paper-form">
      <Title order={5} mb="xs">
        {t('live.paper')}
      </Title>
      <Stack gap="xs">
        <NativeSelect
          label={t('live.paperDeputy')}
          value={deputyId}
          onChange={(e) => setDeputyId(e.currentTarget.value)}
          data={[
            { value: '', label: t('live.paperPick') },
            ...notVoted.map((d) => ({
              value: d.id,
              label: `${d.name} · ${d.delegation} · ${d.seat}`,
            })),
          ]}
          data-testid="paper-deputy"
        />
        <PaperMarks vote={vote} value={draft} onChange={setDraft} testId="paper" />
        <Text size="sm" c="dimmed">
          {t('live.paperHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={reset}>
            {t('common.cancel')}
          </Button>
          <ConfirmButton
            disabled={!deputy}
            label={t('live.paperSave')}
            confirm={t('live.paperSave.confirm', { name: deputy?.name ?? '' })}
            data-testid="paper-save"
            onConfirm={() => {
              if (!deputy) return
              void send('vote:paper', {
                voteId: vote.id,
                deputyId: deputy.id,
                marks: draft.spoiled ? {} : draft.marks,
                spoiled: draft.spoiled,
              }).then((result) => {
                if (result.ok) reset()
              })
            }}
          />
        </Group>
      </Stack>
    </Paper>
  )
}
