import type { VoteId } from '../../../shared/protocol/ids'
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { CandidateDetail, DeputyBallotView } from '../../../shared/protocol/views'
import type { Mark } from '../../../shared/protocol/marks'
import { allowedMarks, markOf, withMark, withoutMark } from '../../../shared/protocol/marks'
import type { TabletKey } from '../../../shared/i18n/tablet'
import { useI18n } from '../i18n'
import { CandidateCard } from './CandidateCard'
import { CandidateSheet } from './CandidateSheet'
import { MarkChoice } from './MarkChoice'
import { MotionSubject } from './MotionSubject'
import { Review } from './Review'

/** Marks the ballot; an over-vote cannot be made and every item needs a mark where required. */
export function BallotEditor({
  vote,
  initial = {},
  onMarksChange,
  onSubmit,
  loadDetails,
}: {
  vote: DeputyBallotView
  initial?: Record<string, Mark>
  /** Every change of the marks, before they are confirmed (kept for a reload of the page). */
  onMarksChange?: (marks: Record<string, Mark>) => void
  onSubmit: (marks: Record<string, Mark>) => void
  /** The vote's candidates' details from the host, or null when it could not say. */
  loadDetails: (voteId: VoteId) => Promise<CandidateDetail[] | null>
}) {
  const { t } = useI18n()
  const [marks, setMarks] = useState<Record<string, Mark>>(initial)
  useEffect(() => onMarksChange?.(marks), [marks, onMarksChange])
  const [reviewing, setReviewing] = useState(false)
  const [warning, setWarning] = useState<string | null>(null)
  const limit = vote.kind === 'select' ? vote.seats : vote.maxFor
  const forCount = Object.values(marks).filter((m) => m === 'for').length
  const markedCount = vote.candidates.filter((c) => markOf(marks, c.id) !== undefined).length
  const complete = vote.kind === 'select' || markedCount === vote.candidates.length
  const instruction = ballotInstruction(vote, t)
  // Candidates' details, asked for once, when a deputy first opens one.
  const [details, setDetails] = useState<Map<string, CandidateDetail> | 'loading' | 'failed'>()
  /** The candidate whose sheet is open: marks stay as they are while it is. */
  const [reading, setReading] = useState<string | null>(null)
  const openDetails = (id: string) => {
    setReading(id)
    if (details !== undefined && details !== 'failed') return
    setDetails('loading')
    void loadDetails(vote.id).then((list) =>
      setDetails(list ? new Map(list.map((d) => [d.id, d])) : 'failed'),
    )
  }

  if (reviewing) {
    return (
      <Review
        vote={vote}
        marks={marks}
        onBack={() => setReviewing(false)}
        onConfirm={() => onSubmit(marks)}
      />
    )
  }

  const toggle = (id: string) => {
    setWarning(null)
    setMarks((current) => {
      if (markOf(current, id)) return withoutMark(current, id)
      if (limit !== null && forCount >= limit) {
        setWarning(t('tablet.full', { k: limit }))
        return current
      }
      return withMark(current, id, 'for')
    })
  }

  const setMark = (id: string, mark: Mark) => {
    setWarning(null)
    if (mark === 'for' && markOf(marks, id) !== 'for' && limit !== null && forCount >= limit) {
      setWarning(t('tablet.full', { k: limit }))
      return
    }
    setMarks((current) => withMark(current, id, mark))
  }

  return (
    <Stack gap="md">
      <Title order={2}>{vote.title}</Title>
      {/* One line that says what this ballot asks, before the first item. */}
      <Text fz="xl" fw={700} c="dark.8" data-testid="ballot-instruction">
        {instruction}
      </Text>
      <Stack gap="sm">
        {vote.candidates.map((c, i) => {
          const mark = markOf(marks, c.id)
          const card = {
            id: c.id,
            number: i + 1,
            title: c.title,
            progress: vote.progress?.find((p) => p.id === c.id),
            onOpen: () => openDetails(c.id),
          }
          return vote.kind === 'select' ? (
            <CandidateCard
              key={c.id}
              {...card}
              selected={mark === 'for'}
              onToggle={() => toggle(c.id)}
            />
          ) : vote.motion ? (
            <Paper key={c.id} withBorder p="md" data-testid={`candidate-${c.id}`}>
              <MotionSubject motion={vote.motion} />
              <MarkChoice
                itemId={c.id}
                label={c.title}
                options={allowedMarks[vote.kind]}
                value={mark}
                onChange={(chosen) => setMark(c.id, chosen)}
              />
            </Paper>
          ) : (
            <CandidateCard
              key={c.id}
              {...card}
              choice={
                <MarkChoice
                  itemId={c.id}
                  label={c.title}
                  options={allowedMarks[vote.kind]}
                  value={mark}
                  onChange={(chosen) => setMark(c.id, chosen)}
                />
              }
            />
          )
        })}
      </Stack>
      {reading !== null && (
        <CandidateSheet
          id={reading}
          title={vote.candidates.find((c) => c.id === reading)?.title ?? ''}
          detail={typeof details === 'string' ? details : details?.get(reading)}
          onClose={() => setReading(null)}
        />
      )}
      {/* Sticky, not fixed: it stays in view while the list scrolls and comes to rest after the
          last candidate, so however tall large text makes it, it never covers one. */}
      <Paper
        withBorder
        shadow="md"
        p="sm"
        pos="sticky"
        bottom={0}
        data-testid="ballot-bar"
        style={{ zIndex: 10 }}
      >
        <Group justify="space-between" gap="xs">
          <Stack gap={0} style={{ flex: '1 1 10em' }}>
            {limit !== null && (
              <Text fz="xl" fw={700} data-testid="selected-count">
                {t('tablet.selected', { x: forCount, k: limit })}
              </Text>
            )}
            {vote.kind !== 'select' && (
              <Text fz="lg" fw={600} data-testid="marked-count">
                {t('tablet.marked', { x: markedCount, n: vote.candidates.length })}
                {!complete && ` · ${t('tablet.markEvery')}`}
              </Text>
            )}
            {/* Where a limit can be hit, the line is always there (and always a live region, so
                a warning is read out): a warning never moves the bar under a finger. */}
            {limit !== null && (
              <Text
                fz="lg"
                fw={700}
                c="red.8"
                mih="1.5em"
                role="alert"
                data-testid="ballot-warning"
              >
                {warning ?? ''}
              </Text>
            )}
          </Stack>
          {/* Grows with large text instead of cutting its label. */}
          <Button
            size="xl"
            h="auto"
            mih={60}
            py="xs"
            px="md"
            style={{ flex: '1 0 auto' }}
            styles={{
              inner: { height: 'auto' },
              label: {
                height: 'auto',
                overflow: 'visible',
                whiteSpace: 'normal',
                textAlign: 'center',
                lineHeight: 1.3,
              },
            }}
            disabled={!complete}
            onClick={() => setReviewing(true)}
            data-testid="review-button"
          >
            {t('tablet.review')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  )
}

/** 最多选 K 项, or that every item needs a mark (and how many 赞成 at most, where capped). */
function ballotInstruction(
  vote: DeputyBallotView,
  t: (key: TabletKey, params?: Record<string, string | number>) => string,
): string {
  switch (vote.kind) {
    case 'select':
      return t('tablet.instruction.select', { n: vote.candidates.length, k: vote.seats ?? 0 })
    case 'per-item':
      return vote.maxFor === null
        ? t('tablet.instruction.perItem')
        : t('tablet.instruction.perItemMax', { k: vote.maxFor })
    case 'motion':
      return t('tablet.instruction.motion')
    case 'rating':
      return t('tablet.instruction.rating')
  }
}
