import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import type { MessageKey } from '../../../shared/i18n'
import type { Project } from '../../../shared/protocol/meeting.schema'
import type { AttendanceView } from '../../../shared/protocol/views'
import type {
  ShortfallPolicy,
  ThresholdBase,
  TiePolicy,
  VoteKind,
  VoteRules,
} from '../../../shared/protocol/vote-rules.schema'
import { seatedKinds, voteRulesSchema } from '../../../shared/protocol/vote-rules.schema'
import { summarizeRuleDetails, summarizeRules } from '../../../shared/rules'
import { useI18n } from '../../common/i18n'
import type { VoteDraft } from './presets'
import { changeKind, presetKinds } from './presets'

const bases: ThresholdBase[] = ['roster', 'present', 'valid']

/** What keeps a draft from being saved, in the staff's words. */
export function draftProblems(
  draft: VoteDraft,
): { key: MessageKey; params?: Record<string, number> }[] {
  const out: { key: MessageKey; params?: Record<string, number> }[] = []
  const { rules } = draft
  const n = draft.candidateIds.length
  if (draft.title.trim() === '') out.push({ key: 'prep.vote.problem.title' })
  if (rules.kind === 'motion' && n !== 1) out.push({ key: 'prep.vote.problem.motionOne' })
  else if (n === 0) out.push({ key: 'prep.vote.problem.noCandidates' })
  if (rules.seats !== null && n > 0 && rules.seats > n)
    out.push({ key: 'prep.vote.problem.seats', params: { k: rules.seats, n } })
  if (rules.maxFor !== null && n > 0 && rules.maxFor > n)
    out.push({ key: 'prep.vote.problem.maxFor', params: { k: rules.maxFor, n } })
  if (rules.threshold.numerator > rules.threshold.denominator)
    out.push({ key: 'prep.vote.problem.fraction' })
  if (!voteRulesSchema.safeParse(rules).success && out.length === 0)
    out.push({ key: 'prep.vote.problem.rules' })
  return out
}

/** The plain-Chinese summary of a vote's rules, as the console, screen and archive say it. */
export function RulesSummary({
  rules,
  candidates,
  attendance,
}: {
  rules: VoteRules
  candidates: number
  attendance: AttendanceView | undefined
}) {
  const { lang } = useI18n()
  const counts = attendance ? { roster: attendance.roster } : {}
  return (
    <Stack gap={4}>
      <Text fw={600} data-testid="rules-summary">
        {summarizeRules(rules, candidates, counts, lang)}
      </Text>
      {summarizeRuleDetails(rules, lang).map((line) => (
        <Text key={line} size="sm" c="dimmed">
          · {line}
        </Text>
      ))}
    </Stack>
  )
}

