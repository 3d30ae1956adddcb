import { Checkbox, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import type { Mark } from '../../../shared/protocol/marks'
import { allowedMarks, markOf, withMark, withoutMark } from '../../../shared/protocol/marks'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { invalidReason } from '../../../shared/rules'
import { useI18n } from '../../common/i18n'

/** One paper ballot as typed: its marks as written (an over-vote too), or 作废. */
export interface PaperDraft {
  marks: Record<string, Mark>
  spoiled: boolean
}

export const blankPaper: PaperDraft = { marks: {}, spoiled: false }

/**
 * The marks of one paper ballot, copied as written: a large box per project for 差额, a row of
 * large choices per item otherwise (未划 first: an item left blank on paper is left blank). An
 * over-vote is said and kept (the tally counts it invalid); 作废 clears nothing until saved.
 */
export function PaperMarks({
  vote,
  value,
  onChange,
  testId,
}: {
  vote: Pick<ConsoleVoteView, 'candidates' | 'rules'>
  value: PaperDraft
  onChange: (next: PaperDraft) => void
  /** Prefix of each control's test id: `${testId}-${candidateId}`, `${testId}-spoiled`. */
  testId: string
}) {
  const { t } = useI18n()
  const options = allowedMarks[vote.rules.kind]
  const setMark = (id: string, mark: Mark | '') =>
    onChange({
      ...value,
      marks: mark ? withMark(value.marks, id, mark) : withoutMark(value.marks, id),
    })
  const overVote =
    !value.spoiled && invalidReason({ marks: value.marks }, vote.rules) === 'over-vote'

  return (
    <Stack gap="xs">
      {vote.candidates.map((c) =>
        vote.rules.kind === 'select' ? (
          <Checkbox
            key={c.id}
            size="lg"
            label={`${c.id} ${c.title}`}
            checked={markOf(value.marks, c.id) === 'for'}
            disabled={value.spoiled}
            data-testid={`${testId}-${c.id}`}
            onChange={(e) => setMark(c.id, e.currentTarget.checked ? 'for' : '')}
          />
        ) : (
          <Group key={c.id} justify="space-between" wrap="nowrap" gap="sm">
            <Text fz="md">{`${c.id} ${c.title}`}</Text>
            <SegmentedControl
              size="md"
              disabled={value.spoiled}
              value={markOf(value.marks, c.id) ?? ''}
              onChange={(mark) => setMark(c.id, mark as Mark | '')}
              data-testid={`${testId}-${c.id}`}
              data={[
                { value: '', label: t('paper.entry.unmarked') },
                ...options.map((m) => ({ value: m, label: t(`mark.${m}`) })),
              ]}
            />
          </Group>
        ),
      )}
      <Checkbox
        size="lg"
        label={t('paper.entry.spoiled')}
        checked={value.spoiled}
        onChange={(e) => onChange({ ...value, spoiled: e.currentTarget.checked })}
        data-testid={`${testId}-spoiled`}
      />
      {overVote && (
        <Text c="orange.9" fw={600} role="status" data-testid={`${testId}-over-vote`}>
          {t('paper.entry.overVote')}
        </Text>
      )}
    </Stack>
  )
}

/** A paper as the console lists it: the items it marks, 空白票, or 作废. */
export function paperText(
  vote: Pick<ConsoleVoteView, 'candidates' | 'rules'>,
  paper: { marks: Record<string, Mark>; spoiled?: boolean },
  t: (key: 'paper.ballot.spoiled' | 'paper.ballot.blank' | `mark.${Mark}`) => string,
): string {
  if (paper.spoiled) return t('paper.ballot.spoiled')
  const marked = vote.candidates.flatMap((c) => {
    const mark = markOf(paper.marks, c.id)
    if (!mark) return []
    return [vote.rules.kind === 'select' ? c.id : `${c.id} ${t(`mark.${mark}`)}`]
  })
  return marked.length === 0 ? t('paper.ballot.blank') : marked.join('、')
}
