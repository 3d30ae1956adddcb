import { Badge, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { hasQuorum, quorumNeeded } from '../../../shared/protocol/attendance.schema'
import type { QuorumRule } from '../../../shared/protocol/attendance.schema'
import type { AttendanceView } from '../../../shared/protocol/views'
import { ConfirmDialog } from '../../common/ConfirmDialog'
import { useI18n } from '../../common/i18n'
import type { LiveSend } from './use-live'

/** Quorum rules a congress uses; `0/1` is a rehearsal without one. */
const quorumPresets = ['2/3', '1/2', '0/1'] as const

/** 应到 / 实到 / 缺席 / 请假 and whether the quorum is met, large enough to read across a desk. */
export function AttendanceSummary({
  attendance,
  tabletsOnline,
  send,
  midMeeting,
}: {
  attendance: AttendanceView
  tabletsOnline: number
  send: LiveSend
  /** Someone is checked in or a vote has opened: a quorum change then asks first. */
  midMeeting: boolean
}) {
  const { t } = useI18n()
  const cells: [string, number, string][] = [
    [t('count.roster'), attendance.roster, 'roster'],
    [t('count.present'), attendance.present, 'present'],
    [t('count.absent'), attendance.absent, 'absent'],
    [t('count.leave'), attendance.leave, 'leave'],
    [t('console.tablets'), tabletsOnline, 'tablets'],
  ]
  const quorumLabel = (value: string) =>
    value === '2/3'
      ? t('live.quorum.twoThirds')
      : value === '1/2'
        ? t('live.quorum.half')
        : value === '0/1'
          ? t('live.quorum.none')
          : value
  const current = `${attendance.quorum.numerator}/${attendance.quorum.denominator}`
  const [asking, setAsking] = useState<QuorumRule | null>(null)
  const quorumQuestion = (to: QuorumRule) => {
    const neededTo = quorumNeeded(attendance.roster, to)
    return t('live.quorum.confirm', {
      from: quorumLabel(current),
      to: quorumLabel(`${to.numerator}/${to.denominator}`),
      roster: attendance.roster,
      neededFrom: attendance.quorumNeeded,
      neededTo,
      present: attendance.present,
      outcome: hasQuorum(attendance.present, attendance.roster, to)
        ? t('live.quorumMet')
        : t('live.quorumNotMet'),
    })
  }
  const options = quorumPresets.includes(current as (typeof quorumPresets)[number])
    ? quorumPresets
    : [current, ...quorumPresets]
  return (
    <Paper withBorder p="md">
      <Group gap="xl" align="flex-end">
        {cells.map(([label, value, id]) => (
          <Stack key={id} gap={0} align="center">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fz={32} fw={700} lh={1.1} data-testid={`live-${id}`}>
              {value}
            </Text>
          </Stack>
        ))}
        <Stack gap={4}>
          <Badge size="xl" color={attendance.quorumMet ? 'green' : 'red'} data-testid="live-quorum">
            {attendance.quorumMet ? t('live.quorumMet') : t('live.quorumNotMet')}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('live.quorumNeeded', { needed: attendance.quorumNeeded })}
          </Text>
        </Stack>
        <NativeSelect
          label={t('live.quorumRule')}
          data-testid="quorum-rule"
          value={current}
          data={options.map((value) => ({ value, label: quorumLabel(value) }))}
          onChange={(e) => {
            const [numerator = 2, denominator = 3] = e.currentTarget.value.split('/').map(Number)
            const rule = { numerator, denominator }
            // Before anyone is here it is preparation; once the meeting runs it asks first.
            if (midMeeting) setAsking(rule)
            else void send('meeting:set-quorum', rule)
          }}
        />
      </Group>
      <ConfirmDialog
        opened={asking !== null}
        title={t('live.quorum.confirmTitle')}
        confirmLabel={t('live.quorum.change')}
        onClose={() => setAsking(null)}
        onConfirm={() => {
          if (asking) void send('meeting:set-quorum', asking)
        }}
      >
        {asking ? quorumQuestion(asking) : ''}
      </ConfirmDialog>
    </Paper>
  )
}
