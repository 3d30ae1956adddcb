import { Group, NumberInput, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { YearProject } from '../../../shared/year/year.schema'
import { useI18n } from '../../common/i18n'
import { FormModal, useFormSave } from '../components/FormModal'
import type { Call } from '../console-socket'

/** A year project's details: title, lead unit, budget, planned completion, responsible person. */
export function DetailsForm({
  project,
  call,
  onClose,
}: {
  project: YearProject
  call: Call
  onClose: () => void
}) {
  const { t } = useI18n()
  const [title, setTitle] = useState(project.title)
  const [leadUnit, setLeadUnit] = useState(project.leadUnit)
  const [budget, setBudget] = useState<number | string>(project.budget ?? '')
  const [planned, setPlanned] = useState(project.plannedCompletion)
  const [responsible, setResponsible] = useState(project.responsible)
  const { busy, error, save } = useFormSave(onClose)
  const submit = () =>
    save(() =>
      call('year:project-update', {
        projectId: project.id,
        title,
        leadUnit,
        budget: typeof budget === 'number' ? budget : null,
        plannedCompletion: planned.trim(),
        responsible,
      }),
    )
  return (
    <FormModal
      title={t('year.edit')}
      size="lg"
      onClose={onClose}
      canSave={title.trim() !== ''}
      busy={busy}
      error={error}
      onSave={() => void submit()}
    >
      <TextInput
        label={t('year.field.title')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Group grow>
        <TextInput
          label={t('year.field.lead')}
          value={leadUnit}
          onChange={(e) => setLeadUnit(e.currentTarget.value)}
        />
        <NumberInput
          label={t('year.field.budget')}
          value={budget}
          onChange={setBudget}
          min={0}
          decimalScale={2}
        />
      </Group>
      <Group grow>
        <TextInput
          label={t('year.field.planned')}
          value={planned}
          onChange={(e) => setPlanned(e.currentTarget.value)}
          placeholder="2027-12-31"
          data-testid="planned-input"
        />
        <TextInput
          label={t('year.field.responsible')}
          value={responsible}
          onChange={(e) => setResponsible(e.currentTarget.value)}
        />
      </Group>
    </FormModal>
  )
}
