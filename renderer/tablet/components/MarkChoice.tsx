import { SimpleGrid, UnstyledButton } from '@mantine/core'
import type { Mark } from '../../../shared/protocol/marks'
import { useI18n } from '../../common/i18n'

/** How each mark reads at a glance: assent green, dissent red, the rest neutral. */
const markColor: Record<Mark, string> = {
  for: 'green',
  satisfied: 'green',
  basic: 'blue',
  against: 'red',
  unsatisfied: 'red',
  abstain: 'gray',
}

/**
 * One item's explicit mark (赞成/反对/弃权, or 满意/基本满意/不满意/弃权): a row of large
 * buttons, at least 56 px high, one of which must be chosen. Nothing is chosen by default.
 */
export function MarkChoice({
  itemId,
  label,
  options,
  value,
  onChange,
}: {
  itemId: string
  label: string
  options: readonly Mark[]
  value: Mark | undefined
  onChange: (mark: Mark) => void
}) {
  const { t } = useI18n()
  return (
    <SimpleGrid cols={options.length} spacing="xs" role="radiogroup" aria-label={label}>
      {options.map((mark) => {
        const chosen = value === mark
        const color = markColor[mark]
        return (
          <UnstyledButton
            key={mark}
            role="radio"
            aria-checked={chosen}
            data-testid={`mark-${itemId}-${mark}`}
            onClick={() => onChange(mark)}
            style={{
              minHeight: 56,
              borderRadius: 'var(--mantine-radius-md)',
              border: `2px solid var(--mantine-color-${color}-${chosen ? 7 : 3})`,
              background: chosen ? `var(--mantine-color-${color}-7)` : 'var(--mantine-color-white)',
              color: chosen ? 'var(--mantine-color-white)' : `var(--mantine-color-${color}-8)`,
              fontSize: 'var(--mantine-font-size-xl)',
              fontWeight: 700,
              textAlign: 'center',
              padding: '8px 4px',
            }}
          >
            {chosen ? '● ' : ''}
            {t(`mark.${mark}`)}
          </UnstyledButton>
        )
      })}
    </SimpleGrid>
  )
}
