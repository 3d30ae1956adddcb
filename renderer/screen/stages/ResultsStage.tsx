import { Box, Center, Group, Stack, Text, Title, useComputedColorScheme } from '@mantine/core'
import type { ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { rankedBars, resultBanner } from '../chart-data'
import { CountsRow, MotionResult, RatingResult, ResultBannerLine } from '../components/OtherResults'
import { markColors, ResultsChart, stackColors } from '../components/ResultsChart'
import { u, useUnitPx } from '../use-screen'

/**
 * The published result. Chart labels scale with the number of rows, between 2.6u (15 rows and
 * more) and 3.6u (a handful), so 15 long titles still fit one line each.
 */
/** Room in the title column besides the title, in ems: rank, gaps and the 当选 pill. */
const labelExtraChars = 5.6

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
  const rows = Math.max(1, result.items.length)
  // About 62u of height for the rows; a label takes ~55% of its row.
  const fontSize = unit * Math.min(3.6, Math.max(2.6, (62 / rows) * 0.55))
  // The title column takes what the longest title needs, between a quarter and 46% of the
  // width; beyond that a title is cut with an ellipsis (the final list shows it whole).
  const chartWidth = window.innerWidth - unit * 8
  const longest = Math.max(0, ...vote.candidates.map((c) => [...c.title].length))
  const labelWidth = Math.min(
    chartWidth * 0.46,
    Math.max(chartWidth * 0.25, (longest + labelExtraChars) * fontSize),
  )
  const banner = resultBanner(result, vote.candidates)
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
      <ResultBannerLine banner={banner} seats={vote.seats} />
      {result.kind === 'per-item' && <StackLegend />}
      {ranked && (
        <Box style={{ flex: 1, minHeight: 0 }} data-testid="results-chart">
          <ResultsChart result={result} vote={vote} fontSize={fontSize} labelWidth={labelWidth} />
        </Box>
      )}
      {result.kind === 'motion' && <MotionResult result={result} vote={vote} />}
      {result.kind === 'rating' && <RatingResult result={result} vote={vote} fontSize={fontSize} />}
      <CountsRow counts={result.counts} />
    </Stack>
  )
}

function StackLegend() {
  const { t } = useI18n()
  const scheme = useComputedColorScheme('light')
  const parts = [
    ['for', markColors.elected[scheme]],
    ['against', stackColors.against[scheme]],
    ['abstain', stackColors.abstain[scheme]],
  ] as const
  return (
    <Group gap={u(3)} justify="center">
      {parts.map(([mark, color]) => (
        <Group key={mark} gap={u(0.8)}>
          <Box w={u(2.4)} h={u(2.4)} bg={color} style={{ borderRadius: u(0.4) }} />
          <Text fz={u(2.8)}>{t(`mark.${mark}`)}</Text>
        </Group>
      ))}
    </Group>
  )
}
