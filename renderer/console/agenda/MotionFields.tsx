import { Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { MotionText } from '../../../shared/protocol/motion.schema'
import { motionLimits } from '../../../shared/protocol/motion.schema'
import { useI18n } from '../../common/i18n'

/**
 * A 决议表决's subject, typed in instead of candidates: the motion's title, its 文号 and a
 * summary, as the tablets, the screen and the report show them.
 */
export function MotionFields({
  value,
  readOnly,
  onChange,
}: {
  value: MotionText
  readOnly: boolean
  onChange: (motion: MotionText) => void
}) {
  const { t } = useI18n()
  const set = (patch: Partial<MotionText>) => onChange({ ...value, ...patch })
  return (
    <Stack gap="xs" data-testid="motion-fields">
      <Text fw={500} size="sm">
        {t('prep.vote.motion')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('prep.vote.motionHint')}
      </Text>
      <TextInput
        label={t('prep.vote.motionTitle')}
        placeholder={t('prep.vote.motionTitlePlaceholder')}
        value={value.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        maxLength={motionLimits.title}
        required
        disabled={readOnly}
        data-testid="motion-title"
      />
      <TextInput
        label={t('prep.vote.docNumber')}
        placeholder={t('prep.vote.docNumberPlaceholder')}
        value={value.docNumber}
        onChange={(e) => set({ docNumber: e.currentTarget.value })}
        maxLength={motionLimits.docNumber}
        disabled={readOnly}
        data-testid="motion-doc-number"
      />
      <Textarea
        label={t('prep.vote.motionSummary')}
        description={t('prep.vote.motionSummaryHint')}
        value={value.summary}
        onChange={(e) => set({ summary: e.currentTarget.value })}
        maxLength={motionLimits.summary}
        autosize
        minRows={3}
        maxRows={8}
        disabled={readOnly}
        data-testid="motion-summary"
      />
    </Stack>
  )
}
