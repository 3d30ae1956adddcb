import { Button, Group, Text } from '@mantine/core'
import type { BudgetUnit } from '../../../shared/protocol/preparation.schema'
import { budgetUnits } from '../../../shared/protocol/preparation.schema'
import { useI18n } from '../../common/i18n'

const unitKey = {
  元: 'prep.import.unit.yuan',
  万元: 'prep.import.unit.wan',
  亿元: 'prep.import.unit.yi',
} as const satisfies Record<BudgetUnit, string>

/**
 * The preview's question when the money column's header names no unit: staff say which it is
 * (the host never guesses: 1200 元 and 1200 万元 differ ten thousand times), and the file is
 * read again in it.
 */
export function UnitQuestion({
  column,
  onAnswer,
}: {
  column: string
  onAnswer: (unit: BudgetUnit) => void
}) {
  const { t } = useI18n()
  return (
    <Group gap="xs" mt="sm" data-testid="budget-unit-question">
      <Text fw={700}>{t('prep.import.unitAsk', { column })}</Text>
      {budgetUnits.map((unit) => (
        <Button
          key={unit}
          size="sm"
          variant="default"
          onClick={() => onAnswer(unit)}
          data-testid={`budget-unit-${unit}`}
        >
          {t(unitKey[unit])}
        </Button>
      ))}
      <Text size="sm" c="dimmed">
        {t('prep.import.unitHint')}
      </Text>
    </Group>
  )
}
