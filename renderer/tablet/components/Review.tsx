import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import type { DeputyBallotView } from '../../../shared/protocol/views'
import type { Mark } from '../../../shared/protocol/marks'
import { markedItems } from '../../../shared/protocol/marks'
import { useI18n } from '../i18n'

/** The deputy sees exactly what will be cast before confirming. */
export function Review({
  vote,
  marks,
  onBack,
  onConfirm,
}: {
  vote: DeputyBallotView
  marks: Record<string, Mark>
  onBack: () => void
  onConfirm: () => void
}) {
  const { t } = useI18n()
  const chosen = markedItems(vote.candidates, marks)
  return (
    <Stack gap="lg" data-testid="review">
      <Title order={2}>{t('tablet.review')}</Title>
      <Text fz="lg">
        {t(vote.allowChange ? 'tablet.reviewHintChangeable' : 'tablet.reviewHint')}
      </Text>
      <Paper withBorder p="lg">
        {vote.kind === 'select' && (
          <Text fw={700} fz="xl" mb="sm">
            {chosen.length ? t('tablet.chosen', { x: chosen.length }) : t('tablet.noneChosen')}
          </Text>
        )}
        <List spacing="sm" fz="xl">
          {chosen.map(({ candidate: c, mark }) => (
            <List.Item key={c.id}>
              {c.title}
              {vote.kind !== 'select' && `：${t(`mark.${mark}`)}`}
            </List.Item>
          ))}
        </List>
      </Paper>
      {/* Kept in view at the bottom however long the list: 确认提交 is never below the fold. */}
      <Group
        grow
        py="sm"
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)' }}
      >
        <Button size="xl" variant="default" onClick={onBack}>
          {t('tablet.back')}
        </Button>
        <Button size="xl" onClick={onConfirm} data-testid="confirm">
          {t('tablet.confirm')}
        </Button>
      </Group>
    </Stack>
  )
}
