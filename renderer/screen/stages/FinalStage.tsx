import { Box, Center, Group, Stack, Text, Title } from '@mantine/core'
import type { ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { finalHeading } from '../stage-data'
import { u } from '../use-screen'

/** The list that closes the item: "2027年度民生实事项目", the elected projects in rank order. */
export function FinalStage({ vote }: { vote: ScreenVoteView }) {
  const { t } = useI18n()
  const heading = finalHeading(vote.title)
  const entries = vote.final
  // Two columns past eight lines, so fifteen projects still read at 3.6u.
  const columns = entries.length > 8 ? 2 : 1
  return (
    <Stack style={{ flex: 1, minHeight: 0 }} gap={u(3)} data-testid="stage-final">
      <Stack gap={u(0.5)} align="center">
        <Title order={1} fz={u(7)} c="var(--mantine-color-red-text)" data-testid="final-heading">
          {heading.year ? t('screen.final.heading', { year: heading.year }) : heading.title}
        </Title>
        <Text fz={u(3)} c="dimmed">
          {t('screen.final.count', { n: entries.length })}
        </Text>
      </Stack>
      {entries.length === 0 ? (
        <Center style={{ flex: 1 }}>
          <Text fz={u(4)}>{t('screen.final.empty')}</Text>
        </Center>
      ) : (
        <Box
          style={{
            flex: 1,
            display: 'grid',
            // Column by column, so the numbers read 1–8 down the left, then on down the right.
            gridTemplateRows: `repeat(${Math.ceil(entries.length / columns)}, auto)`,
            gridAutoFlow: 'column',
            gridAutoColumns: 'minmax(0, 1fr)',
            alignContent: 'center',
            rowGap: u(entries.length > 10 ? 1.4 : 2.2),
            columnGap: u(4),
            padding: `0 ${u(4)}`,
            boxSizing: 'border-box',
          }}
          data-testid="final-list"
        >
          {entries.map((entry, i) => (
            <Group
              key={entry.id}
              gap={u(2)}
              wrap="nowrap"
              data-reveal="late"
              style={{ animationDelay: `${Math.min(1.5, i * 0.08)}s` }}
            >
              <Center
                w={u(6)}
                h={u(6)}
                bg="red.7"
                c="white"
                style={{ borderRadius: '50%', flexShrink: 0 }}
              >
                <Text fz={u(3.2)} fw={800}>
                  {i + 1}
                </Text>
              </Center>
              <Box style={{ minWidth: 0 }}>
                <Text fz={u(3.6)} fw={700} lh={1.2} data-testid="final-title">
                  {entry.title}
                </Text>
                {entry.leadUnit && (
                  <Text fz={u(2.6)} c="dimmed" lh={1.2}>
                    {entry.leadUnit}
                  </Text>
                )}
              </Box>
            </Group>
          ))}
        </Box>
      )}
    </Stack>
  )
}
