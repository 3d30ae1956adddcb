import { Alert, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { PaperBatchView } from '../../../../shared/protocol/paper-count.schema'
import type { ConsoleVoteView } from '../../../../shared/protocol/views'
import { ConfirmButton } from '../../../common/ConfirmButton'
import { useI18n } from '../../../common/i18n'
import { blankPaper, PaperMarks, paperText } from '../PaperMarks'
import type { PaperDraft } from '../PaperMarks'
import type { LiveSend } from '../use-live'
import { statusInk } from '../../../common/theme'

/**
 * A batch whose two entries differ: each differing paper side by side (what each teller typed),
 * for a 监票人 to find in the stack and enter as it is written; then the batch is counted.
 */
export function PaperMismatch({
  vote,
  batch,
  scrutineers,
  send,
}: {
  vote: ConsoleVoteView
  batch: PaperBatchView
  /** The recorded 总监票人 and 监票人. */
  scrutineers: string[]
  send: LiveSend
}) {
  const { t } = useI18n()
  const [scrutineer, setScrutineer] = useState('')
  const [drafts, setDrafts] = useState<Record<number, PaperDraft>>({})
  const teller = (slot: 1 | 2) => batch.entries.find((e) => e.slot === slot)?.teller ?? ''
  const places = batch.differences.map((d) => d.index + 1).join('、')

  return (
    <Paper withBorder p="md" bg="orange.0" data-testid={`paper-mismatch-${batch.no}`}>
      <Stack gap="sm">
        <Title order={5}>{t('paper.mismatch.title', { batch: batch.no })}</Title>
        {batch.differences.map((d) => (
          <Paper
            key={d.index}
            withBorder
            p="sm"
            data-testid={`paper-mismatch-${batch.no}-${d.index + 1}`}
          >
            <Text fw={700} mb="xs">
              {t('paper.mismatch.place', { place: d.index + 1 })}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('paper.mismatch.first', { teller: teller(1) })}
                </Text>
                <Text fz="lg">{paperText(vote, d.first, t)}</Text>
              </Stack>
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('paper.mismatch.second', { teller: teller(2) })}
                </Text>
                <Text fz="lg">{paperText(vote, d.second, t)}</Text>
              </Stack>
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('paper.mismatch.resolve')}
                </Text>
                <PaperMarks
                  vote={vote}
                  value={drafts[d.index] ?? blankPaper}
                  onChange={(next) => setDrafts((all) => ({ ...all, [d.index]: next }))}
                  testId={`paper-resolve-${batch.no}-${d.index + 1}`}
                />
              </Stack>
            </SimpleGrid>
          </Paper>
        ))}
        {scrutineers.length === 0 && <Alert color="orange">{t('paper.begin.noTellers')}</Alert>}
        <Group align="flex-end" justify="space-between">
          <NativeSelect
            size="md"
            label={t('paper.mismatch.scrutineer')}
            value={scrutineer}
            onChange={(e) => setScrutineer(e.currentTarget.value)}
            data={[
              { value: '', label: t('paper.mismatch.pickScrutineer') },
              ...scrutineers.map((name) => ({ value: name, label: name })),
            ]}
            data-testid={`paper-resolve-${batch.no}-scrutineer`}
            miw={220}
          />
          <ConfirmButton
            size="lg"
            color={statusInk.warn}
            disabled={!scrutineer}
            label={t('paper.mismatch.save')}
            confirm={t('paper.mismatch.save.confirm', {
              name: scrutineer,
              batch: batch.no,
              places,
              size: batch.size,
            })}
            data-testid={`paper-resolve-${batch.no}-save`}
            onConfirm={() =>
              void send('paper:resolve', {
                voteId: vote.id,
                batch: batch.no,
                scrutineer,
                ballots: batch.differences.map((d) => {
                  const draft = drafts[d.index] ?? blankPaper
                  return {
                    index: d.index,
                    ballot: { marks: draft.spoiled ? {} : draft.marks, spoiled: draft.spoiled },
                  }
                }),
              })
            }
          />
        </Group>
      </Stack>
    </Paper>
  )
}
