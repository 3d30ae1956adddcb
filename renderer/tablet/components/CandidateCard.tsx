import { Group, Paper, Text, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import type { CandidateProgress } from '../../../shared/protocol/views'
import { useI18n } from '../i18n'

/**
 * One candidate on the ballot: its number and title, what marks it (the whole row for a 差额
 * ballot, a row of mark buttons otherwise), and a 详情 button of its own that opens the
 * candidate's sheet (CandidateSheet). Opening never marks. A rating of last year's projects
 * says under each title how far it got (% and the last update's date), without opening 详情.
 */
export function CandidateCard({
  id,
  number,
  title,
  selected,
  onToggle,
  choice,
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
  /** A rating of last year's projects: % done and the last update, under the title. */
  progress?: CandidateProgress | undefined
  onOpen: () => void
}) {
  const { t } = useI18n()
  const heading = (
    <Text fz="xl" fw={500}>
      {number}. {title}
    </Text>
  )
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
          onClick={onOpen}
          aria-haspopup="dialog"
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
          {t('tablet.details')}
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
      {choice && (
        <div data-testid={`candidate-${id}`} style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          {choice}
        </div>
      )}
    </Paper>
  )
}
