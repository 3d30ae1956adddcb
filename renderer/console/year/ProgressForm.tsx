import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useState } from 'react'
import type { ProjectId } from '../../../shared/protocol/ids'
import { progressKinds } from '../../../shared/year/year.schema'
import type { Opinion, ProgressKind, ProgressUpdate } from '../../../shared/year/year.schema'
import { useI18n } from '../../common/i18n'
import { FormModal, useFormSave } from '../components/FormModal'
import type { Call } from '../console-socket'

/** Adds a progress update (`update` null) or edits one: the host keeps the version it replaces. */
export function ProgressForm({
  projectId,
  update,
  today,
  call,
  onClose,
}: {
  projectId: ProjectId
  update: ProgressUpdate | null
  today: string
  call: Call
  onClose: () => void
}) {
  const { t } = useI18n()
  const [date, setDate] = useState(update?.date ?? today)
  const [kind, setKind] = useState<ProgressKind>(update?.kind ?? 'inspection')
  const [percent, setPercent] = useState<number | string>(update?.percent ?? '')
  const [text, setText] = useState(update?.text ?? '')
  const [opinions, setOpinions] = useState<Opinion[]>(update?.opinions ?? [])
  const { busy, error, save } = useFormSave(onClose)
  const change = (i: number, patch: Partial<Opinion>) =>
    setOpinions((list) => list.map((o, j) => (j === i ? { ...o, ...patch } : o)))

  const submit = () => {
    const input = {
      projectId,
      date,
      kind,
      // Sent as typed: the host names a percentage outside 0–100 or a fraction.
      percent: typeof percent === 'number' ? percent : Number.NaN,
      text,
      opinions,
    }
    return save(() =>
      update
        ? call('year:progress-edit', { ...input, updateId: update.id })
        : call('year:progress-add', input),
    )
  }

  return (
    <FormModal
      title={update ? t('year.editUpdate') : t('year.add')}
      size="xl"
      onClose={onClose}
      canSave={date.trim() !== '' && percent !== ''}
      busy={busy}
      error={error}
      onSave={() => void submit()}
    >
      <Group grow>
        <TextInput
          label={t('year.field.date')}
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-testid="progress-date"
        />
        <NativeSelect
          label={t('year.field.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ProgressKind)}
          data={progressKinds.map((k) => ({ value: k, label: t(`year.kind.${k}`) }))}
          data-testid="progress-kind"
        />
        <NumberInput
          label={t('year.field.percent')}
          required
          value={percent}
          onChange={setPercent}
          allowDecimal
          allowNegative
          data-testid="progress-percent"
        />
      </Group>
      <Textarea
        label={t('year.field.text')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={8}
        data-testid="progress-text"
      />
      <Stack gap="xs">
        {opinions.map((o, i) => (
          <Paper key={i} withBorder p="sm" data-testid="opinion-form">
            <Stack gap="xs">
              <Textarea
                label={t('year.field.opinion', { n: i + 1 })}
                value={o.text}
                onChange={(e) => change(i, { text: e.currentTarget.value })}
                autosize
                minRows={1}
              />
              <Group align="flex-end">
                <Checkbox
                  label={t('year.field.answered')}
                  checked={o.answered}
                  onChange={(e) => change(i, { answered: e.currentTarget.checked })}
                  size="md"
                />
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setOpinions((list) => list.filter((_, j) => j !== i))}
                >
                  {t('year.removeOpinion')}
                </Button>
              </Group>
              {o.answered && (
                <Textarea
                  label={t('year.field.answer')}
                  value={o.answer}
                  onChange={(e) => change(i, { answer: e.currentTarget.value })}
                  autosize
                  minRows={1}
                />
              )}
            </Stack>
          </Paper>
        ))}
        <Button
          variant="light"
          onClick={() =>
            setOpinions((list) => [...list, { text: '', answered: false, answer: '' }])
          }
          data-testid="add-opinion"
        >
          {t('year.addOpinion')}
        </Button>
      </Stack>
    </FormModal>
  )
}
