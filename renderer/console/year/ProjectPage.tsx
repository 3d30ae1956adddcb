import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { newestFirst } from '../../../shared/year/year-rules'
import { chinaDateOf } from '../../../shared/year/year.schema'
import type { ProgressEntry, ProgressUpdate, YearProject } from '../../../shared/year/year.schema'
import { chinaDateTime } from '../../../shared/i18n/audit-sentence'
import { useI18n } from '../../common/i18n'
import type { Call } from '../console-socket'
import { DetailsForm } from './DetailsForm'
import { GradeText } from './GradeText'
import { ProgressForm } from './ProgressForm'

/** One project's year: its details, its updates newest first with opinions and answers, and forms. */
export function ProjectPage({
  project,
  today,
  call,
  onChanged,
  onBack,
}: {
  project: YearProject
  today: string
  call: Call
  onChanged: () => Promise<void>
  onBack: () => void
}) {
  const { t } = useI18n()
  const [form, setForm] = useState<'details' | 'new' | ProgressUpdate | null>(null)
  const close = () => {
    setForm(null)
    void onChanged()
  }
  const updates = newestFirst(project.updates)
  const none = t('year.none')
  return (
    <Stack data-testid="project-page">
      <Group>
        <Button variant="subtle" onClick={onBack} data-testid="back-to-board">
          {t('year.back')}
        </Button>
      </Group>
      <Title order={2}>
        {project.id} {project.title}
      </Title>
      {project.withdrawn && (
        <Alert color="gray">{t('year.withdrawnBy', { reason: project.withdrawn.reason })}</Alert>
      )}
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text>
              {t('year.field.lead')}：{project.leadUnit || none}
            </Text>
            <Text>
              {t('year.field.responsible')}：{project.responsible || none}
            </Text>
            <Text>
              {t('year.field.budget')}：{project.budget ?? none}
            </Text>
            <Text>
              {t('year.col.planned')}：{project.plannedCompletion || none}
            </Text>
            <Text size="sm" c="dimmed">
              {t('year.madeBy', { vote: project.voteTitle, date: chinaDateOf(project.madeAt) })}
            </Text>
            <GradeText project={project} />
            {project.detailsEarlier.length > 0 && (
              <details>
                <summary>{t('year.detailsEarlier', { n: project.detailsEarlier.length })}</summary>
                <List size="sm">
                  {project.detailsEarlier.map((d, i) => (
                    <List.Item key={i}>
                      {d.title} · {d.leadUnit || none} · {d.responsible || none} ·{' '}
                      {d.budget ?? none} · {d.plannedCompletion || none}（
                      {chinaDateTime(d.replacedAt)}）
                    </List.Item>
                  ))}
                </List>
              </details>
            )}
          </Stack>
          <Button variant="default" onClick={() => setForm('details')} data-testid="edit-details">
            {t('year.edit')}
          </Button>
        </Group>
      </Card>
      <Group justify="space-between">
        <Title order={3}>{t('year.updates')}</Title>
        <Button size="md" onClick={() => setForm('new')} data-testid="add-progress">
          {t('year.add')}
        </Button>
      </Group>
      {updates.length === 0 && <Text c="dimmed">{t('year.noUpdates')}</Text>}
      {updates.map((u) => (
        <Card key={u.id} withBorder data-testid="progress-update">
          <Group justify="space-between" align="flex-start">
            <Entry entry={u} />
            <Button variant="default" onClick={() => setForm(u)}>
              {t('year.editUpdate')}
            </Button>
          </Group>
          {u.earlier.length > 0 && (
            <details>
              <summary>{t('year.earlier', { n: u.earlier.length })}</summary>
              <Stack gap="xs" pl="md" pt="xs">
                {u.earlier.map((e, i) => (
                  <Entry key={i} entry={e} />
                ))}
              </Stack>
            </details>
          )}
        </Card>
      ))}
      {form === 'details' && <DetailsForm project={project} call={call} onClose={close} />}
      {form !== null && form !== 'details' && (
        <ProgressForm
          projectId={project.id}
          update={form === 'new' ? null : form}
          today={today}
          call={call}
          onClose={close}
        />
      )}
    </Stack>
  )
}

function Entry({ entry }: { entry: ProgressEntry }) {
  const { t } = useI18n()
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={700}>{entry.date}</Text>
        <Badge variant="light">{t(`year.kind.${entry.kind}`)}</Badge>
        <Text fw={700}>{entry.percent}%</Text>
        <Text size="sm" c="dimmed">
          {t('year.recordedAt', { time: chinaDateTime(entry.recordedAt) })}
        </Text>
      </Group>
      {entry.text && <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Text>}
      {entry.opinions.length > 0 && (
        <List size="sm" data-testid="opinions">
          {entry.opinions.map((o, i) => (
            <List.Item key={i}>
              {t('year.opinions')}：{o.text} —{' '}
              {o.answered ? (
                t('year.answered', { answer: o.answer })
              ) : (
                <Text span fw={700} c="orange.9">
                  {t('year.unanswered')}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}
