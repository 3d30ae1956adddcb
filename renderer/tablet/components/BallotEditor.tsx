import { Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { DeputyBallotView } from '../../../shared/protocol/views'
import type { Mark } from '../../../shared/protocol/marks'
import { allowedMarks, markOf, withMark, withoutMark } from '../../../shared/protocol/marks'
import { useI18n } from '../../common/i18n'
import { MarkChoice } from './MarkChoice'
import { MotionSubject } from './MotionSubject'
import { Review } from './Review'

/** Marks the ballot; an over-vote cannot be made and every item needs a mark where required. */
export function BallotEditor({
  vote,
  initial = {},
  onMarksChange,
  onSubmit,
}: {
  vote: DeputyBallotView
  initial?: Record<string, Mark>
  /** Every change of the marks, before they are confirmed (kept for a reload of the page). */
  onMarksChange?: (marks: Record<string, Mark>) => void
  onSubmit: (marks: Record<string, Mark>) => void
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
    <Stack gap="md" pb={120}>
      <Title order={2}>{vote.title}</Title>
      <Stack gap="sm">
        {vote.candidates.map((c, i) => {
          const mark = markOf(marks, c.id)
          return vote.kind === 'select' ? (
            <UnstyledButton
              key={c.id}
              onClick={() => toggle(c.id)}
              role="checkbox"
              aria-checked={mark === 'for'}
              data-testid={`candidate-${c.id}`}
            >
              <Paper
                withBorder
                p="md"
                mih={72}
                bg={mark === 'for' ? 'red.0' : undefined}
                style={{
                  borderColor: mark === 'for' ? 'var(--mantine-color-red-6)' : undefined,
                  borderWidth: 2,
                }}
              >
                <Group wrap="nowrap">
                  <Text fz={32} lh={1} w={40} ta="center" c="red.7" aria-hidden>
                    {mark === 'for' ? '☑' : '☐'}
                  </Text>
                  <Text fz="xl" fw={500}>
                    {i + 1}. {c.title}
                  </Text>
                </Group>
              </Paper>
            </UnstyledButton>
          ) : (
            <Paper key={c.id} withBorder p="md" data-testid={`candidate-${c.id}`}>
              {vote.motion ? (
                <MotionSubject motion={vote.motion} />
              ) : (
                <Text fz="xl" fw={500} mb="sm">
                  {i + 1}. {c.title}
                </Text>
              )}
              <MarkChoice
                itemId={c.id}
                label={c.title}
                options={allowedMarks[vote.kind]}
                value={mark}
                onChange={(chosen) => setMark(c.id, chosen)}
              />
            </Paper>
          )
        })}
      </Stack>
      <Paper
        withBorder
        shadow="md"
        p="md"
        pos="fixed"
        bottom={0}
        left={0}
        right={0}
        style={{ zIndex: 10, borderRadius: 0 }}
      >
        <Group justify="space-between" maw={960} mx="auto">
          <Stack gap={0}>
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
            {/* The line is always there, so a warning never moves the bar under a finger. */}
            <Text fz="md" fw={600} c="orange.8" mih={24} role={warning ? 'alert' : undefined}>
              {warning ?? ''}
            </Text>
          </Stack>
          <Button size="xl" disabled={!complete} onClick={() => setReviewing(true)}>
            {t('tablet.review')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  )
}
