import { Alert, Stack, Title } from '@mantine/core'
import { useState } from 'react'
import { useI18n } from '../../common/i18n'
import type { ConsoleApi } from '../use-console'
import { ProgressBoard } from './ProgressBoard'
import { ProjectPage } from './ProjectPage'
import { RatingImport } from './RatingImport'
import { RatingPanel } from './RatingPanel'
import { useYear } from './use-year'

/**
 * 年度项目 / 查单: the year's projects on a board (progress, last update, late ones marked),
 * one project's page with its updates, opinions and answers, the progress report, and the
 * rating of a previous meeting's projects (验单).
 */
export function YearSection({ api }: { api: ConsoleApi }) {
  const { t, errorText } = useI18n()
  const { year, error, reload } = useYear(api)
  const [openId, setOpenId] = useState<string | null>(null)
  const open = year?.projects.find((p) => p.id === openId) ?? null
  if (error) return <Alert color="red">{errorText(error)}</Alert>
  if (!year) return null
  if (open)
    return (
      <ProjectPage
        project={open}
        today={year.today}
        call={api.call}
        onChanged={reload}
        onBack={() => setOpenId(null)}
      />
    )
  return (
    <Stack>
      <Title order={2}>{t('year.title')}</Title>
      <ProgressBoard year={year} token={api.token} onOpen={setOpenId} />
      <RatingPanel api={api} ratings={year.ratings} />
      <RatingImport api={api} imported={year.imported} />
    </Stack>
  )
}
