import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { MeetingId } from '../../../shared/protocol/ids'
import type { RatingLink } from '../../../shared/year/year.schema'
import type { PreviousYear } from '../../../shared/year/year-view'
import { useI18n } from '../../common/i18n'
import type { ConsoleApi } from '../use-console'

/** 验单: a 满意度测评 made in one click from a previous meeting's year projects. */
export function RatingPanel({ api, ratings }: { api: ConsoleApi; ratings: RatingLink[] }) {
  const { t, errorText } = useI18n()
  const [previous, setPrevious] = useState<PreviousYear[] | null>(null)
  const [chosen, setChosen] = useState<string>('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const { call } = api
  // Asked again when another meeting is opened: its previous meetings are others.
  const meetingId = api.state?.meeting?.id
  useEffect(() => {
    void call('year:previous', {}).then((r) => {
      if (!r.ok) return
      setPrevious(r.data)
      setChosen(r.data[0]?.meetingId ?? '')
    })
  }, [call, meetingId])
  const create = async () => {
    setBusy(true)
    const result = await call('year:rating-create', { meetingId: chosen as MeetingId })
    setBusy(false)
    setMessage(
      result.ok
        ? { ok: true, text: t('year.rating.made') }
        : { ok: false, text: errorText(result.error) },
    )
  }
  const votes = api.state?.votes ?? []
  return (
    <Card withBorder data-testid="rating-panel">
      <Stack>
        <Title order={3}>{t('year.rating.title')}</Title>
        <Text size="sm">{t('year.rating.intro')}</Text>
        <Text size="sm" c="dimmed">
          {t('year.rating.flat')}
        </Text>
        {previous && previous.length === 0 && <Text c="dimmed">{t('year.rating.none')}</Text>}
        {previous && previous.length > 0 && (
          <Group align="flex-end">
            <NativeSelect
              label={t('year.rating.from')}
              value={chosen}
              onChange={(e) => setChosen(e.currentTarget.value)}
              data={previous.map((p) => ({
                value: p.meetingId,
                label: `${p.title}（${t('year.rating.projects', { n: p.projects })}）`,
              }))}
              data-testid="rating-from"
            />
            <Button
              size="md"
              loading={busy}
              disabled={!chosen}
              onClick={() => void create()}
              data-testid="create-rating"
            >
              {t('year.rating.create')}
            </Button>
          </Group>
        )}
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        )}
        {ratings.length > 0 && (
          <Stack gap={4}>
            <Text fw={700}>{t('year.rating.list')}</Text>
            {ratings.map((r) => (
              <Text key={r.voteId} size="sm" data-testid="rating-link">
                {votes.find((v) => v.id === r.voteId)?.title ?? r.voteId} —{' '}
                {t(r.writtenBackAt ? 'year.rating.written' : 'year.rating.pending', {
                  meeting: r.fromMeetingTitle,
                })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}
