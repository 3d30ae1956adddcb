import { Box, useComputedColorScheme } from '@mantine/core'
import type { ReactNode } from 'react'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import type { BarDatum, StatusWord } from '../chart-data'
import {
  axisMax,
  cutAfter,
  fitTitle,
  rankedBars,
  statusWord,
  textEm,
  thresholdLabel,
  tieBand,
} from '../chart-data'
import { statusKeys } from '../../common/result-words'
import { markColors, stackColors, thresholdColor, tieTint } from './chart-colors'
import { CountCells, StatusPill } from './ChartCells'

const parts = ['for', 'against', 'abstain'] as const

/**
 * Ranked horizontal bars, one row per project, in four columns: rank and title; the bar (select:
 * `for`; per-item: 赞成/反对/弃权 stacked in the legend's colours) against the dashed threshold
 * line; the counts (per-item: all three, each in its legend colour, under the legend); and what
 * the row comes to in its kind's words (当选 / 通过, 未通过, 并列…). Drawn as plain boxes rather
 * than a chart library's, so a tie can be a band across its rows, the cut line a rule between
 * two rows, and every count a number however small its segment.
 */
export function ResultsChart({
  result,
  vote,
  fontSize,
  labelWidth,
}: {
  result: VoteResult
  vote: ScreenVoteView
  fontSize: number
  labelWidth: number
}) {
  const { t } = useI18n()
  const scheme = useComputedColorScheme('light')
  const bars = rankedBars(result, vote.candidates)
  const max = axisMax(result, bars)
  const cut = cutAfter(result, bars, vote.seats)
  const band = tieBand(bars)
  const perItem = result.kind === 'per-item'
  const words = bars.map((b) => statusWord(result.kind, b))
  const wordText = (w: StatusWord) => t(statusKeys[w])
  const used = [...new Set(words.filter((w) => w !== null))]
  // Columns sized to what they hold, in ems of the label size.
  const digits = String(max).length
  const countEm = perItem ? Math.max(digits * 0.62 + 0.9, 2.9) : digits * 0.62 + 0.9
  const countsWidth = fontSize * countEm * (perItem ? 3 : 1)
  const statusWidth = fontSize * (0.8 * Math.max(2, ...used.map((w) => textEm(wordText(w)))) + 1.6)
  const columns = `${labelWidth}px minmax(0, 1fr) ${countsWidth}px ${statusWidth}px`
  const maxChars = Math.floor(labelWidth / fontSize - 2.2)
  const at = (n: number) => `${(100 * Math.min(n, max)) / max}%`
  const text = scheme === 'dark' ? '#e9ecef' : '#1a1b1e'
  const blue = thresholdColor[scheme]
  const label = thresholdLabel(vote.rules.threshold, result.needed)
  // The threshold, one dashed stretch per row: the rows touch, so the stretches make one line.
  // Its gaps and edges in the page's colour, so it reads across a dark bar as well.
  const page = scheme === 'dark' ? '#1a1b1e' : '#ffffff'
  const halo = Math.max(1, fontSize * 0.06)
  const threshold = (
    <Box
      pos="absolute"
      top={0}
      bottom={0}
      left={at(result.needed)}
      bg={page}
      style={{
        borderLeft: `${Math.max(2, fontSize * 0.12)}px dashed ${blue}`,
        boxShadow: `${-halo}px 0 0 ${page}, ${halo}px 0 0 ${page}`,
      }}
      data-reveal="late"
    />
  )

  const row = (bar: BarDatum, i: number): ReactNode => {
    const segments = perItem
      ? parts.map((p) => ({ key: p, n: bar[p === 'for' ? 'votes' : p], color: stackColors[p] }))
      : [{ key: 'for', n: bar.votes, color: markColors[bar.mark] }]
    return (
      <Box
        key={bar.id}
        style={{ display: 'grid', gridTemplateColumns: columns, flex: '1 1 0', minHeight: 0 }}
        data-testid={`bar-row-${bar.id}`}
        data-status={words[i] ?? ''}
      >
        <Box
          style={{ display: 'flex', alignItems: 'center', gap: fontSize * 0.4, minWidth: 0 }}
          fz={fontSize}
          fw={bar.elected ? 700 : 500}
          c={text}
          lh={1.1}
        >
          <span style={{ width: `${1.6}em`, textAlign: 'right', flex: 'none', opacity: 0.85 }}>
            {bar.rank}
          </span>
          <span style={{ whiteSpace: 'nowrap' }} data-testid="bar-title">
            {fitTitle(bar.title, maxChars)}
          </span>
        </Box>
        <Box pos="relative" style={{ display: 'flex', alignItems: 'center' }}>
          <Box
            style={{
              display: 'flex',
              width: '100%',
              height: `min(62%, ${fontSize * 1.6}px)`,
              transformOrigin: 'left center',
            }}
            data-reveal="grow"
          >
            {segments.map((s) => (
              <Box
                key={s.key}
                h="100%"
                bg={s.color[scheme]}
                style={{ width: at(s.n), flex: 'none' }}
                data-segment={s.key}
                data-count={s.n}
              />
            ))}
          </Box>
          {threshold}
        </Box>
        <CountCells
          bar={bar}
          perItem={perItem}
          fontSize={fontSize}
          color={perItem ? null : text}
          scheme={scheme}
        />
        <StatusPill
          word={words[i] ?? null}
          text={words[i] ? wordText(words[i]) : ''}
          fontSize={fontSize}
          scheme={scheme}
        />
      </Box>
    )
  }

  // The cut line: a rule of its own between two rows, never through a tie.
  const cutRule = (
    <Box
      key="cut"
      style={{ display: 'grid', gridTemplateColumns: columns, flex: `0 0 ${fontSize * 0.9}px` }}
      data-testid="cut-line"
    >
      <Box />
      <Box pos="relative" style={{ display: 'flex', alignItems: 'center' }}>
        <Box w="100%" h={Math.max(3, fontSize * 0.14)} bg={markColors.elected[scheme]} />
        {threshold}
      </Box>
      <Box
        style={{ gridColumn: 'span 2', display: 'flex', alignItems: 'center', gap: fontSize * 0.3 }}
      >
        <Box style={{ flex: 1 }} h={Math.max(3, fontSize * 0.14)} bg={markColors.elected[scheme]} />
        <Box fz={fontSize * 0.8} fw={800} c={markColors.elected[scheme]} lh={1}>
          {t('screen.cut', { k: vote.seats ?? 0 })}
        </Box>
      </Box>
    </Box>
  )

  const bandPad = fontSize * 0.5
  const bandSide = Math.max(2, fontSize * 0.12)
  const body: ReactNode[] = []
  for (let i = 0; i < bars.length; i++) {
    if (band && i === band.from) {
      const tied = bars.slice(band.from, band.to + 1)
      body.push(
        <Box
          key="tie-band"
          style={{
            display: 'flex',
            flexDirection: 'column',
            flex: `${tied.length} 1 0`,
            minHeight: 0,
            // Reaching out past the columns by as much as it pads them, so the rows inside
            // keep every column where the rows outside have it.
            margin: `0 ${-bandPad}px`,
            padding: `0 ${bandPad - bandSide}px`,
            background: tieTint[scheme],
            borderRadius: fontSize * 0.3,
            border: `${bandSide}px solid ${markColors.tied[scheme]}`,
          }}
          data-testid="tie-band"
          data-rows={tied.length}
        >
          {tied.map((b, j) => row(b, band.from + j))}
        </Box>,
      )
      i = band.to
    } else body.push(row(bars[i]!, i))
    if (cut && bars[i]?.id === cut.id) body.push(cutRule)
  }

  return (
    <Box h="100%" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} data-max={max}>
      <Box
        style={{ display: 'grid', gridTemplateColumns: columns, flex: 'none' }}
        mb={fontSize * 0.2}
      >
        <Box />
        <Box pos="relative" h={fontSize * 1.3}>
          <Box
            pos="absolute"
            left={at(result.needed)}
            bottom={0}
            fz={fontSize * 0.9}
            fw={700}
            c={blue}
            lh={1.2}
            style={{
              whiteSpace: 'nowrap',
              // Kept inside the bar column when the threshold sits near its end.
              transform: `translateX(${result.needed / max > 0.8 ? '-100%' : '-50%'})`,
            }}
            data-testid="threshold-label"
          >
            {label.key === 'majority'
              ? t('screen.threshold', label.params)
              : t('screen.threshold.fraction', label.params)}
          </Box>
        </Box>
        <CountCells perItem={perItem} fontSize={fontSize} scheme={scheme} color={text} heading />
        <Box />
      </Box>
      <Box
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
        data-testid="chart-rows"
      >
        {body}
      </Box>
    </Box>
  )
}
