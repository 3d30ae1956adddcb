import { Box, Center, Group, Stack, Text, useComputedColorScheme } from '@mantine/core'
import type { ResultCounts, VoteResult } from '../../../shared/protocol/result.schema'
import type { ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import type { ResultBanner as Banner, MotionView } from '../chart-data'
import { fitTitle, motionView, percent, ratingRows } from '../chart-data'
import { u } from '../use-screen'
import { stackColors } from './chart-colors'

/** A motion: one big 通过 / 未通过 and its three numbers. */
export function MotionResult({ result, vote }: { result: VoteResult; vote: ScreenVoteView }) {
  const { t } = useI18n()
  const scheme = useComputedColorScheme('light')
  const view = motionView(result, vote.candidates, vote.motion)
  if (!view) return null
  const numbers = [
    ['for', view.for],
    ['against', view.against],
    ['abstain', view.abstain],
  ] as const
  return (
    <Center style={{ flex: 1, minHeight: 0 }}>
      <Stack align="center" gap={u(2.4)} maw="88%">
        <MotionSubject view={view} />
        <Text
          fz={u(18)}
          fw={900}
          lh={1}
          c={view.passed ? 'red.7' : 'gray.7'}
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
            // Each count in its legend's colour, as the per-item chart prints them.
            <Stack key={mark} gap={0} align="center" c={stackColors[mark][scheme]}>
              <Text fz={u(4)} fw={700}>
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
  // Grey and unlabelled, as before: the per-item legend's gold 弃权 is that legend's own.
  abstain: { light: '#dee2e6', dark: '#373a40' },
  satisfied: { light: '#2b8a3e', dark: '#40c057' },
  basic: { light: '#94d82d', dark: '#82c91e' },
  unsatisfied: { light: '#e03131', dark: '#fa5252' },
}

/** A rating: per item a stacked 满意/基本满意/不满意(/弃权) bar with its grade and 满意率. */
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
    ['abstain', ratingColors.abstain[scheme]],
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
                {/* 满意率: (满意 + 基本满意) / 有效票, the rate offices report beside the grade. */}
                <Text fz={px} style={{ whiteSpace: 'nowrap' }} data-testid={`rate-${row.id}`}>
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

/** The motion voted on: its title, 文号 and summary, as the tablets showed it. */
function MotionSubject({ view }: { view: MotionView }) {
  return (
    <Stack gap={u(0.8)} align="center" data-testid="motion-subject">
      <Text fz={u(4.6)} fw={700} ta="center" lh={1.3} data-testid="motion-title">
        {view.title}
      </Text>
      {view.docNumber && (
        <Text fz={u(3.2)} ta="center" data-testid="motion-doc-number">
          {view.docNumber}
        </Text>
      )}
      {view.summary && (
        <Text fz={u(3)} ta="center" lh={1.45} lineClamp={3} data-testid="motion-summary">
          {view.summary}
        </Text>
      )}
    </Stack>
  )
}

export function ResultBannerLine({
  banner,
  seats,
  kind,
}: {
  banner: Banner
  seats: number | null
  kind: VoteResult['kind']
}) {
  const { t } = useI18n()
  if (!banner) return null
  // 逐项 speaks of items passing under a cap, never of seats won (差额's 当选, 名额).
  const perItem = kind === 'per-item'
  const k = seats ?? 0
  const text =
    banner.kind === 'void'
      ? t('screen.banner.void')
      : banner.kind === 'tie'
        ? t(perItem ? 'screen.banner.tie.per-item' : 'screen.banner.tie', {
            k: k - banner.seatsLeft + 1,
            // The tied rows are named on the chart, in their band.
            count: banner.titles.length,
            n: banner.seatsLeft,
          })
        : t(perItem ? 'screen.banner.shortfall.per-item' : 'screen.banner.shortfall', {
            k,
            n: banner.seatsLeft,
          })
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
