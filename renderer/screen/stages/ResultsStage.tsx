import { Box, Center, Stack, Title } from '@mantine/core'
import type { ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { rankedBars, resultBanner } from '../chart-data'
import { CountsRow, MotionResult, RatingResult, ResultBannerLine } from '../components/OtherResults'
import { ResultsChart } from '../components/ResultsChart'
import { u, useUnitPx } from '../use-screen'

/**
 * The published result. Chart labels scale with the number of rows, from 2.6u (a long list) to
 * 4u (a handful): 13 projects get 3.9u, 15 get 3.4u (24 px at 1280×720), each one line.
 */
/** Room in the title column besides the title, in ems: the rank and its gap. */
const labelExtraChars = 2.4
/** Height the rows share, in u, when a banner is shown: what the title, counts and margins leave. */
const rowsHeight = 66

export function ResultsStage({ vote }: { vote: ScreenVoteView }) {
  const { t } = useI18n()
  const unit = useUnitPx()
  const result = vote.result
  if (!result) {
    return (
      <Center style={{ flex: 1 }}>
        <Title fz={u(6)}>{vote.title}</Title>
      </Center>
    )
  }
  // A label takes up to ~90% of its row (its bar less); the header and the cut line's rule
  // take about 2.4 rows' worth.
  const rows = Math.max(1, result.items.length) + 2.4
  const fontSize = unit * Math.min(4, Math.max(2.6, (rowsHeight / rows) * 0.9))
  // The title column takes what the longest title needs, between a quarter and half of the
  // width (22 characters at 15 rows); beyond that a title is cut with an ellipsis (the final
  // list shows it whole).
  const chartWidth = window.innerWidth - unit * 8
  const longest = Math.max(0, ...vote.candidates.map((c) => [...c.title].length))
  const labelWidth = Math.min(
    chartWidth * 0.5,
    Math.max(chartWidth * 0.25, (longest + labelExtraChars) * fontSize),
  )
  const banner = resultBanner(result, vote.candidates, vote.rules.shortfallPolicy)
  const ranked = rankedBars(result, vote.candidates).length > 0
  return (
    <Stack
      style={{ flex: 1, minHeight: 0 }}
      gap={u(1.2)}
      key={vote.id}
      data-testid="stage-results"
      data-kind={result.kind}
    >
      <Title order={1} fz={u(4.6)} ta="center" lh={1.2}>
        {vote.title} · {t(result.kind === 'rating' ? 'screen.results.rating' : 'screen.results')}
      </Title>
      <ResultBannerLine banner={banner} seats={vote.seats} kind={result.kind} />
      {ranked && (
        <Box style={{ flex: 1, minHeight: 0 }} data-testid="results-chart">
          <ResultsChart result={result} vote={vote} fontSize={fontSize} labelWidth={labelWidth} />
        </Box>
      )}
      {result.kind === 'motion' && <MotionResult result={result} vote={vote} />}
      {result.kind === 'rating' && (
        <RatingResult
          result={result}
          vote={vote}
          fontSize={ratingFontSize(unit, result.items.length)}
        />
      )}
      <CountsRow counts={result.counts} />
    </Stack>
  )
}

/** The rating rows' labels, as they were before the ranked chart grew: 2.6u to 3.6u. */
function ratingFontSize(unit: number, items: number): number {
  return unit * Math.min(3.6, Math.max(2.6, (62 / Math.max(1, items)) * 0.55))
}
