import { TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { ConsoleDeputyView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { FormModal, useFormSave } from '../components/FormModal'
import type { Call } from '../console-socket'

interface Fields {
  number: string
  name: string
  delegation: string
  seat: string
  idLast4: string
  note: string
}

const empty: Fields = { number: '', name: '', delegation: '', seat: '', idLast4: '', note: '' }

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
  const { t } = useI18n()
  const [fields, setFields] = useState<Fields>(() =>
    deputy
      ? {
          number: deputy.number,
          name: deputy.name,
          delegation: deputy.delegation,
          seat: deputy.seat,
          idLast4: deputy.idLast4 ?? '',
          note: deputy.note,
        }
      : empty,
  )
  const { busy, error, save: run } = useFormSave(onClose)
  const set = (key: keyof Fields) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setFields((f) => ({ ...f, [key]: value }))
  }

  const idOk = fields.idLast4.trim() === '' || /^\d{3}[\dXx]$/.test(fields.idLast4.trim())
  const others = roster.filter((d) => d.id !== deputy?.id)
  const seatOf = others.find((d) => d.seat === fields.seat.trim())
  const numberOf = others.find((d) => d.number !== '' && d.number === fields.number.trim())
  const same = others.find(
    (d) => d.name === fields.name.trim() && d.delegation === fields.delegation.trim(),
  )
  const complete =
    !seatOf &&
    !same &&
    !numberOf &&
    fields.name.trim() !== '' &&
    fields.delegation.trim() !== '' &&
    fields.seat.trim() !== ''

  const save = () => {
    const input = {
      number: fields.number,
      name: fields.name,
      delegation: fields.delegation,
      seat: fields.seat,
      idLast4: fields.idLast4.trim() === '' ? null : fields.idLast4.trim(),
      note: fields.note,
    }
    return run(() =>
      deputy ? call('deputy:update', { deputyId: deputy.id, ...input }) : call('deputy:add', input),
    )
  }

  return (
    <FormModal
      title={deputy ? t('prep.deputy.edit', { name: deputy.name }) : t('prep.deputy.add')}
      opened={opened}
      onClose={onClose}
      canSave={complete && idOk}
      busy={busy}
      error={error}
      onSave={() => void save()}
    >
      <TextInput
        label={t('prep.col.name')}
        required
        value={fields.name}
        onChange={set('name')}
        data-autofocus
      />
      <TextInput
        label={t('prep.col.deputyNumber')}
        description={t('prep.deputy.numberHint')}
        value={fields.number}
        onChange={set('number')}
        maxLength={32}
        error={
          numberOf
            ? t('prep.deputy.numberTaken', { number: numberOf.number, name: numberOf.name })
            : null
        }
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
        error={seatOf ? t('prep.deputy.seatTaken', { seat: seatOf.seat, name: seatOf.name }) : null}
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
    </FormModal>
  )
}
