import { Box, Center, Group, Progress, Stack, Text, Title } from '@mantine/core'
import QRCode from 'qrcode'
import { useMemo } from 'react'
import { meetingDetailLine, sessionLine } from '../../../shared/hall/meeting-details'
import type { AttendanceView, ScreenState } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { qrPath, quorumState } from '../stage-data'
import { u } from '../use-screen'

/** Stages about the hall rather than a vote: blank/emblem, welcome, 报到. */

export function BlankStage({ state }: { state: ScreenState }) {
  const { t } = useI18n()
  return (
    <Center style={{ flex: 1 }} data-testid="stage-blank">
      <Stack align="center" gap={u(4)}>
        <Emblem size={22} />
        <Text fz={u(4)} fw={700} c="var(--mantine-color-red-text)" ta="center">
          {state.meetingTitle ?? t('app.name')}
        </Text>
      </Stack>
    </Center>
  )
}

/** A plain seal-like mark: no image to load, nothing from the internet. */
function Emblem({ size }: { size: number }) {
  return (
    <Center
      w={u(size)}
      h={u(size)}
      bg="red.7"
      style={{
        borderRadius: '50%',
        boxShadow: '0 0 0 calc(0.8 * var(--u)) var(--mantine-color-red-2)',
      }}
    >
      <Text fz={u(size * 0.3)} fw={800} c="white" lh={1} ta="center">
        票决
      </Text>
    </Center>
  )
}

export function WelcomeStage({ state }: { state: ScreenState }) {
  const { t, lang } = useI18n()
  const details = state.meetingDetails
  const session = details ? sessionLine(state.meetingTitle ?? '', details) : ''
  const detail = details ? meetingDetailLine(details, lang) : ''
  return (
    <Group
      style={{ flex: 1 }}
      justify="center"
      gap={u(8)}
      wrap="nowrap"
      data-testid="stage-welcome"
    >
      <Stack gap={u(3)} style={{ maxWidth: u(95) }}>
        <Text fz={u(3.6)} fw={700} c="var(--mantine-color-red-text)">
          {t('app.name')}
        </Text>
        {session && (
          <Text fz={u(3.6)} fw={700} lh={1.3} data-testid="welcome-session">
            {session}
          </Text>
        )}
        <Title order={1} fz={u(7)} lh={1.25} data-testid="welcome-title">
          {state.meetingTitle ?? t('app.name')}
        </Title>
        {detail && (
          <Text fz={u(3.2)} lh={1.3} data-testid="welcome-details">
            {detail}
          </Text>
        )}
        <AttendanceLine attendance={state.attendance} />
      </Stack>
      {state.joinUrl && (
        <Stack align="center" gap={u(1.5)}>
          <JoinQr url={state.joinUrl} size={44} />
          <Text fz={u(2.8)} ta="center">
            {t('screen.welcome.scan')}
          </Text>
          <Text fz={u(2.6)} c="dimmed" ta="center">
            {t('screen.welcome.orOpen')}
          </Text>
          <Text fz={u(3)} fw={700} ff="monospace" data-testid="join-url">
            {state.joinUrl}
          </Text>
        </Stack>
      )}
    </Group>
  )
}

function AttendanceLine({ attendance }: { attendance: AttendanceView }) {
  const { t } = useI18n()
  return (
    <Group gap={u(4)}>
      {(
        [
          ['roster', attendance.roster, undefined],
          ['present', attendance.present, 'screen-present'],
          ['absent', attendance.absent, undefined],
        ] as const
      ).map(([key, value, testId]) => (
        <Text key={key} fz={u(3.6)}>
          {t(`count.${key}`)}{' '}
          <b data-testid={testId} style={{ fontSize: u(5) }}>
            {value}
          </b>
        </Text>
      ))}
    </Group>
  )
}

/** The join QR as SVG, drawn here from the URL the host sends: sharp on a 4K projector. */
export function JoinQr({ url, size }: { url: string; size: number }) {
  const qr = useMemo(() => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
    return { size: modules.size, path: qrPath(modules.size, (r, c) => modules.get(r, c) === 1) }
  }, [url])
  const quiet = 4
  const view = qr.size + 2 * quiet
  return (
    <Box w={u(size)} h={u(size)} bg="white" style={{ borderRadius: u(1) }} data-testid="join-qr">
      <svg
        viewBox={`${-quiet} ${-quiet} ${view} ${view}`}
        width="100%"
        height="100%"
        shapeRendering="crispEdges"
        role="img"
        aria-label={url}
      >
        <path d={qr.path} fill="#000" />
      </svg>
    </Box>
  )
}

export function CheckinStage({ state }: { state: ScreenState }) {
  const { t } = useI18n()
  const { roster, present, absent } = state.attendance
  const quorum = quorumState(state.attendance)
  return (
    <Center style={{ flex: 1 }} data-testid="stage-checkin">
      <Stack align="center" gap={u(4)} w="86%">
        <Title order={1} fz={u(7)}>
          {t('screen.checkin.title')}
        </Title>
        <Group gap={u(12)} justify="center" wrap="nowrap">
          <Stat label={t('count.roster')} value={roster} testId="checkin-roster" />
          <Stat label={t('count.present')} value={present} testId="screen-present" accent />
          <Stat label={t('count.absent')} value={absent} testId="checkin-absent" />
        </Group>
        <Box w="100%" pos="relative">
          <Progress
            value={roster ? (100 * present) / roster : 0}
            h={u(3)}
            color={quorum.met ? 'teal' : 'orange'}
            radius={u(1.5)}
            aria-label={t('count.present')}
          />
          {/* Where the quorum lies on the bar. */}
          <Box
            pos="absolute"
            top={`calc(-1 * var(--u))`}
            h={u(5)}
            w={u(0.5)}
            bg="var(--mantine-color-text)"
            style={{ left: `${roster ? (100 * quorum.needed) / roster : 0}%` }}
          />
        </Box>
        <Text
          fz={u(3.4)}
          fw={700}
          // Dark teal with white, black on amber: 5:1 and more from the back row (never white on
          // orange, which is 2.6:1).
          c={quorum.met ? 'white' : 'dark.9'}
          bg={quorum.met ? 'teal.9' : 'orange.5'}
          px={u(3)}
          py={u(1)}
          lh={1.3}
          style={{ borderRadius: u(4) }}
          data-testid="quorum"
          data-met={quorum.met}
        >
          {quorum.met
            ? t('screen.checkin.quorumMet', { needed: quorum.needed })
            : t('screen.checkin.quorumNotMet', { needed: quorum.needed })}
        </Text>
      </Stack>
    </Center>
  )
}

export function Stat({
  label,
  value,
  testId,
  accent,
}: {
  label: string
  value: number | string
  testId?: string
  accent?: boolean
}) {
  return (
    <Stack gap={0} align="center">
      <Text fz={u(3.8)} c="dimmed">
        {label}
      </Text>
      <Text
        fz={u(14)}
        fw={800}
        lh={1.1}
        c={accent ? 'var(--mantine-color-red-text)' : undefined}
        data-testid={testId}
      >
        {value}
      </Text>
    </Stack>
  )
}
