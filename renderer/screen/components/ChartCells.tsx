import { Box } from '@mantine/core'
import { useI18n } from '../../common/i18n'
import type { BarDatum, StatusWord } from '../chart-data'
import { markColors, stackColors, statusStyle } from './chart-colors'

type Scheme = 'light' | 'dark'

const parts = ['for', 'against', 'abstain'] as const

/**
 * A row's counts, or (heading) what they count. Per-item: 赞成, 反对 and 弃权 each in its own
 * column and its legend colour, the legend itself heading the columns, and every count printed,
 * 0 included. Select: the one count.
 */
export function CountCells({
  bar,
  perItem,
  fontSize,
  color,
  scheme,
  heading = false,
}: {
  bar?: BarDatum
  perItem: boolean
  fontSize: number
  /** The text colour where the count is not a legend's. */
  color: string | null
  scheme: Scheme
  heading?: boolean
}) {
  const { t } = useI18n()
  const cell = (key: string, content: React.ReactNode, c: string, testId?: string) => (
    <Box
      key={key}
      style={{
        flex: '1 1 0',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        gap: fontSize * 0.2,
        whiteSpace: 'nowrap',
      }}
      fz={heading ? fontSize * 0.8 : fontSize}
      fw={heading ? 700 : 800}
      c={c}
      lh={1}
      data-reveal={heading ? undefined : 'late'}
      data-testid={testId}
    >
      {content}
    </Box>
  )
  const swatch = (c: string) => (
    <Box w={fontSize * 0.6} h={fontSize * 0.6} bg={c} style={{ borderRadius: fontSize * 0.1 }} />
  )
  const cells = perItem
    ? parts.map((p) => {
        const c = stackColors[p][scheme]
        if (heading)
          return cell(
            p,
            <>
              {swatch(c)}
              {t(`mark.${p}`)}
            </>,
            c,
            `legend-${p}`,
          )
        const n = p === 'for' ? bar!.votes : bar![p]
        return cell(p, n, c, `count-${p}-${bar!.id}`)
      })
    : [
        heading
          ? cell('votes', t('screen.votes'), color ?? 'inherit')
          : cell('for', bar!.votes, color ?? 'inherit', `count-for-${bar!.id}`),
      ]
  return <Box style={{ display: 'flex', alignItems: heading ? 'flex-end' : 'center' }}>{cells}</Box>
}

/** What the row comes to, in words: a filled pill for 当选/通过/并列, an outline for the rest. */
export function StatusPill({
  word,
  text,
  fontSize,
  scheme,
}: {
  word: StatusWord | null
  text: string
  fontSize: number
  scheme: Scheme
}) {
  if (!word) return <Box />
  const style = statusStyle[word]
  const fill = style.fill ? markColors[style.fill][scheme] : 'transparent'
  return (
    <Box
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end' }}
      data-reveal="late"
    >
      <Box
        fz={fontSize * 0.8}
        fw={700}
        lh={1}
        c={style.text[scheme]}
        bg={fill}
        px={fontSize * 0.45}
        py={fontSize * 0.2}
        style={{
          borderRadius: fontSize,
          whiteSpace: 'nowrap',
          border: `${Math.max(2, fontSize * 0.08)}px solid ${style.fill ? fill : style.text[scheme]}`,
        }}
        data-testid="status-pill"
      >
        {text}
      </Box>
    </Box>
  )
}
