import { Alert, Checkbox, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { AppError } from '../../../shared/protocol/envelope'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import {
  emptyMeetingDetails,
  meetingDetailLimits,
  meetingDetailsSchema,
} from '../../../shared/protocol/meeting-details.schema'
import { useI18n } from '../../common/i18n'
import { FormModal } from '../components/FormModal'

export interface MeetingAbout {
  title: string
  details: MeetingDetails
  rehearsal: boolean
}

type Field = keyof MeetingDetails

/**
 * What is wrong with each detail, in the page's language, before anything is sent: the host
 * checks the same schema (meeting-details.schema.ts) and refuses what this lets through.
 */
function detailProblems(details: MeetingDetails): Partial<Record<Field, ProblemKey>> {
  const parsed = meetingDetailsSchema.safeParse(details)
  if (parsed.success) return {}
  const problems: Partial<Record<Field, ProblemKey>> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field
    problems[field] ??=
      field === 'date'
        ? 'hall.details.badDate'
        : issue.code === 'too_big'
          ? 'hall.details.tooLong'
          : 'hall.details.oneLine'
  }
  return problems
}
type ProblemKey = 'hall.details.badDate' | 'hall.details.tooLong' | 'hall.details.oneLine'

/**
 * A meeting's name, and (when asked) its details and whether it is a rehearsal: one form for
 * creating a meeting, editing the open one, renaming or copying one.
 */
export function MeetingDialog({
  title,
  hint,
  initial,
  withDetails,
  withRehearsal,
  rehearsalLocked = false,
  onClose,
  onSave,
}: {
  title: string
  hint: string | null
  initial: MeetingAbout
  withDetails: boolean
  withRehearsal: boolean
  /** A vote of the meeting has opened: the flag stays as it is (the host refuses it too). */
  rehearsalLocked?: boolean
  onClose: () => void
  onSave: (about: MeetingAbout) => Promise<AppError | null>
}) {
  const { t, errorText } = useI18n()
  const [name, setName] = useState(initial.title)
  const [details, setDetails] = useState<MeetingDetails>({
    ...emptyMeetingDetails,
    ...initial.details,
  })
  const [rehearsal, setRehearsal] = useState(initial.rehearsal)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const problems = withDetails ? detailProblems(details) : {}
  const submit = async () => {
    setBusy(true)
    const failure = await onSave({ title: name.trim(), details, rehearsal })
    setBusy(false)
    if (failure) setError(errorText(failure))
  }
  const field = (key: Field, label: string, placeholder?: string, type = 'text') => (
    <TextInput
      label={label}
      placeholder={placeholder}
      type={type}
      value={details[key]}
      onChange={(e) => {
        const value = e.currentTarget.value
        setDetails((d) => ({ ...d, [key]: value }))
      }}
      error={
        problems[key] &&
        t(problems[key], { field: label, max: key === 'date' ? 0 : meetingDetailLimits[key] })
      }
      data-testid={`meeting-${key}`}
    />
  )
  return (
    <FormModal
      title={title}
      size={withDetails ? 'lg' : undefined}
      onClose={onClose}
      canSave={name.trim() !== '' && Object.keys(problems).length === 0}
      busy={busy}
      error={error}
      onSave={() => void submit()}
    >
      {hint && (
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
      )}
      <TextInput
        label={t('prep.meeting.title')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        maxLength={200}
        data-autofocus
        data-testid="meeting-title"
      />
      {withDetails && (
        <Stack gap="xs">
          {field('session', t('hall.details.session'), t('hall.details.sessionHint'))}
          <SimpleGrid cols={2}>
            {field('date', t('hall.details.date'), undefined, 'date')}
            {field('presiding', t('hall.details.presiding'))}
          </SimpleGrid>
          {field('venue', t('hall.details.venue'), t('hall.details.venueHint'))}
          <Text size="sm" c="gray.7">
            {t('hall.details.printed')}
          </Text>
        </Stack>
      )}
      {withRehearsal && (
        <Stack gap={4}>
          <Checkbox
            size="md"
            label={t('hall.rehearsal.flag')}
            description={t('hall.rehearsal.flagHint')}
            checked={rehearsal}
            disabled={rehearsalLocked}
            onChange={(e) => setRehearsal(e.currentTarget.checked)}
            data-testid="meeting-rehearsal"
          />
          {rehearsalLocked && (
            <Alert color="gray" p="xs">
              {t('hall.rehearsal.locked')}
            </Alert>
          )}
        </Stack>
      )}
    </FormModal>
  )
}
