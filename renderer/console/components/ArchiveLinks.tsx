import { Anchor } from '@mantine/core'
import { staffHref } from '../staff-api'

/** The files of a closed vote's archive, as the host's /api/archive serves them. */
export const archiveFiles = [
  'report.pdf',
  'results.xlsx',
  'ballot-box.json',
  'result.json',
  'audit.jsonl',
] as const

export function ArchiveLinks({ voteId, token }: { voteId: string; token: string }) {
  return archiveFiles.map((name) => (
    <Anchor key={name} size="sm" href={staffHref(`/api/archive/${voteId}/${name}`, token)} download>
      {name}
    </Anchor>
  ))
}
