import { Badge, Button, Group, NativeSelect, NumberInput, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type {
  PaperBatchState,
  PaperBatchView,
  PaperEntryView,
  PaperSlot,
} from '../../../../shared/protocol/paper-count.schema'
import { ConfirmButton } from '../../../common/ConfirmButton'
import { useI18n } from '../../../common/i18n'
import { statusInk } from '../../../common/theme'

/** Dark enough for white letters (4.5:1 and more). */
const stateColor: Record<PaperBatchState, string> = {
  entering: 'blue.9',
  mismatch: statusInk.warn,
  merged: statusInk.good,
}

/**
 * The batches: each with its size, its state in words and colour, and its two entries by who
 * and how far (never what they say). This device's unfinished entry can be continued; another
 * device's can be taken over here once that device failed (asked first, audited).
 */
export function PaperBatches({
  batches,
  device,
  onContinue,
  onMove,
}: {
  batches: PaperBatchView[]
  device: string
  onContinue: (batch: number, slot: PaperSlot) => void
  onMove: (batch: number, slot: PaperSlot) => void
}) {
  const { t } = useI18n()
  if (batches.length === 0) return <Text c="dimmed">{t('paper.noBatches')}</Text>
  const entryLine = (b: PaperBatchView, e: PaperEntryView) =>
    t('paper.entryProgress', { slot: e.slot, teller: e.teller, entered: e.entered, size: b.size }) +
    (e.finished ? t('paper.entryDone') : '') +
    (e.device === device ? t('paper.entryMine') : '')

  return (
    <Table verticalSpacing="xs" data-testid="paper-batches">
      <Table.Tbody>
        {batches.map((b) => (
          <Table.Tr key={b.no} data-testid={`paper-batch-${b.no}`}>
            <Table.Td fw={700}>{t('paper.batch', { no: b.no })}</Table.Td>
            <Table.Td>{t('paper.batchSize', { size: b.size })}</Table.Td>
            <Table.Td>
              <Badge color={stateColor[b.state]} variant="filled" size="lg">
                {t(`paper.state.${b.state}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Stack gap={4}>
                {b.entries.map((e) => (
                  <Group key={e.slot} gap="xs">
                    <Text>{entryLine(b, e)}</Text>
                    {b.state === 'entering' && !e.finished && e.device === device && (
                      <Button
                        size="xs"
                        onClick={() => onContinue(b.no, e.slot)}
                        data-testid={`paper-continue-${b.no}-${e.slot}`}
                      >
                        {t('paper.continue')}
                      </Button>
                    )}
                    {b.state === 'entering' && !e.finished && e.device !== device && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color={statusInk.warn}
                        label={t('paper.move')}
                        confirm={t('paper.move.confirm', {
                          batch: b.no,
                          slot: e.slot,
                          teller: e.teller,
                        })}
                        onConfirm={() => onMove(b.no, e.slot)}
                      />
                    )}
                  </Group>
                ))}
                {b.resolvedBy && (
                  <Text size="sm" c="dimmed">
                    {t('paper.resolvedBy', { name: b.resolvedBy, n: b.resolved })}
                  </Text>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** A 计票人 begins an entry here: the batch's number and size as on its cover, and who types. */
export function PaperBegin({
  tellers,
  left,
  onBegin,
}: {
  tellers: string[]
  left: number
  onBegin: (input: { batch: number; size: number; teller: string }) => void
}) {
  const { t } = useI18n()
  const [batch, setBatch] = useState<number | ''>('')
  const [size, setSize] = useState<number | ''>('')
  const [teller, setTeller] = useState('')
  if (tellers.length === 0) return <Text c="orange.9">{t('paper.begin.noTellers')}</Text>
  return (
    <Group align="flex-end" gap="sm" data-testid="paper-begin">
      <NumberInput
        size="md"
        label={t('paper.begin.batch')}
        value={batch}
        min={1}
        max={999}
        allowDecimal={false}
        onChange={(v) => setBatch(typeof v === 'number' ? v : '')}
        data-testid="paper-begin-batch"
        w={180}
      />
      <NumberInput
        size="md"
        label={t('paper.begin.size')}
        value={size}
        min={1}
        max={Math.max(1, left)}
        allowDecimal={false}
        clampBehavior="none"
        onChange={(v) => setSize(typeof v === 'number' ? v : '')}
        data-testid="paper-begin-size"
        w={140}
      />
      <NativeSelect
        size="md"
        label={t('paper.begin.teller')}
        value={teller}
        onChange={(e) => setTeller(e.currentTarget.value)}
        data={[
          { value: '', label: t('paper.begin.pick') },
          ...tellers.map((name) => ({ value: name, label: name })),
        ]}
        data-testid="paper-begin-teller"
        miw={180}
      />
      <Button
        size="md"
        disabled={batch === '' || size === '' || !teller}
        onClick={() => batch !== '' && size !== '' && onBegin({ batch, size, teller })}
        data-testid="paper-begin-go"
      >
        {t('paper.begin.go')}
      </Button>
    </Group>
  )
}
