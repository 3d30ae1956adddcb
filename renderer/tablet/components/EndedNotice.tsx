import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { BriefItem, BriefResult, DeputyEndedView } from '../../../shared/protocol/views'
import type { VoteKind } from '../../../shared/protocol/marks'
import { useI18n } from '../i18n'

/** A rate as a percentage with one decimal, or a dash when nothing was valid. */
const pct = (rate: number | null) =>
  rate === null ? '—' : (Math.round(rate * 1000) / 10).toFixed(1)

/** Outcomes that carry the item: drawn filled, the rest outlined (never colour alone). */
const carried = new Set(['elected', 'passed', 'satisfied', 'basic'])

/**
 * What the hall heard last of the vote that ended: that it ended (counting), its result in
 * brief once published, or that it was annulled and why. The same for every tablet: the deputy's
 * own ballot is not among what a tablet keeps or is told.
 */
export function EndedNotice({ ended }: { ended: DeputyEndedView }) {
  const { t } = useI18n()
  return (
    <Stack gap="md" py="md" data-testid="ended" data-status={ended.status}>
      <Title order={2} lh={1.35}>
        {ended.title}
      </Title>
      {ended.status === 'annulled' && (
        <Alert color="red" variant="light" data-testid="ended-annulled">
          <Text fz={24} fw={700} c="red.9">
            {t('tablet.ended.annulled')}
          </Text>
          <Text fz="xl" mt="xs" c="dark.9">
            {t('tablet.ended.reason', { reason: ended.annulReason ?? '' })}
          </Text>
        </Alert>
      )}
      {ended.status === 'closed' && (
        <Stack gap={4}>
          <Text fz={24} fw={700} data-testid="ended-closed">
            {t('tablet.ended.closed')}
          </Text>
          <Text fz="xl">{t('tablet.ended.counting')}</Text>
        </Stack>
      )}
      {ended.brief && <Brief brief={ended.brief} kind={ended.kind} />}
      <Text fz="xl" c="dark.6">
        {t('tablet.ended.next')}
      </Text>
    </Stack>
  )
}

function Brief({ brief, kind }: { brief: BriefResult; kind: VoteKind }) {
  const { t } = useI18n()
  return (
    <Stack gap="sm" data-testid="ended-result">
      <Text fz={24} fw={700}>
        {t('tablet.ended.result')}
      </Text>
      <Text fz="lg" c="dark.7">
        {t('tablet.ended.counts', brief.counts)}
      </Text>
      {brief.void && <Alert color="red">{t('tablet.ended.void')}</Alert>}
      {brief.tie && (
        <Alert color="orange">
          <Text fz="lg" c="dark.9">
            {t('tablet.ended.tie', { titles: brief.tie.titles.join('、'), n: brief.tie.seatsLeft })}
          </Text>
        </Alert>
      )}
      {brief.shortfall !== null && (
        <Text fz="lg">{t('tablet.ended.shortfall', { n: brief.shortfall })}</Text>
      )}
      {brief.overallRate !== null && (
        <Text fz="xl" fw={700} data-testid="ended-overall">
          {t('tablet.ended.overall', { p: pct(brief.overallRate) })}
        </Text>
      )}
      <Paper withBorder>
        {brief.items.map((item, i) => (
          <ItemLine key={i} item={item} kind={kind} first={i === 0} />
        ))}
      </Paper>
    </Stack>
  )
}

function ItemLine({ item, kind, first }: { item: BriefItem; kind: VoteKind; first: boolean }) {
  const { t } = useI18n()
  const counts =
    kind === 'rating'
      ? t('tablet.ended.rate', { p: pct(item.rate) })
      : kind === 'motion'
        ? t('tablet.ended.motion', {
            for: item.for ?? 0,
            against: item.against ?? 0,
            abstain: item.abstain ?? 0,
          })
        : t('tablet.ended.votes', { n: item.for ?? 0 })
  const carries = carried.has(item.outcome)
  const tone = item.outcome === 'tied' ? 'orange.9' : carries ? 'red.8' : 'gray.8'
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="sm"
      px="md"
      py="sm"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="ended-item"
    >
      <Text fz="lg" style={{ minWidth: 0 }}>
        {item.title}
      </Text>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Text fz="lg" c="dark.7" style={{ whiteSpace: 'nowrap' }}>
          {counts}
        </Text>
        <Text
          span
          fz="lg"
          fw={700}
          px="sm"
          c={carries ? 'white' : tone}
          bg={carries ? tone : undefined}
          style={{
            border: `2px solid var(--mantine-color-${tone.replace('.', '-')})`,
            borderRadius: 999,
            whiteSpace: 'nowrap',
          }}
        >
          {t(`outcome.${item.outcome}`)}
        </Text>
      </Group>
    </Group>
  )
}
