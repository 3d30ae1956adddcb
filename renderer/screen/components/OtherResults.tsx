import { Box, Center, Group, Stack, Text, useComputedColorScheme } from '@mantine/core'
import type { ResultCounts, VoteResult } from '../../../shared/protocol/result.schema'
import type { ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import type { ResultBanner as Banner } from '../chart-data'
import { fitTitle, motionView, percent, ratingRows } from '../chart-data'
import { u } from '../use-screen'
import { stackColors } from './ResultsChart'

/** A motion: one big 通过 / 未通过 and its three numbers. */
export function MotionResult({ result, vote }: { result: VoteResult; vote: ScreenVoteView }) {
  const { t } = useI18n()
  const view = motionView(result, vote.candidates)
  if (!view) return null
  const numbers = [
    ['for', view.for],
    ['against', view.against],
    ['abstain', view.abstain],
  ] as const
  return (
    <Center style={{ flex: 1 }}>
      <Stack align="center" gap={u(3)}>
        <Text
          fz={u(22)}
          fw={900}
          lh={1}
          c={view.passed ? 'red.7' : 'gray.6'}
          data-reveal="stamp"
          data-testid="motion-outcome"
          style={{
            border: `calc(1 * var(--u)) solid currentColor`,
            borderRadius: u(3),
            padding: `${u(1.5)} ${u(5)}`,
          }}
        >
          {view.passed ? t('screen.motion.passed') : t('screen.motion.failed')}
        </Text>
        <Group gap={u(10)} data-reveal="late">
          {numbers.map(([mark, n]) => (
            <Stack key={mark} gap={0} align="center">
              <Text fz={u(4)} c="dimmed">
                {t(`mark.${mark}`)}
              </Text>
              <Text fz={u(11)} fw={800} lh={1.1} data-testid={`motion-${mark}`}>
                {n}
              </Text>
            </Stack>
          ))}
        </Group>
      </Stack>
    </Center>
  )
}

const ratingColors = {
  satisfied: { light: '#2b8a3e', dark: '#40c057' },
  basic: { light: '#94d82d', dark: '#82c91e' },
  unsatisfied: { light: '#e03131', dark: '#fa5252' },
}

/** A rating: per item a stacked 满意/基本满意/不满意(/弃权) bar with its grade and rates. */
export function RatingResult({
  result,
  vote,
  fontSize,
}: {
  result: VoteResult
  vote: ScreenVoteView
  fontSize: number
}) {
  const { t } = useI18n()
  const scheme = useComputedColorScheme('light')
  const rows = ratingRows(result, vote.candidates)
  const overall = result.kind === 'rating' ? result.overall : null
  const parts = [
    ['satisfied', ratingColors.satisfied[scheme]],
    ['basic', ratingColors.basic[scheme]],
    ['unsatisfied', ratingColors.unsatisfied[scheme]],
    ['abstain', stackColors.abstain[scheme]],
  ] as const
  const px = `${fontSize}px`
  return (
    <Stack style={{ flex: 1, minHeight: 0 }} gap={u(1)} data-testid="rating-chart">
      <Group gap={u(3)} justify="center">
        {parts.slice(0, 3).map(([mark, color]) => (
          <Group key={mark} gap={u(0.8)}>
            <Box w={u(2.4)} h={u(2.4)} bg={color} style={{ borderRadius: u(0.4) }} />
            <Text fz={u(2.8)}>{t(`mark.${mark}`)}</Text>
          </Group>
        ))}
      </Group>
      <Group gap={u(1.5)} wrap="nowrap">
        <Box w="32%" />
        <Box style={{ flex: 1 }} />
        <Text fz={u(2.6)} c="dimmed" w="24%" style={{ whiteSpace: 'nowrap' }}>
          {t('screen.rating.columns')}
        </Text>
      </Group>
      <Stack style={{ flex: 1, minHeight: 0, justifyContent: 'space-evenly' }} gap={0}>
        {rows.map((row) => {
          const total = row.satisfied + row.basic + row.unsatisfied + row.abstain || 1
          return (
            <Group key={row.id} gap={u(1.5)} wrap="nowrap" data-testid={`rating-row-${row.id}`}>
              <Text fz={px} w="32%" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {fitTitle(row.title, 20)}
              </Text>
              <Group
                gap={0}
                wrap="nowrap"
                style={{ flex: 1, height: `${fontSize * 1.3}px`, overflow: 'hidden' }}
                data-reveal="grow"
              >
                {parts.map(([mark, color]) => (
                  <Box
                    key={mark}
                    h="100%"
                    bg={color}
                    style={{ width: `${(100 * row[mark]) / total}%` }}
                    data-count={row[mark]}
                  />
                ))}
              </Group>
              <Group gap={u(1)} w="24%" wrap="nowrap" data-reveal="late">
                <Text
                  fz={px}
                  fw={800}
                  c={row.grade === 'unsatisfied' ? 'red.7' : undefined}
                  data-testid={`grade-${row.id}`}
                >
                  {t(`screen.grade.${row.grade}`)}
                </Text>
                <Text fz={px} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {row.satisfiedPct === null ? '—' : `${row.satisfiedPct}%`} /{' '}
                  {row.positivePct === null ? '—' : `${row.positivePct}%`}
                </Text>
              </Group>
            </Group>
          )
        })}
      </Stack>
      {overall && (
        <Text fz={u(3)} ta="center" fw={600} data-testid="rating-overall">
          {t('screen.rating.overall', {
            s: percent(overall.satisfiedRate) ?? '—',
            p: percent(overall.positiveRate) ?? '—',
          })}
        </Text>
      )}
    </Stack>
  )
}

export function ResultBannerLine({ banner, seats }: { banner: Banner; seats: number | null }) {
  const { t } = useI18n()
  if (!banner) return null
  const text =
    banner.kind === 'void'
      ? t('screen.banner.void')
      : banner.kind === 'tie'
        ? t('screen.banner.tie', {
            k: (seats ?? 0) - banner.seatsLeft + 1,
            titles: banner.titles.join('、'),
            n: banner.seatsLeft,
          })
        : t('screen.banner.shortfall', { n: banner.seatsLeft })
  return (
    <Box
      // White on deep red; black on amber (white on orange washes out at 2.6:1).
      bg={banner.kind === 'void' ? 'red.7' : 'orange.5'}
      c={banner.kind === 'void' ? 'white' : 'dark.9'}
      px={u(2)}
      py={u(0.8)}
      style={{ borderRadius: u(1) }}
      data-reveal="late"
      data-testid="result-banner"
      data-kind={banner.kind}
    >
      <Text fz={u(3.2)} fw={700} ta="center" lh={1.3}>
        {text}
      </Text>
    </Box>
  )
}

export function CountsRow({ counts }: { counts: ResultCounts }) {
  const { t } = useI18n()
  return (
    <Group justify="center" gap={u(4)} data-testid="counts-row">
      {(['roster', 'present', 'issued', 'cast', 'valid', 'invalid'] as const).map((k) => (
        <Text key={k} fz={u(3.2)}>
          {t(`count.${k}`)}{' '}
          <b data-testid={`count-${k}`} style={{ fontSize: u(4) }}>
            {counts[k]}
          </b>
        </Text>
      ))}
    </Group>
  )
}