const int = (v: number | string, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fallback

/**
 * The agenda editor for one vote: title, kind, candidates and every rule of the 票决办法, with
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
  const setThreshold = (patch: Partial<VoteRules['threshold']>) =>
    setRules({ threshold: { ...rules.threshold, ...patch } })
  // Candidates stay in the projects' order, whatever order they were ticked in.
  const setCandidates = (ids: string[]) =>
    setDraft((d) => ({
      ...d,
      candidateIds: projects.map((p) => p.id).filter((id) => ids.includes(id)),
    }))
  // A vote keeps candidates that were removed from the projects since: list them too.
  const known = new Set(projects.map((p) => p.id))
  const listed = [
    ...projects.map((p) => ({ id: p.id, title: p.title })),
    ...draft.candidateIds.filter((id) => !known.has(id)).map((id) => ({ id, title: id })),
  ]

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
              <Stack gap={6}>
                <Group justify="space-between">
                  <Text fw={500} size="sm">
                    {t('prep.vote.candidates', { n: draft.candidateIds.length })}
                  </Text>
                  {rules.kind !== 'motion' && !readOnly && (
                    <Group gap="xs">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setCandidates(projects.map((p) => p.id))}
                      >
                        {t('prep.vote.all')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" onClick={() => setCandidates([])}>
                        {t('prep.vote.none')}
                      </Button>
                    </Group>
                  )}
                </Group>
                {listed.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('prep.vote.noProjects')}
                  </Text>
                )}
                {rules.kind === 'motion' ? (
                  <Radio.Group
                    value={draft.candidateIds[0] ?? null}
                    onChange={(id) => setCandidates([id])}
                    description={t('prep.vote.motionHint')}
                  >
                    <Stack gap={4} mt={4}>
                      {listed.map((p) => (
                        <Radio
                          key={p.id}
                          value={p.id}
                          label={`${p.id}\u3000${p.title}`}
                          disabled={readOnly}
                        />
                      ))}
                    </Stack>
                  </Radio.Group>
                ) : (
                  <Checkbox.Group value={draft.candidateIds} onChange={setCandidates}>
                    <SimpleGrid
                      cols={2}
                      spacing="xs"
                      verticalSpacing={4}
                      data-testid="vote-candidates"
                    >
                      {listed.map((p) => (
                        <Checkbox
                          key={p.id}
                          value={p.id}
                          label={`${p.id}\u3000${p.title}`}
                          disabled={readOnly}
                        />
                      ))}
                    </SimpleGrid>
                  </Checkbox.Group>
                )}
              </Stack>

              <Stack gap={6}>
                <Text fw={500} size="sm">
                  {t('prep.vote.threshold')}
                </Text>
                <Group align="flex-end" gap="sm">
                  <Select
                    label={t('prep.vote.base')}
                    data={bases.map((b) => ({ value: b, label: t(`prep.base.${b}`) }))}
                    value={rules.threshold.base}
                    onChange={(v) => v && setThreshold({ base: v as ThresholdBase })}
                    allowDeselect={false}
                    w={150}
                    disabled={readOnly}
                  />
                  <NumberInput
                    label={t('prep.vote.numerator')}
                    value={rules.threshold.numerator}
                    min={1}
                    allowDecimal={false}
                    onChange={(v) => setThreshold({ numerator: Math.max(1, int(v, 1)) })}
                    w={90}
                    disabled={readOnly}
                  />
                  <Text pb={8}>/</Text>
                  <NumberInput
                    label={t('prep.vote.denominator')}
                    value={rules.threshold.denominator}
                    min={1}
                    allowDecimal={false}
                    onChange={(v) => setThreshold({ denominator: Math.max(1, int(v, 2)) })}
                    w={90}
                    disabled={readOnly}
                  />
                  <Select
                    label={t('prep.vote.strict')}
                    data={[
                      { value: 'strict', label: t('prep.vote.strict.yes') },
                      { value: 'reach', label: t('prep.vote.strict.no') },
                    ]}
                    value={rules.threshold.strict ? 'strict' : 'reach'}
                    onChange={(v) => v && setThreshold({ strict: v === 'strict' })}
                    allowDeselect={false}
                    w={190}
                    disabled={readOnly}
                  />
                </Group>
              </Stack>

              {seated && (
                <Group grow align="flex-start">
                  <Radio.Group
                    label={t('prep.vote.tie')}
                    value={rules.tiePolicy}
                    onChange={(v) => setRules({ tiePolicy: v as TiePolicy })}
                  >
                    <Stack gap={4} mt={4}>
                      <Radio value="runoff" label={t('prep.tie.runoff')} disabled={readOnly} />
                      <Radio
                        value="include-all"
                        label={t('prep.tie.include-all')}
                        disabled={readOnly}
                      />
                    </Stack>
                  </Radio.Group>
                  <Radio.Group
                    label={t('prep.vote.shortfall')}
                    value={rules.shortfallPolicy}
                    onChange={(v) => setRules({ shortfallPolicy: v as ShortfallPolicy })}
                  >
                    <Stack gap={4} mt={4}>
                      <Radio
                        value="accept-fewer"
                        label={t('prep.shortfall.accept-fewer')}
                        disabled={readOnly}
                      />
                      <Radio
                        value="runoff-remaining"
                        label={t('prep.shortfall.runoff-remaining')}
                        disabled={readOnly}
                      />
                    </Stack>
                  </Radio.Group>
                </Group>
              )}

              <Switch
                label={t('prep.vote.allowChange')}
                checked={rules.allowChange}
                onChange={(e) => setRules({ allowChange: e.currentTarget.checked })}
                disabled={readOnly}
              />

              <Stack gap={6}>
                <Switch
                  label={t('prep.vote.timeLimit')}
                  checked={rules.timeLimit !== null}
                  onChange={(e) =>
                    setRules({
                      timeLimit: e.currentTarget.checked
                        ? { seconds: 600, onExpiry: 'warn' }
                        : null,
                    })
                  }
                  disabled={readOnly}
                />
                {rules.timeLimit && (
                  <Group align="flex-end" pl="xl">
                    <NumberInput
                      label={t('prep.vote.minutes')}
                      value={rules.timeLimit.seconds / 60}
                      min={1}
                      max={600}
                      allowDecimal={false}
                      onChange={(v) =>
                        setRules({
                          timeLimit: {
                            onExpiry: rules.timeLimit?.onExpiry ?? 'warn',
                            seconds: Math.max(1, int(v, 10)) * 60,
                          },
                        })
                      }
                      w={120}
                      disabled={readOnly}
                    />
                    <Radio.Group
                      value={rules.timeLimit.onExpiry}
                      onChange={(v) =>
                        setRules({
                          timeLimit: {
                            seconds: rules.timeLimit?.seconds ?? 600,
                            onExpiry: v as 'close' | 'warn',
                          },
                        })
                      }
                    >
                      <Group pb={8}>
                        <Radio value="warn" label={t('prep.expiry.warn')} disabled={readOnly} />
                        <Radio value="close" label={t('prep.expiry.close')} disabled={readOnly} />
                      </Group>
                    </Radio.Group>
                  </Group>
                )}
              </Stack>

              <Radio.Group
                label={t('prep.vote.release')}
                value={rules.release}
                onChange={(v) => setRules({ release: v as VoteRules['release'] })}
              >
                <Stack gap={4} mt={4}>
                  <Radio
                    value="on-publish"
                    label={t('prep.release.on-publish')}
                    disabled={readOnly}
                  />
                  <Radio
                    value="immediate"
                    label={t('prep.release.immediate')}
                    disabled={readOnly}
                  />
                </Stack>
              </Radio.Group>
            </Stack>
          </fieldset>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper bg="gray.0" p="md" style={{ position: 'sticky', top: 80 }}>
            <Text size="sm" c="dimmed" mb={6}>
              {t('prep.vote.summary')}
            </Text>
            <RulesSummary
              rules={rules}
              candidates={draft.candidateIds.length}
              attendance={attendance}
            />
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
