import { Anchor } from '@mantine/core'
import { useI18n } from '../../common/i18n'
import { staffHref } from '../staff-api'

/**
 * The files of a vote's archive, as the host's /api/archive serves them (named by the vote's
 * title when downloaded: electron/host/http/download-names.ts).
 */
export const archiveFiles = [
  'report.pdf',
  'results.xlsx',
  'audit.txt',
  'ballot-box.json',
  'result.json',
  'audit.jsonl',
] as const

export function ArchiveLinks({ voteId, token }: { voteId: string; token: string }) {
  const { t } = useI18n()
  return archiveFiles.map((name) => (
    <Anchor key={name} size="sm" href={staffHref(`/api/archive/${voteId}/${name}`, token)} download>
      {t(`archive.file.${name}`)}
    </Anchor>
  ))
}
