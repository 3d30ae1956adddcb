import { Button, Group, NumberInput, Text } from '@mantine/core'
import { useState } from 'react'
import type { PaperCountView } from '../../../../shared/protocol/paper-count.schema'
import { useI18n } from '../../../common/i18n'
import type { VoteId } from '../../../../shared/protocol/ids'
import type { LiveSend } from '../use-live'

/**
 * 发出 and 收回 as the scrutineers counted them: 收回 may wait until the box is emptied and
 * counted. The host holds 收回 ≤ 发出 ≤ those to count, and says so by the figures. Keyed by
 * what the host holds (PaperCountPanel), so another console's record shows here at once.
 */
export function PaperTallies({
  voteId,
  count,
  send,
}: {
  voteId: VoteId
  count: PaperCountView
  send: LiveSend
}) {
  const { t } = useI18n()
  const [issued, setIssued] = useState<number | ''>(count.issued ?? '')
  const [returned, setReturned] = useState<number | ''>(count.returned ?? '')
  const changed = issued !== (count.issued ?? '') || returned !== (count.returned ?? '')

  return (
    <Group align="flex-end" gap="sm" data-testid="paper-tallies">
      <NumberInput
        size="md"
        label={t('paper.issued')}
        value={issued}
        min={0}
        allowDecimal={false}
        onChange={(v) => setIssued(typeof v === 'number' ? v : '')}
        data-testid="paper-issued"
        w={140}
      />
      <NumberInput
        size="md"
        label={t('paper.returned')}
        placeholder={t('paper.returnedLater')}
        value={returned}
        min={0}
        allowDecimal={false}
        onChange={(v) => setReturned(typeof v === 'number' ? v : '')}
        data-testid="paper-returned"
        w={200}
      />
      <Button
        size="md"
        disabled={issued === '' || !changed}
        onClick={() =>
          issued !== '' &&
          void send('paper:tallies', {
            voteId,
            issued,
            returned: returned === '' ? null : returned,
          })
        }
        data-testid="paper-tallies-save"
      >
        {t('paper.talliesSave')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('paper.talliesNote')}
      </Text>
    </Group>
  )
}
