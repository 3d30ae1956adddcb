import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { ConsoleDeputyView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import type { Call } from '../console-socket'

interface Fields {
  name: string
  delegation: string
  seat: string
  idLast4: string
  note: string
}

const empty: Fields = { name: '', delegation: '', seat: '', idLast4: '', note: '' }

/** Adds a deputy by hand (`deputy` null) or edits one; the host checks seats and duplicates. */
export function DeputyForm({
  deputy,
  opened,
  onClose,
  call,
  roster,
}: {
  deputy: ConsoleDeputyView | null
  opened: boolean
  onClose: () => void
  call: Call
  /** The others, to say at once when a seat or a person is taken (the host checks again). */
  roster: readonly ConsoleDeputyView[]
}) {
  const { t, errorText } = useI18n()
  const [fields, setFields] = useState<Fields>(() =>
    deputy
      ? {
          name: deputy.name,
          delegation: deputy.delegation,
          seat: deputy.seat,
          idLast4: deputy.idLast4 ?? '',
          note: deputy.note,
        }
      : empty,
  )
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (key: keyof Fields) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setFields((f) => ({ ...f, [key]: value }))
  }

  const idOk = fields.idLast4.trim() === '' || /^\d{3}[\dXx]$/.test(fields.idLast4.trim())
  const others = roster.filter((d) => d.id !== deputy?.id)
  const seatOf = others.find((d) => d.seat === fields.seat.trim())
  const same = others.find(
    (d) => d.name === fields.name.trim() && d.delegation === fields.delegation.trim(),
  )
  const complete =
    !seatOf &&
    !same &&
    fields.name.trim() !== '' &&
    fields.delegation.trim() !== '' &&
    fields.seat.trim() !== ''

  const save = async () => {
    setBusy(true)
    const input = {
      name: fields.name,
      delegation: fields.delegation,
      seat: fields.seat,
      idLast4: fields.idLast4.trim() === '' ? null : fields.idLast4.trim(),
      note: fields.note,
    }
    const result = deputy
      ? await call('deputy:update', { deputyId: deputy.id, ...input })
      : await call('deputy:add', input)
    setBusy(false)
    if (result.ok) onClose()
    else setError(errorText(result.error))
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={deputy ? t('prep.deputy.edit', { name: deputy.name }) : t('prep.deputy.add')}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (complete && idOk) void save()
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('prep.col.name')}
            required
            value={fields.name}
            onChange={set('name')}
            data-autofocus
          />
          <TextInput
            label={t('prep.col.delegation')}
            required
            value={fields.delegation}
            onChange={set('delegation')}
            error={same ? t('prep.deputy.exists', { name: same.name, id: same.id }) : null}
          />
          <TextInput
            label={t('prep.col.seat')}
            required
            value={fields.seat}
            onChange={set('seat')}
            error={
              seatOf ? t('prep.deputy.seatTaken', { seat: seatOf.seat, name: seatOf.name }) : null
            }
          />
          <TextInput
            label={t('prep.col.idLast4')}
            description={t('prep.deputy.idLast4Hint')}
            value={fields.idLast4}
            onChange={set('idLast4')}
            error={idOk ? null : t('prep.deputy.idLast4Bad')}
            maxLength={4}
          />
          <Textarea
            label={t('prep.col.note')}
            value={fields.note}
            onChange={set('note')}
            autosize
            minRows={1}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!complete || !idOk} loading={busy}>
              {t('prep.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
