import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import type { Project } from '../../../shared/protocol/meeting.schema'
import type { AttendanceView } from '../../../shared/protocol/views'
import type { VoteKind, VoteRules } from '../../../shared/protocol/vote-rules.schema'
import { seatedKinds } from '../../../shared/protocol/vote-rules.schema'
import { useI18n } from '../../common/i18n'
import { CandidatePicker } from './CandidatePicker'
import type { VoteDraft } from './presets'
import { ballotSize, changeKind, presetKinds } from './presets'
import { MotionFields } from './MotionFields'
import { RulesFields } from './RulesFields'
import { RulesSummary } from './RulesSummary'
import { draftProblems, int } from './vote-draft'

/**
 * The agenda editor for one vote: title, kind, candidates (or a motion's text) and every rule of the 票决办法, with
 * the summary beside it as staff change them. A vote that has opened is shown read-only.
 */
export function VoteEditor({
  initial,
  projects,
  attendance,
  readOnly,
  isNew,
  onSave,
  onCancel,
}: {
  initial: VoteDraft
  projects: readonly Project[]
  attendance: AttendanceView | undefined
  readOnly: boolean
  isNew: boolean
  /** Resolves with an error text, or null when saved. */
  onSave: (draft: VoteDraft) => Promise<string | null>
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<VoteDraft>(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { rules } = draft
  const seated = seatedKinds.includes(rules.kind)
  const problems = draftProblems(draft)
  const setRules = (patch: Partial<VoteRules>) =>
    setDraft((d) => ({ ...d, rules: { ...d.rules, ...patch } }))
  const save = async () => {
    setBusy(true)
    const failure = await onSave(draft)
    setBusy(false)
    setError(failure)
  }

  return (
    <Paper withBorder p="md" data-testid="vote-editor">
      <Group justify="space-between" mb="md">
        <Group>
          <Title order={4}>
            {readOnly ? t('prep.vote.view') : isNew ? t('prep.vote.new') : t('prep.vote.edit')}
          </Title>
          {readOnly && <Badge color="gray">{t('prep.vote.locked')}</Badge>}
        </Group>
        <Group>
          <Button variant="default" onClick={onCancel}>
            {readOnly ? t('prep.back') : t('common.cancel')}
          </Button>
          {!readOnly && (
            <Button
              onClick={() => void save()}
              disabled={problems.length > 0}
              loading={busy}
              data-testid="vote-save"
            >
              {t('prep.save')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="md">
              <TextInput
                label={t('prep.vote.title')}
                value={draft.title}
                onChange={(e) => {
                  const title = e.currentTarget.value
                  setDraft((d) => ({ ...d, title }))
                }}
                required
                disabled={readOnly}
              />
              <Group grow align="flex-start">
                <Select
                  label={t('prep.vote.kind')}
                  data={presetKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  value={rules.kind}
                  onChange={(v) => v && setDraft((d) => changeKind(d, v as VoteKind))}
                  allowDeselect={false}
                  disabled={readOnly}
                />
                {seated && (
                  <>
                    <NumberInput
                      label={t('prep.vote.seats')}
                      value={rules.seats ?? 1}
                      min={1}
                      max={Math.max(1, draft.candidateIds.length)}
                      allowDecimal={false}
                      onChange={(v) => setRules({ seats: Math.max(1, int(v, 1)) })}
                      disabled={readOnly}
                    />
                    {rules.kind === 'per-item' && (
                      <NumberInput
                        label={t('prep.vote.maxFor')}
                        placeholder={t('prep.vote.maxForHint')}
                        value={rules.maxFor ?? ''}
                        min={1}
                        allowDecimal={false}
                        onChange={(v) =>
                          setRules({ maxFor: v === '' ? null : Math.max(1, int(v, 1)) })
                        }
                        disabled={readOnly}
                      />
                    )}
                  </>
                )}
              </Group>
              {rules.kind === 'motion' ? (
                <MotionFields
                  value={draft.motion}
                  readOnly={readOnly}
                  onChange={(motion) => setDraft((d) => ({ ...d, motion }))}
                />
              ) : (
                <CandidatePicker
                  projects={projects}
                  value={draft.candidateIds}
                  readOnly={readOnly}
                  onChange={(candidateIds) => setDraft((d) => ({ ...d, candidateIds }))}
                />
              )}

              <RulesFields rules={rules} seated={seated} readOnly={readOnly} setRules={setRules} />
            </Stack>
          </fieldset>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper bg="gray.0" p="md" style={{ position: 'sticky', top: 80 }}>
            <Text size="sm" c="dimmed" mb={6}>
              {t('prep.vote.summary')}
            </Text>
            <RulesSummary rules={rules} candidates={ballotSize(draft)} attendance={attendance} />
            {problems.length > 0 && !readOnly && (
              <Alert color="orange" mt="md" data-testid="vote-problems">
                <Stack gap={2}>
                  {problems.map((p) => (
                    <Text key={p.key} size="sm">
                      {t(p.key, p.params)}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
            {error && (
              <Alert color="red" mt="md" role="alert">
                {error}
              </Alert>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Paper>
  )
}
