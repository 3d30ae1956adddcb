import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { buildAnnouncement } from '../../../shared/hall/announcement'
import type { QuorumRule } from '../../../shared/protocol/attendance.schema'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { useI18n } from '../../common/i18n'
import { staffHref } from '../staff-api'

/**
 * 宣布稿: the chair's announcement of the vote in hand, once it is published (or annulled), in
 * large calm type to read from at the rostrum; the same text the archive writes, in the
 * console's language, with its Word copy to download and edit.
 */
export function AnnouncementPanel({
  vote,
  quorum,
  token,
}: {
  vote: ConsoleVoteView | null
  quorum: QuorumRule
  token: string
}) {
  const { t, lang } = useI18n()
  if (!vote || (vote.status !== 'published' && vote.status !== 'annulled')) return null
  const a = buildAnnouncement({ vote, result: vote.result, quorum }, lang)
  const annulled = vote.status === 'annulled'
  return (
    <Paper withBorder p="lg" bg="gray.0" aria-labelledby="announcement-title">
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          <Title order={4} id="announcement-title">
            {t('office.announce.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(annulled ? 'office.announce.annulledHint' : 'office.announce.hint')}
          </Text>
        </Group>
        <article data-testid="announcement" lang={lang} style={{ maxWidth: '42em' }}>
          <Text fz={26} fw={700} ta="center" mb="md" lh={1.5}>
            {a.heading}
          </Text>
          {a.paragraphs.map((p, i) => (
            <Text
              key={i}
              fz={22}
              lh={1.8}
              mb={6}
              c="dark.9"
              style={{ textIndent: i === 0 ? 0 : '2em' }}
            >
              {p}
            </Text>
          ))}
        </article>
        <Group>
          <Anchor href={staffHref(`/api/archive/${vote.id}/announcement.docx`, token)} download>
            {t('office.announce.docx')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  )
}
