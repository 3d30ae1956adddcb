import { Alert, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import type { ReactNode } from 'react'
import type { BudgetUnit, ImportPreviewView } from '../../../shared/protocol/preparation.schema'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import type { ImportKind, RowOf } from '../staff-api'
import { uploadSpreadsheet } from '../staff-api'
import { ImportChanges } from './ImportChanges'
import { UnitQuestion } from './UnitQuestion'

export interface PreviewColumn<K extends ImportKind> {
  label: string
  cell: (row: RowOf<K>) => ReactNode
}

const panelTexts = {
  roster: { import: 'prep.roster.import', done: 'prep.import.doneRoster' },
  projects: { import: 'prep.projects.import', done: 'prep.import.doneProjects' },
  proposals: { import: 'proposals.import', done: 'proposals.imported' },
  progress: { import: 'year.import.button', done: 'year.import.done' },
} as const

/** Rows shown in full up to this many; beyond, the first ones and every row with a problem. */
const shownRows = 100

/**
 * Upload a spreadsheet, see its preview (every problem by row, and the rows), confirm only a
 * clean one. The host keeps a clean preview under an id; confirming sends just that id.
 */
export function ImportPanel<K extends ImportKind>({
  kind,
  token,
  columns,
  onConfirm,
}: {
  kind: K
  token: string
  columns: PreviewColumn<K>[]
  /** Resolves with the imported count, or null when the host refused (it shows why). */
  onConfirm: (previewId: string) => Promise<number | null>
}) {
  const { t, lang } = useI18n()
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState<ImportPreviewView<RowOf<K>> | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  // Kept for a question the preview asks (the budget's unit): the answer reads it again.
  const [file, setFile] = useState<File | null>(null)

  const pick = async (picked: File | undefined, budgetUnit?: BudgetUnit) => {
    if (!picked) return
    setFile(picked)
    setBusy(true)
    setFailure(null)
    setDone(null)
    setPreview(null)
    const outcome = await uploadSpreadsheet(kind, picked, token, budgetUnit)
    setBusy(false)
    if (outcome.ok) setPreview(outcome.preview)
    else setFailure(outcome.message)
  }

  const confirm = async () => {
    if (!preview?.previewId) return
    setBusy(true)
    const count = await onConfirm(preview.previewId)
    setBusy(false)
    if (count === null) return
    setPreview(null)
    setFile(null)
    setDone(t(panelTexts[kind].done, { n: count }))
  }

  const unitAsked = preview?.problems.find((p) => p.code === 'budget-unit')?.column ?? null
  const clean = preview !== null && preview.problems.length === 0 && preview.previewId !== null
  // Removing deputies voids their printed cards: confirming names them first.
  const removed = kind === 'roster' ? (preview?.changes?.removed ?? []) : []

  return (
    <Stack gap="sm">
      <Group>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          data-testid={`${kind}-file`}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            e.currentTarget.value = ''
            void pick(file)
          }}
        />
        <Button onClick={() => input.current?.click()} loading={busy && !preview}>
          {t(panelTexts[kind].import)}
        </Button>
        <Text size="sm" c="dimmed">
          {t('prep.import.hint')}
        </Text>
      </Group>
      {failure && (
        <Alert
          color="red"
          title={t('prep.import.failed')}
          withCloseButton
          onClose={() => setFailure(null)}
        >
          {failure}
        </Alert>
      )}
      {done && (
        <Alert
          color="green"
          withCloseButton
          onClose={() => setDone(null)}
          data-testid={`${kind}-imported`}
        >
          {done}
        </Alert>
      )}
      {preview && (
        <Paper withBorder p="md" data-testid={`${kind}-preview`}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Group gap="xs">
                <Text fw={700}>{t('prep.import.preview')}</Text>
                <Text>{preview.fileName}</Text>
                {preview.sheet && (
                  <Badge variant="light" color="gray" tt="none">
                    {t('prep.import.sheet', { sheet: preview.sheet })}
                  </Badge>
                )}
                <Badge variant="light" color="gray" tt="none">
                  {t('prep.import.rows', { n: preview.totalRows })}
                </Badge>
                {clean ? (
                  <Badge color="green">{t('prep.import.clean')}</Badge>
                ) : (
                  <Badge color="red" data-testid={`${kind}-problem-count`}>
                    {t('prep.import.problems', { n: preview.problems.length })}
                  </Badge>
                )}
              </Group>
              <Button variant="default" onClick={() => setPreview(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
            {preview.problems.length > 0 && (
              <Alert color="red" title={t('prep.import.fixFirst')}>
                <Stack gap={2} data-testid={`${kind}-problems`}>
                  {preview.problems.map((p, i) => (
                    <Text key={i} size="sm">
                      {lang === 'en' ? p.messageEn : p.message}
                    </Text>
                  ))}
                </Stack>
                {unitAsked && file && (
                  <UnitQuestion column={unitAsked} onAnswer={(unit) => void pick(file, unit)} />
                )}
              </Alert>
            )}
            {preview.notices.length > 0 && (
              <Alert color="blue" data-testid={`${kind}-notices`}>
                <Stack gap={2}>
                  {preview.notices.map((n, i) => (
                    <Text key={i} size="sm">
                      {lang === 'en' ? n.messageEn : n.message}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
            {clean && preview.changes && <ImportChanges kind={kind} changes={preview.changes} />}
            {preview.rows.length > 0 && <PreviewTable preview={preview} columns={columns} />}
            <Group justify="flex-end">
              <Button
                color="green"
                disabled={!clean}
                loading={busy}
                onClick={() => (removed.length > 0 ? setAsking(true) : void confirm())}
                data-testid={`${kind}-confirm`}
              >
                {t('prep.import.confirm')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <ConfirmDialog
        opened={asking}
        title={t('prep.changes.confirmTitle')}
        confirmLabel={t('prep.import.confirm')}
        onConfirm={() => void confirm()}
        onClose={() => setAsking(false)}
      >
        <Stack gap="xs">
          <Text>{t('prep.changes.confirmRemoved', { n: removed.length })}</Text>
          <Text fw={700} data-testid="roster-cards-stop">
            {removed.join('，')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('prep.changes.confirmKept')}
          </Text>
        </Stack>
      </ConfirmDialog>
    </Stack>
  )
}

function PreviewTable<K extends ImportKind>({
  preview,
  columns,
}: {
  preview: ImportPreviewView<RowOf<K>>
  columns: PreviewColumn<K>[]
}) {
  const { t } = useI18n()
  const badRows = new Set(preview.problems.map((p) => p.row))
  const shown = preview.rows
    .map((row, i) => ({ row, at: preview.rowNumbers[i] ?? 0, i }))
    .filter(({ at, i }) => i < shownRows || badRows.has(at))
  return (
    <>
      <ScrollArea.Autosize mah={360}>
        <Table striped withTableBorder fz="sm" data-testid={`${preview.kind}-preview-rows`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('prep.import.row')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.label}>{c.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map(({ row, at }) => (
              <Table.Tr key={at} bg={badRows.has(at) ? 'red.0' : undefined}>
                <Table.Td c={badRows.has(at) ? 'red.8' : 'dimmed'}>{at}</Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.label}>{c.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {shown.length < preview.rows.length && (
        <Text size="sm" c="dimmed">
          {t('prep.import.more', { shown: shown.length, n: preview.rows.length })}
        </Text>
      )}
    </>
  )
}
