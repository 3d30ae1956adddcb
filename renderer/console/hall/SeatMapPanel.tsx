import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useCallback, useMemo, useState } from 'react'
import { layoutSeats } from '../../../shared/hall/seat-map'
import type { ConsoleDeputyView, ConsoleState } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import type { SeatState } from '../../common/seat-canvas'
import { SeatLegend, seatSwatchStyle } from '../../common/SeatLegend'
import { SeatCanvas } from './SeatCanvas'

/** At most this many deputies are listed beside the map: staff narrow it down on the map. */
const MAX_LISTED = 150

const stateKey = {
  present: 'hall.seats.present',
  absent: 'hall.seats.absent',
  leave: 'hall.seats.leave',
  voted: 'hall.seats.voted',
  'not-voted': 'hall.seats.notVoted',
} as const

/** Counted from paper: the map says who voted on a tablet, and who is handed paper instead. */
const paperKey = {
  ...stateKey,
  voted: 'paper.seats.voted',
  'not-voted': 'paper.seats.notVoted',
} as const

/**
 * 座位图 in 会场: every deputy at their seat, checked in or not, on leave; while a vote is open,
 * voted or not yet (never how), so staff find the tablet that has not voted. Seats the roster's
 * numbers cannot place are listed under the map; with none placeable, the list is all there is.
 */
export function SeatMapPanel({
  roster,
  state,
}: {
  roster: ConsoleDeputyView[]
  state: ConsoleState
}) {
  const { t } = useI18n()
  const layout = useMemo(() => layoutSeats(roster.map((d) => d.seat)), [roster])
  const live = state.live
  const liveVote = live ? state.votes.find((v) => v.id === live.voteId) : undefined
  const voteTitle = liveVote?.title
  const onPaper = Boolean(liveVote?.paper)
  const keys = onPaper ? paperKey : stateKey
  const notVoted = useMemo(() => new Set(live?.notVotedIds ?? []), [live])
  const stateOf = useCallback(
    (index: number): SeatState => {
      const d = roster[index]
      if (!d || d.attendance === 'absent') return 'absent'
      if (d.attendance === 'leave') return 'leave'
      if (!live) return 'present'
      return notVoted.has(d.id) ? 'not-voted' : 'voted'
    },
    [roster, live, notVoted],
  )
  const shown: SeatState[] = live
    ? ['not-voted', 'voted', 'absent', 'leave']
    : ['present', 'absent', 'leave']
  const counts = useMemo(() => {
    const c: Record<SeatState, number> = {
      present: 0,
      absent: 0,
      leave: 0,
      voted: 0,
      'not-voted': 0,
    }
    for (let i = 0; i < roster.length; i++) c[stateOf(i)] += 1
    return c
  }, [roster, stateOf])

  /** Roster positions: the deputy under the pointer, and the one clicked (kept until the next). */
  const [hover, setHover] = useState<number | null>(null)
  const [picked, setPicked] = useState<number | null>(null)
  const describe = (index: number | null) => {
    const d = index === null ? undefined : roster[index]
    if (!d) return null
    return t('hall.seats.picked', {
      seat: d.seat,
      name: d.name,
      delegation: d.delegation,
      state: t(keys[stateOf(index!)]),
    })
  }
  const detail = describe(hover ?? picked)

  if (roster.length === 0) return null
  const placed = layout.seats.length > 0
  const listed = [...layout.unplaced].sort(
    (a, b) => Number(stateOf(b.index) === 'not-voted') - Number(stateOf(a.index) === 'not-voted'),
  )
  const summary = shown.map((s) => `${t(keys[s])} ${counts[s]}`).join('，')

  return (
    <Paper withBorder p="md" data-testid="seat-map-panel" data-mode={live ? 'vote' : 'checkin'}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={4}>{t('hall.seats.title')}</Title>
          <SeatLegend
            items={shown.map((s) => ({ state: s, label: t(keys[s]), count: counts[s] }))}
            size="18px"
            fz="md"
          />
        </Group>
        <Text size="sm" c="gray.7">
          {live
            ? t(onPaper ? 'paper.seats.voteMode' : 'hall.seats.voteMode', {
                title: voteTitle ?? '',
              })
            : t('hall.seats.hint')}
        </Text>
        {placed && (
          <SeatCanvas
            layout={layout}
            stateOf={stateOf}
            picked={picked}
            onHover={setHover}
            onPick={setPicked}
            label={t('hall.seats.aria', { summary })}
          />
        )}
        {placed && (
          <Text fw={600} mih="1.6em" role="status" data-testid="seat-detail">
            {detail ?? t('hall.seats.pickHint')}
          </Text>
        )}
        {listed.length > 0 && (
          <Stack gap={6} data-testid="seat-unplaced">
            <Text size="sm">
              {placed
                ? t('hall.seats.unplaced', { n: listed.length })
                : t('hall.seats.none', { n: listed.length })}
            </Text>
            <Group gap={6}>
              {listed.slice(0, MAX_LISTED).map(({ index, reason }) => {
                const d = roster[index]!
                const s = stateOf(index)
                return (
                  <Group
                    key={d.id}
                    gap={6}
                    wrap="nowrap"
                    px={8}
                    py={3}
                    style={{
                      border: '1px solid var(--mantine-color-gray-4)',
                      borderRadius: 4,
                      fontWeight: s === 'not-voted' ? 700 : 400,
                    }}
                    data-testid={`seat-unplaced-${d.id}`}
                  >
                    <Box
                      w={14}
                      h={14}
                      style={{ boxSizing: 'border-box', flex: 'none', ...seatSwatchStyle(s) }}
                      aria-hidden
                    />
                    <Text size="sm" fw="inherit">
                      {d.name}（{d.seat || '—'}
                      {reason === 'duplicate' ? ` · ${t('hall.seats.duplicate')}` : ''}）·{' '}
                      {t(keys[s])}
                    </Text>
                  </Group>
                )
              })}
            </Group>
            {listed.length > MAX_LISTED && (
              <Text size="sm" c="gray.7">
                {t('hall.seats.more', { n: listed.length - MAX_LISTED })}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
