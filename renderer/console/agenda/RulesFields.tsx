import { Group, NumberInput, Select, Stack, Switch, Text } from '@mantine/core'
import type {
  ShortfallPolicy,
  ThresholdBase,
  TiePolicy,
  VoteRules,
} from '../../../shared/protocol/vote-rules.schema'
import { useI18n } from '../../common/i18n'
import { Choices } from './Choices'
import { int } from './vote-draft'

const bases: ThresholdBase[] = ['roster', 'present', 'valid']

/**
 * The rules of the 票决办法 beyond kind and seats: the threshold, tie and shortfall policy,
 * changes before close, the time limit and when results are released.
 */
export function RulesFields({
  rules,
  seated,
  readOnly,
  setRules,
}: {
  rules: VoteRules
  /** Select and per-item votes fill seats, so ties and shortfalls apply to them only. */
  seated: boolean
  readOnly: boolean
  setRules: (patch: Partial<VoteRules>) => void
}) {
  const { t } = useI18n()
  const setThreshold = (patch: Partial<VoteRules['threshold']>) =>
    setRules({ threshold: { ...rules.threshold, ...patch } })
  const limit = rules.timeLimit

  return (
    <>
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
          <Choices<TiePolicy>
            label={t('prep.vote.tie')}
            value={rules.tiePolicy}
            onChange={(tiePolicy) => setRules({ tiePolicy })}
            options={[
              { value: 'runoff', label: t('prep.tie.runoff') },
              { value: 'include-all', label: t('prep.tie.include-all') },
            ]}
            disabled={readOnly}
          />
          <Choices<ShortfallPolicy>
            label={t('prep.vote.shortfall')}
            value={rules.shortfallPolicy}
            onChange={(shortfallPolicy) => setRules({ shortfallPolicy })}
            options={[
              { value: 'accept-fewer', label: t('prep.shortfall.accept-fewer') },
              { value: 'runoff-remaining', label: t('prep.shortfall.runoff-remaining') },
            ]}
            disabled={readOnly}
          />
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
          checked={limit !== null}
          onChange={(e) =>
            setRules({
              timeLimit: e.currentTarget.checked ? { seconds: 600, onExpiry: 'warn' } : null,
            })
          }
          disabled={readOnly}
        />
        {limit && (
          <Group align="flex-end" pl="xl">
            <NumberInput
              label={t('prep.vote.minutes')}
              value={limit.seconds / 60}
              min={1}
              max={600}
              allowDecimal={false}
              onChange={(v) =>
                setRules({ timeLimit: { ...limit, seconds: Math.max(1, int(v, 10)) * 60 } })
              }
              w={120}
              disabled={readOnly}
            />
            <Choices<'close' | 'warn'>
              inline
              value={limit.onExpiry}
              onChange={(onExpiry) => setRules({ timeLimit: { ...limit, onExpiry } })}
              options={[
                { value: 'warn', label: t('prep.expiry.warn') },
                { value: 'close', label: t('prep.expiry.close') },
              ]}
              disabled={readOnly}
            />
          </Group>
        )}
      </Stack>

      <Choices<VoteRules['release']>
        label={t('prep.vote.release')}
        value={rules.release}
        onChange={(release) => setRules({ release })}
        options={[
          { value: 'on-publish', label: t('prep.release.on-publish') },
          { value: 'immediate', label: t('prep.release.immediate') },
        ]}
        disabled={readOnly}
      />
    </>
  )
}
