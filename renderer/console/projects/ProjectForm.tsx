import { Group, NumberInput, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { Project } from '../../../shared/protocol/meeting.schema'
import { useI18n } from '../../common/i18n'
import { FormModal, useFormSave } from '../components/FormModal'
import type { Call } from '../console-socket'

/** Adds a project by hand (`project` null) or edits one; draft votes follow the new title. */
export function ProjectForm({
  project,
  onClose,
  call,
}: {
  project: Project | null
  onClose: () => void
  call: Call
}) {
  const { t } = useI18n()
  const [id, setId] = useState(project?.id ?? '')
  const [title, setTitle] = useState(project?.title ?? '')
  const [summary, setSummary] = useState(project?.summary ?? '')
  const [leadUnit, setLeadUnit] = useState(project?.leadUnit ?? '')
  const [budget, setBudget] = useState<number | string>(project?.budget ?? '')
  const [category, setCategory] = useState(project?.category ?? '')
  const [completion, setCompletion] = useState(project?.completion ?? '')
  const { busy, error, save: run } = useFormSave(onClose)
  const complete = id.trim() !== '' && title.trim() !== ''

  const save = () => {
    const input = {
      id,
      title,
      summary,
      leadUnit,
      budget: typeof budget === 'number' ? budget : null,
      category,
      completion,
    }
    return run(() =>
      project
        ? call('project:update', { projectId: project.id, ...input })
        : call('project:add', input),
    )
  }

  return (
    <FormModal
      title={project ? t('prep.project.edit', { id: project.id }) : t('prep.project.add')}
      size="lg"
      onClose={onClose}
      canSave={complete}
      busy={busy}
      error={error}
      onSave={() => void save()}
    >
      <Group grow>
        <TextInput
          label={t('prep.col.number')}
          required
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          maxLength={32}
        />
        <TextInput
          label={t('prep.col.category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
        />
      </Group>
      <TextInput
        label={t('prep.col.title')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Textarea
        label={t('prep.col.summary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={6}
      />
      <Group grow>
        <TextInput
          label={t('prep.col.leadUnit')}
          value={leadUnit}
          onChange={(e) => setLeadUnit(e.currentTarget.value)}
        />
        <NumberInput
          label={t('prep.col.budget')}
          value={budget}
          onChange={setBudget}
          min={0}
          decimalScale={2}
          thousandSeparator=","
        />
        <TextInput
          label={t('prep.col.completion')}
          description={t('prep.completion.hint')}
          value={completion}
          onChange={(e) => setCompletion(e.currentTarget.value)}
          maxLength={20}
          data-testid="project-completion"
        />
      </Group>
    </FormModal>
  )
}
