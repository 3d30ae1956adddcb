import { Button, Loader, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import type { CandidateDetail } from '../../../shared/protocol/views'
import { formatCompletion } from '../../../shared/year/dates'
import { useI18n } from '../i18n'

/** A candidate's details as the ballot has them: asked for at the first opening. */
export type DetailState = CandidateDetail | 'loading' | 'failed' | undefined

/**
 * What a deputy reads of a candidate before marking: 简介, 牵头单位, 投资额, 类别, 计划完成时间 and
 * 群众点单 N 件 with its sources, in a sheet over the ballot. A native <dialog> (Safari 15.4+,
 * Chrome 99+, the tablets' floor): modal, closed by its button or the back/Esc key, and no
 * library weight on the tablet page. The ballot underneath, and its marks, stay as they were.
 */
export function CandidateSheet({
  id,
  title,
  detail,
  onClose,
}: {
  id: string
  title: string
  detail: DetailState
  onClose: () => void
}) {
  const { t, lang } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
    return () => d?.close()
  }, [])

  let body: ReactNode
  if (detail === 'loading' || detail === undefined) body = <Loader size="sm" />
  else if (detail === 'failed') body = <Text fz="lg">{t('tablet.detail.failed')}</Text>
  else {
    const { summary, leadUnit, budget, category, completion, proposals } = detail
    const sources = proposals.sources
      .map((s) => `${s.channel || t('tablet.detail.noChannel')} ${s.count}`)
      .join(t('tablet.detail.separator'))
    const lines = [
      leadUnit && t('tablet.detail.leadUnit', { unit: leadUnit }),
      budget !== null && t('tablet.detail.budget', { budget }),
      category && t('tablet.detail.category', { category }),
      completion && t('tablet.detail.completion', { date: formatCompletion(completion, lang) }),
      proposals.count > 0 && t('tablet.detail.proposals', { n: proposals.count }),
      proposals.count > 0 && t('tablet.detail.sources', { list: sources }),
    ].filter((line): line is string => typeof line === 'string' && line !== '')
    body = (
      <>
        {summary && <Text fz="lg">{summary}</Text>}
        {lines.map((line) => (
          <Text key={line} fz="lg" fw={500}>
            {line}
          </Text>
        ))}
        {!summary && lines.length === 0 && <Text fz="lg">{t('tablet.detail.none')}</Text>}
      </>
    )
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`detail-title-${id}`}
      data-testid={`detail-${id}`}
      // Esc or the system back gesture closes it as the button does.
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      style={{
        width: 'min(720px, 100%)',
        maxWidth: '100%',
        maxHeight: '85dvh',
        margin: 'auto auto 0',
        padding: 0,
        border: 'none',
        borderRadius: '16px 16px 0 0',
        boxShadow: '0 -4px 24px rgba(0, 0, 0, 0.35)',
      }}
    >
      <Stack gap="sm" p="lg">
        <Title order={3} id={`detail-title-${id}`}>
          {title}
        </Title>
        {body}
        <Button size="xl" mih={60} mt="sm" onClick={onClose} data-testid="detail-close">
          {t('tablet.detailsClose')}
        </Button>
      </Stack>
    </dialog>
  )
}
