import { Center, Stack, Text, Title } from '@mantine/core'
import type { ScreenVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { u } from '../use-screen'

/** A vote staff annulled: the hall reads that it was, and why; no count, no result. */
export function AnnulledStage({ vote }: { vote: ScreenVoteView }) {
  const { t } = useI18n()
  return (
    <Center style={{ flex: 1 }} data-testid="stage-annulled">
      <Stack align="center" gap={u(4)} w="84%">
        <Title order={1} fz={u(6)} ta="center" lh={1.25}>
          {vote.title}
        </Title>
        <Text
          fz={u(9)}
          fw={900}
          lh={1.1}
          c="red.9"
          ta="center"
          style={{
            border: `calc(0.8 * var(--u)) solid currentColor`,
            borderRadius: u(2),
            padding: `${u(1.5)} ${u(4)}`,
          }}
        >
          {t('screen.annulled')}
        </Text>
        <Text fz={u(4.4)} fw={600} ta="center" lh={1.4} data-testid="annul-reason">
          {t('screen.annulled.reason', { reason: vote.annulReason ?? '' })}
        </Text>
      </Stack>
    </Center>
  )
}
