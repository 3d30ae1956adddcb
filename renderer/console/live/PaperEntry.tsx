import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { Mark } from '../../../shared/protocol/marks'
import { allowedMarks, markOf, withMark, withoutMark } from '../../../shared/protocol/marks'
import type { ConsoleDeputyView, ConsoleVoteView } from '../../../shared/protocol/views'
import { ConfirmButton } from '../../common/ConfirmButton'
import { useI18n } from '../../common/i18n'
import type { LiveSend } from './use-live'

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
  const [marks, setMarks] = useState<Record<string, Mark>>({})
  const [spoiled, setSpoiled] = useState(false)
  const deputy = notVoted.find((d) => d.id === deputyId)
  const options = allowedMarks[vote.rules.kind]

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
    setMarks({})
    setSpoiled(false)
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
        {vote.candidates.map((c) =>
          vote.rules.kind === 'select' ? (
            <Checkbox
              key={c.id}
              label={c.title}
              checked={markOf(marks, c.id) === 'for'}
              disabled={spoiled}
              data-testid={`paper-${c.id}`}
              onChange={(e) => {
                const checked = e.currentTarget.checked
                setMarks((current) =>
                  checked ? withMark(current, c.id, 'for') : withoutMark(current, c.id),
                )
              }}
            />
          ) : (
            <NativeSelect
              key={c.id}
              label={c.title}
              value={markOf(marks, c.id) ?? ''}
              disabled={spoiled}
              data-testid={`paper-${c.id}`}
              data={[
                { value: '', label: t('live.paperUnmarked') },
                ...options.map((m) => ({ value: m, label: t(`mark.${m}`) })),
              ]}
              onChange={(e) => {
                const value = e.currentTarget.value as Mark | ''
                setMarks((current) =>
                  value ? withMark(current, c.id, value) : withoutMark(current, c.id),
                )
              }}
            />
          ),
        )}
        <Checkbox
          label={t('live.paperSpoiled')}
          checked={spoiled}
          onChange={(e) => setSpoiled(e.currentTarget.checked)}
          data-testid="paper-spoiled"
        />
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
                marks: spoiled ? {} : marks,
                spoiled,
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
