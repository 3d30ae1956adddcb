import { SimpleGrid, UnstyledButton } from '@mantine/core'
import type { Mark } from '../../../shared/protocol/marks'
import { useI18n } from '../i18n'

/**
 * How each mark reads at a glance: assent green, dissent red, the rest neutral; each dark enough
 * for white text on it (≥ 6:1) and for itself as text on white. Colour is never the only sign:
 * the chosen one is filled, drawn with a thicker border and marked ✓, so 赞成 and 反对 stay
 * apart for red-green colour-blind eyes too.
 */
const markInk: Record<Mark, string> = {
  for: '#1b5e20',
  satisfied: '#1b5e20',
  basic: 'var(--mantine-color-blue-9)',
  against: 'var(--mantine-color-red-8)',
  unsatisfied: 'var(--mantine-color-red-8)',
  abstain: 'var(--mantine-color-gray-7)',
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
        const ink = markInk[mark]
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
              border: `${chosen ? 4 : 2}px solid ${ink}`,
              background: chosen ? ink : 'var(--mantine-color-white)',
              color: chosen ? 'var(--mantine-color-white)' : ink,
              fontSize: 'var(--mantine-font-size-xl)',
              fontWeight: 700,
              textAlign: 'center',
              padding: '8px 4px',
              overflowWrap: 'anywhere',
            }}
          >
            {chosen && <span aria-hidden>✓ </span>}
            {t(`mark.${mark}`)}
          </UnstyledButton>
        )
      })}
    </SimpleGrid>
  )
}
