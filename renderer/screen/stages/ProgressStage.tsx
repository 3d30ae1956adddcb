import { Box, Center, Stack, Text, Title } from '@mantine/core'
import type { ScreenProgressRow, ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { u } from '../use-screen'

/**
 * 验单, before the rating opens: last year's projects and how far each got (title, 牵头单位,
 * a bar and its %, the last update's date, and 滞后 in words where it was late), one row each
 * in a table the back row reads: 3.2u a line for up to ten projects, 2.8u past that (never
 * under the 2.5u floor). Public content only: what the progress report says.
 */
export function ProgressStage({ vote }: { vote: ScreenVoteView }) {
  const { t } = useI18n()
  const rows = vote.progress ?? []
  const fz = rows.length > 10 ? 2.8 : 3.2
  return (
    <Stack style={{ flex: 1, minHeight: 0 }} gap={u(2)} data-testid="stage-progress">
      <Stack gap={u(0.5)} align="center">
        <Title order={1} fz={u(5.5)} c="var(--mantine-color-red-text)" ta="center">
          {t('screen.progress.heading')}
        </Title>
        <Text fz={u(2.8)} c="dimmed" ta="center">
          {vote.title}
        </Text>
      </Stack>
      {rows.length === 0 ? (
        <Center style={{ flex: 1 }}>
          <Text fz={u(4)}>{t('screen.progress.empty')}</Text>
        </Center>
      ) : (
        <Box
          role="table"
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(0, 3.2fr) minmax(0, 1.6fr) minmax(0, 2fr) auto auto',
            columnGap: u(2.4),
            rowGap: u(rows.length > 10 ? 0.8 : 1.4),
            alignItems: 'center',
            alignContent: 'center',
            padding: `0 ${u(3)}`,
            fontSize: u(fz),
            flex: 1,
            minHeight: 0,
          }}
          data-testid="progress-table"
        >
          <Box role="row" style={{ display: 'contents' }}>
            {(['project', 'lead', 'percent', 'last', 'state'] as const).map((k) => (
              <Text key={k} role="columnheader" fz={u(2.6)} fw={700} c="dimmed">
                {t(`screen.progress.col.${k}`)}
              </Text>
            ))}
          </Box>
          {rows.map((row, i) => (
            <ProgressLine key={row.id} row={row} n={i + 1} />
          ))}
        </Box>
      )}
    </Stack>
  )
}

function ProgressLine({ row, n }: { row: ScreenProgressRow; n: number }) {
  const { t } = useI18n()
  const done = row.percent >= 100
  const state = done ? 'done' : row.late ? 'late' : 'going'
  return (
    <Box role="row" style={{ display: 'contents' }} data-testid={`progress-row-${row.id}`}>
      <Text role="cell" fz="inherit" fw={700} lh={1.25}>
        {n}. {row.title}
      </Text>
      <Text role="cell" fz="inherit" lh={1.25}>
        {row.leadUnit}
      </Text>
      <Box role="cell" style={{ display: 'flex', alignItems: 'center', gap: u(1.2) }}>
        <Box
          aria-hidden
          style={{
            flex: 1,
            height: u(1.8),
            background: 'var(--mantine-color-default-border)',
            borderRadius: u(0.9),
            overflow: 'hidden',
          }}
        >
          <Box
            h="100%"
            w={`${Math.max(0, Math.min(100, row.percent))}%`}
            bg={done ? 'green.8' : row.late ? 'orange.8' : 'blue.8'}
          />
        </Box>
        <Text fz="inherit" fw={800} w="4.2em" ta="right" data-testid="progress-percent">
          {row.percent}%
        </Text>
      </Box>
      <Text role="cell" fz="inherit" style={{ whiteSpace: 'nowrap' }}>
        {row.lastDate || t('screen.progress.noUpdate')}
      </Text>
      <Text
        role="cell"
        fz="inherit"
        fw={700}
        c={row.late && !done ? 'var(--mantine-color-red-text)' : undefined}
        style={{ whiteSpace: 'nowrap' }}
        data-testid="progress-state"
      >
        {t(`screen.progress.state.${state}`)}
      </Text>
    </Box>
  )
}
