import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { DutyState, PointsRule } from '../../../shared/duty/duty.schema'
import { dutyStates } from '../../../shared/duty/duty.schema'
import { signedPoints } from '../../../shared/duty/points'
import { ConfirmButton } from '../../common/ConfirmButton'
import { useI18n } from '../../common/i18n'
import { FormModal, useFormSave } from '../components/FormModal'
import type { ConsoleApi } from '../use-console'

/**
 * 积分规则: the points each meeting gives for 出席 / 请假 / 缺席, set by staff, shown as a rule
 * (出席 +2 分，请假 0 分，缺席 −1 分) and audited; with none, the export's 积分 column is blank.
 */
export function PointsRulePanel({
  api,
  rule,
  onChanged,
}: {
  api: ConsoleApi
  rule: PointsRule | null
  onChanged: () => Promise<void>
}) {
  const { t } = useI18n()
  const [editing, setEditing] = useState(false)
  return (
    <Card withBorder data-testid="duty-points">
      <Group justify="space-between" align="center">
        <div>
          <Title order={4}>{t('duty.points.title')}</Title>
          <Text data-testid="duty-points-rule">
            {rule
              ? t('duty.points.rule', {
                  present: signedPoints(rule.present),
                  leave: signedPoints(rule.leave),
                  absent: signedPoints(rule.absent),
                })
              : t('duty.points.none')}
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={() => setEditing(true)} data-testid="duty-points-edit">
            {rule ? t('duty.points.edit') : t('duty.points.set')}
          </Button>
          {rule && (
            <ConfirmButton
              variant="default"
              color="red"
              label={t('duty.points.clear')}
              confirm={t('duty.points.clear.confirm')}
              onConfirm={() =>
                void api.send('duty:points-rule', { rule: null }).then(() => onChanged())
              }
            />
          )}
        </Group>
      </Group>
      {editing && (
        <RuleForm
          api={api}
          rule={rule}
          onClose={() => {
            setEditing(false)
            void onChanged()
          }}
        />
      )}
    </Card>
  )
}

function RuleForm({
  api,
  rule,
  onClose,
}: {
  api: ConsoleApi
  rule: PointsRule | null
  onClose: () => void
}) {
  const { t } = useI18n()
  const [values, setValues] = useState<Record<DutyState, number | string>>({
    present: rule?.present ?? 2,
    leave: rule?.leave ?? 0,
    absent: rule?.absent ?? -1,
  })
  const { busy, error, save } = useFormSave(onClose)
  return (
    <FormModal
      title={t('duty.points.title')}
      onClose={onClose}
      canSave={!busy}
      busy={busy}
      error={error}
      onSave={() =>
        void save(() =>
          api.call('duty:points-rule', {
            // A blank field goes as null, which the host refuses naming it: never a silent 0.
            rule: {
              present: asNumber(values.present),
              leave: asNumber(values.leave),
              absent: asNumber(values.absent),
            },
          }),
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t('duty.points.hint')}
      </Text>
      <Group grow>
        {dutyStates.map((state) => (
          <NumberInput
            key={state}
            label={t(`duty.points.${state}`)}
            value={values[state]}
            onChange={(v) => setValues((before) => ({ ...before, [state]: v }))}
            allowDecimal
            data-testid={`duty-points-${state}`}
          />
        ))}
      </Group>
    </FormModal>
  )
}

function asNumber(value: number | string): number {
  return value === '' ? Number.NaN : Number(value)
}
