import { useComputedColorScheme } from '@mantine/core'
import {
  Bar,
  BarChart,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts'
import type { YAxisTickContentProps } from 'recharts'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import type { BarDatum, BarMark } from '../chart-data'
import { axisMax, cutAfter, fitTitle, rankedBars, textEm, thresholdLabel } from '../chart-data'

export const markColors: Record<BarMark, { light: string; dark: string }> = {
  elected: { light: '#c8102e', dark: '#e5383b' },
  tied: { light: '#e67700', dark: '#f59f00' },
  passed: { light: '#e89a9a', dark: '#a35d5d' },
  failed: { light: '#a5abb3', dark: '#5c636a' },
}
export const stackColors = {
  against: { light: '#495057', dark: '#adb5bd' },
  abstain: { light: '#dee2e6', dark: '#373a40' },
}

/**
 * Ranked horizontal bars (select: `for`; per-item: stacked 赞成/反对/弃权) with the threshold
 * line labelled, the cut line after K, and 当选/并列 marks beside the titles.
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
  const byId = new Map(bars.map((b) => [b.id, b]))
  const cut = cutAfter(bars, vote.seats)
  const stacked = result.kind === 'per-item'
  const text = scheme === 'dark' ? '#e9ecef' : '#1a1b1e'
  const label = thresholdLabel(vote.rules.threshold, result.needed)
  const pills = { elected: t('screen.elected'), tied: t('screen.tied') }
  // Wide enough for the longer mark in this language (当选 / Elected), bold at 0.8 size.
  const pillWidth = fontSize * (Math.max(textEm(pills.elected), textEm(pills.tied)) + 0.9)
  // Rank + title, cut to the room left of the pill: CJK glyphs are about 1em wide; the rank
  // and its spaces take about 2em, the gaps 0.8em.
  const maxChars = Math.floor((labelWidth - pillWidth) / fontSize - 2.8)
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={bars}
        layout="vertical"
        barCategoryGap="18%"
        // A handful of rows would otherwise make slabs: bars stay about two labels thick.
        maxBarSize={fontSize * 2}
        margin={{ top: fontSize * 1.8, right: fontSize * 3.5, left: 0, bottom: 0 }}
      >
        <XAxis type="number" domain={[0, axisMax(result, bars)]} hide />
        <YAxis
          type="category"
          dataKey="id"
          width={labelWidth}
          tickLine={false}
          axisLine={false}
          interval={0}
          tick={(props: YAxisTickContentProps) => (
            <Tick
              x={Number(props.x)}
              y={Number(props.y)}
              bar={byId.get(String(props.payload.value))}
              fontSize={fontSize}
              pillWidth={pillWidth}
              maxChars={maxChars}
              color={text}
              labels={pills}
            />
          )}
        />
        <Bar
          dataKey="votes"
          stackId={stacked ? 'marks' : undefined}
          isAnimationActive={false}
          radius={stacked ? 0 : [0, fontSize * 0.25, fontSize * 0.25, 0]}
          minPointSize={3}
        >
          {bars.map((b) => (
            <Cell key={b.id} fill={markColors[b.mark][scheme]} />
          ))}
          {!stacked && (
            <LabelList
              dataKey="votes"
              position="right"
              style={{ fontSize, fontWeight: 700, fill: text }}
            />
          )}
        </Bar>
        {stacked && (
          <Bar
            dataKey="against"
            stackId="marks"
            isAnimationActive={false}
            fill={stackColors.against[scheme]}
          />
        )}
        {stacked && (
          <Bar
            dataKey="abstain"
            stackId="marks"
            isAnimationActive={false}
            fill={stackColors.abstain[scheme]}
          >
            {/* The `for` count at the end of the whole stack: it is what decides. */}
            <LabelList
              dataKey="votes"
              position="right"
              style={{ fontSize, fontWeight: 700, fill: text }}
            />
          </Bar>
        )}
        {cut && (
          <ReferenceLine
            y={cut.id}
            position="end"
            stroke={markColors.elected[scheme]}
            strokeWidth={Math.max(2, fontSize * 0.12)}
            label={{
              value: t('screen.cut', { k: vote.seats ?? 0 }),
              position: 'insideBottomRight',
              // No label under 1/40 of the screen's height (fontSize is at least 2.6 u).
              fontSize: fontSize * 0.96,
              fill: markColors.elected[scheme],
              fontWeight: 700,
            }}
          />
        )}
        <ReferenceLine
          x={result.needed}
          stroke="#1c7ed6"
          strokeWidth={Math.max(2, fontSize * 0.12)}
          strokeDasharray="8 6"
          label={{
            value:
              label.key === 'majority'
                ? t('screen.threshold', label.params)
                : t('screen.threshold.fraction', label.params),
            position: 'top',
            fontSize: fontSize * 0.96,
            fill: '#1864ab',
            fontWeight: 700,
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}

function Tick({
  x,
  y,
  bar,
  fontSize,
  pillWidth,
  maxChars,
  color,
  labels,
}: {
  x: number
  y: number
  bar: BarDatum | undefined
  fontSize: number
  pillWidth: number
  maxChars: number
  color: string
  labels: { elected: string; tied: string }
}) {
  if (!bar) return null
  const pill = bar.elected ? labels.elected : bar.tied ? labels.tied : null
  const pillHeight = fontSize * 1.3
  const gap = fontSize * 0.4
  return (
    <g transform={`translate(${x},${y})`}>
      <text
        className="recharts-cartesian-axis-tick-value"
        x={-(pillWidth + gap * 2)}
        dy="0.36em"
        textAnchor="end"
        fontSize={fontSize}
        fontWeight={bar.elected ? 700 : 400}
        fill={color}
      >
        {`${bar.rank}  ${fitTitle(bar.title, maxChars)}`}
      </text>
      {pill && (
        <g data-reveal="late">
          <rect
            x={-(pillWidth + gap)}
            y={-pillHeight / 2}
            width={pillWidth}
            height={pillHeight}
            rx={pillHeight / 2}
            fill={bar.elected ? markColors.elected.light : markColors.tied.light}
          />
          <text
            x={-(pillWidth / 2 + gap)}
            dy="0.36em"
            textAnchor="middle"
            fontSize={fontSize * 0.96}
            fontWeight={700}
            // White on red; near-black on the tie's orange (white there is 3:1).
            fill={bar.elected ? '#fff' : '#1a1b1e'}
          >
            {pill}
          </text>
        </g>
      )}
    </g>
  )
}
