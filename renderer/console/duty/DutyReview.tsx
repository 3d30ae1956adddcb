import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { Candidate, DutyView, ReviewEntry } from '../../../shared/duty/duty-view'
import type { EntryRef } from '../../../shared/duty/duty.schema'
import { ConfirmButton } from '../../common/ConfirmButton'
import { useI18n } from '../../common/i18n'
import type { ConsoleApi } from '../use-console'

/** Of each list, this many are drawn at once: staff work down it and the rest move up. */
const shown = 20

/** One meeting's deputy as staff tell them apart: meeting, date, name, delegation, 编号. */
export function EntryText({ entry }: { entry: ReviewEntry }) {
  const { t } = useI18n()
  return (
    <Text size="sm">
      {t('duty.entry', {
        meeting: entry.meetingTitle,
        date: entry.date,
        name: entry.name,
        delegation: entry.delegation,
        number: entry.number || t('duty.noNumber'),
      })}
    </Text>
  )
}

/** Another deputy this entry may be, with the button that says so. */
export function CandidateLine({
  candidate,
  label,
  onJoin,
  pl,
}: {
  candidate: Candidate
  label: string
  onJoin: () => void
  pl?: string
}) {
  const { t } = useI18n()
  const c = candidate
  return (
    <Group gap="xs" pl={pl}>
      <Button size="xs" variant={pl ? 'filled' : 'default'} onClick={onJoin}>
        {label}
      </Button>
      <Text size="sm">
        {c.name} · {c.delegation} · {c.number || t('duty.noNumber')} · {c.meetingTitles.join('、')}
      </Text>
    </Group>
  )
}

/**
 * What staff should check before the record goes to the duty system: deputies that could not be
 * told apart from a namesake (never merged: say who they are, or list them on their own), and
 * matches made by name or across a change of name or delegation (confirm, or take one out).
 * Each answer is the staff's decision, kept and audited.
 */
export function DutyReview({
  api,
  review,
  onChanged,
}: {
  api: ConsoleApi
  review: DutyView['review']
  onChanged: () => Promise<void>
}) {
  const { t } = useI18n()
  if (review.ambiguous.length === 0 && review.confirm.length === 0) return null
  const act = async (request: Promise<boolean>) => {
    await request
    await onChanged()
  }
  const separate = (entry: EntryRef) => act(api.send('duty:separate', { entry }))
  const persons = review.confirm.map((c) => c.entries.map((e) => e.ref))
  return (
    <Card withBorder data-testid="duty-review">
      <Stack>
        <Title order={3}>{t('duty.review.title')}</Title>
        {review.ambiguous.length > 0 && (
          <Alert color="orange" title={t('duty.review.ambiguous')}>
            <Text size="sm" mb="sm">
              {t('duty.review.ambiguous.hint')}
            </Text>
            <Stack gap="md">
              {review.ambiguous.slice(0, shown).map((item) => (
                <Stack key={item.key} gap={4} data-testid="duty-ambiguous">
                  <Group gap="xs">
                    <Badge color="orange.9">{t(`duty.review.reason.${item.reason}`)}</Badge>
                    <EntryText entry={item.entry} />
                  </Group>
                  {item.candidates.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('duty.review.noCandidate')}
                    </Text>
                  )}
                  {item.candidates.map((c) => (
                    <CandidateLine
                      key={c.key}
                      candidate={c}
                      label={t('duty.review.isThis')}
                      pl="md"
                      onJoin={() =>
                        void act(api.send('duty:join', { entry: item.entry.ref, to: c.to }))
                      }
                    />
                  ))}
                  <Group pl="md">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => void separate(item.entry.ref)}
                    >
                      {t('duty.review.keepApart')}
                    </Button>
                  </Group>
                </Stack>
              ))}
              {review.ambiguous.length > shown && (
                <Text size="sm">
                  {t('duty.review.more', { n: review.ambiguous.length - shown })}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {review.confirm.length > 0 && (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={4}>{t('duty.review.confirm')}</Title>
              <ConfirmButton
                color="blue"
                label={t('duty.review.confirmAll', { n: persons.length })}
                confirm={t('duty.review.confirmAll.confirm', { n: persons.length })}
                onConfirm={() => void act(api.send('duty:confirm', { persons }))}
                data-testid="duty-confirm-all"
              />
            </Group>
            <Text size="sm" c="dimmed">
              {t('duty.review.confirm.hint')}
            </Text>
            {review.confirm.slice(0, shown).map((item) => (
              <Card key={item.key} withBorder p="sm" data-testid="duty-confirm">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    {item.entries.map((e) => (
                      <Group key={`${e.ref.meetingId}/${e.ref.deputyId}`} gap="xs">
                        <EntryText entry={e} />
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => void separate(e.ref)}
                        >
                          {t('duty.review.separate')}
                        </Button>
                      </Group>
                    ))}
                  </Stack>
                  <Button
                    size="xs"
                    onClick={() =>
                      void act(
                        api.send('duty:confirm', { persons: [item.entries.map((e) => e.ref)] }),
                      )
                    }
                  >
                    {t('duty.review.confirmOne')}
                  </Button>
                </Group>
              </Card>
            ))}
            {review.confirm.length > shown && (
              <Text size="sm">{t('duty.review.more', { n: review.confirm.length - shown })}</Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}
