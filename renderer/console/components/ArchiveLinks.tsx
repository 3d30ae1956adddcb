import { Anchor } from '@mantine/core'
import { useI18n } from '../../common/i18n'
import type { ConsoleVoteView } from '../../../shared/protocol/views'
import { staffHref } from '../staff-api'

/**
 * The files of a vote's archive, as the host's /api/archive serves them (named by the vote's
 * title when downloaded: electron/host/http/download-names.ts).
 */
export const archiveFiles = [
  'report.pdf',
  'results.xlsx',
  'announcement.docx',
  'report.docx',
  'resolution.docx',
  'announcement.txt',
  'audit.txt',
  'ballot-box.json',
  'result.json',
  'audit.jsonl',
] as const
export type ArchiveFile = (typeof archiveFiles)[number]

/** Files drawn from a result: a vote annulled while open never had one. */
const drawn = new Set<string>(['report.pdf', 'results.xlsx', 'announcement.docx', 'report.docx'])

/** The files this vote's archive holds (the 决议 draft only of a standing 差额 or 逐项 result). */
export function filesOf(vote: Pick<ConsoleVoteView, 'status' | 'result'>): ArchiveFile[] {
  const r = vote.result
  const adopts =
    r !== null &&
    r.void === null &&
    vote.status !== 'annulled' &&
    (r.kind === 'select' || r.kind === 'per-item')
  return archiveFiles.filter((name) =>
    name === 'resolution.docx' ? adopts : r !== null || !drawn.has(name),
  )
}

export function ArchiveLinks({
  vote,
  token,
}: {
  vote: Pick<ConsoleVoteView, 'id' | 'status' | 'result'>
  token: string
}) {
  const { t } = useI18n()
  return filesOf(vote).map((name) => (
    <Anchor
      key={name}
      size="sm"
      href={staffHref(`/api/archive/${vote.id}/${name}`, token)}
      download
    >
      {t(`archive.file.${name}`)}
    </Anchor>
  ))
}
