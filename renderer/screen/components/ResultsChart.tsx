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
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { VoteCandidate } from '../../../shared/protocol/vote.schema'
import { useI18n } from '../../common/i18n'
import { axisMax, rankedBars } from '../chart-data'

/** Ranked horizontal bars with the threshold line; 当选 in red, the rest in grey. */
export function ResultsChart({
  result,
  candidates,
  fontSize,
}: {
  result: VoteResult
  candidates: readonly VoteCandidate[]
  fontSize: number
}) {
  const { t } = useI18n()
  const bars = rankedBars(result, candidates)
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={bars}
        layout="vertical"
        margin={{ top: fontSize * 1.6, right: fontSize * 4, left: 8, bottom: 0 }}
      >
        <XAxis type="number" domain={[0, axisMax(result, bars)]} hide />
        <YAxis
          type="category"
          dataKey="title"
          width={fontSize * 20.5}
          tick={{ fontSize, fill: 'var(--mantine-color-text)' }}
          tickLine={false}
          axisLine={false}
          interval={0}
        />
        <Bar dataKey="votes" isAnimationActive={false} radius={[0, 6, 6, 0]} minPointSize={3}>
          {bars.map((b) => (
            <Cell key={b.id} fill={b.elected ? '#c8102e' : b.passed ? '#e89a9a' : '#9aa0a6'} />
          ))}
          <LabelList
            dataKey="votes"
            position="right"
            style={{ fontSize, fontWeight: 700, fill: 'var(--mantine-color-text)' }}
          />
        </Bar>
        <ReferenceLine
          x={result.needed}
          stroke="#1c7ed6"
          strokeWidth={3}
          strokeDasharray="8 6"
          label={{
            value: t('screen.threshold', { needed: result.needed }),
            position: 'top',
            fontSize: fontSize * 0.9,
            fill: '#1c7ed6',
            fontWeight: 700,
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}
