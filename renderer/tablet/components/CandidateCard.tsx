import { Group, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import type { ReactNode } from 'react'
import type { CandidateDetail, CandidateProgress } from '../../../shared/protocol/views'
import { useI18n } from '../i18n'

/** A candidate's details as the ballot has them: asked for at the first opening. */
export type DetailState = CandidateDetail | 'loading' | 'failed' | undefined

/**
 * One candidate on the ballot: its number and title, what marks it (the whole row for a 差额
 * ballot, a row of mark buttons otherwise), and a 详情 button of its own that opens 简介,
 * 牵头单位 and 投资额 below the title. Opening never marks. A rating of last year's projects
 * says under each title how far it got (% and the last update's date), without opening 详情.
 */
export function CandidateCard({
  id,
  number,
  title,
  selected,
  onToggle,
  choice,
  detail,
  progress,
  onOpen,
}: {
  id: string
  number: number
  title: string
  /** 差额: whether it is ticked, and the tick; absent on a ballot with mark buttons. */
  selected?: boolean
  onToggle?: () => void
  /** The mark buttons of a 逐项/决议/测评 ballot. */
  choice?: ReactNode
  detail: DetailState
  /** A rating of last year's projects: % done and the last update, under the title. */
  progress?: CandidateProgress | undefined
  onOpen: () => void
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const heading = (
    <Text fz="xl" fw={500}>
      {number}. {title}
    </Text>
  )
  const toggleOpen = () => {
    if (!open) onOpen()
    setOpen(!open)
  }
  return (
    <Paper
      withBorder
      p="md"
      data-testid={`card-${id}`}
      bg={selected ? 'red.0' : undefined}
      style={{
        borderColor: selected ? 'var(--mantine-color-red-6)' : undefined,
        borderWidth: 2,
      }}
    >
      <Group wrap="nowrap" align="center" gap="sm">
        {onToggle ? (
          <UnstyledButton
            onClick={onToggle}
            role="checkbox"
            aria-checked={selected === true}
            data-testid={`candidate-${id}`}
            style={{ flex: 1, minHeight: 56 }}
          >
            <Group wrap="nowrap">
              <Text
                fz={32}
                lh={1}
                w={40}
                ta="center"
                c="red.7"
                aria-hidden
                style={{ flexShrink: 0 }}
              >
                {selected ? '☑' : '☐'}
              </Text>
              {heading}
            </Group>
          </UnstyledButton>
        ) : (
          <div style={{ flex: 1 }}>{heading}</div>
        )}
        <UnstyledButton
          onClick={toggleOpen}
          aria-expanded={open}
          data-testid={`details-${id}`}
          style={{
            flexShrink: 0,
            minHeight: 48,
            minWidth: 72,
            padding: '8px 12px',
            borderRadius: 'var(--mantine-radius-md)',
            border: '1px solid var(--mantine-color-gray-5)',
            fontSize: 'var(--mantine-font-size-lg)',
            textAlign: 'center',
          }}
        >
          {open ? t('tablet.detailsHide') : t('tablet.details')}
        </UnstyledButton>
      </Group>
      {/* Below the row, the card's whole width: at 200 % text it still reads as one line or two. */}
      {progress && (
        <Text fz="lg" c="dark.6" mt={6} data-testid={`progress-${id}`}>
          {progress.lastDate
            ? t('tablet.progress', { percent: progress.percent, date: progress.lastDate })
            : t('tablet.progress.none', { percent: progress.percent })}
        </Text>
      )}
      {open && <Details detail={detail} id={id} />}
      {choice && (
        <div data-testid={`candidate-${id}`} style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          {choice}
        </div>
      )}
    </Paper>
  )
}

function Details({ detail, id }: { detail: DetailState; id: string }) {
  const { t } = useI18n()
  let body: ReactNode
  if (detail === 'loading' || detail === undefined) body = <Loader size="sm" />
  else if (detail === 'failed') body = <Text fz="lg">{t('tablet.detail.failed')}</Text>
  else {
    const empty = !detail.summary && !detail.leadUnit && detail.budget === null
    body = (
      <>
        {detail.summary && <Text fz="lg">{detail.summary}</Text>}
        {detail.leadUnit && (
          <Text fz="lg">{t('tablet.detail.leadUnit', { unit: detail.leadUnit })}</Text>
        )}
        {detail.budget !== null && (
          <Text fz="lg">{t('tablet.detail.budget', { budget: detail.budget })}</Text>
        )}
        {empty && <Text fz="lg">{t('tablet.detail.none')}</Text>}
      </>
    )
  }
  return (
    <Stack
      gap={6}
      mt="sm"
      p="sm"
      bg="gray.0"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      data-testid={`detail-${id}`}
    >
      {body}
    </Stack>
  )
}
