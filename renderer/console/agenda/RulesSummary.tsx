import { Stack, Text } from '@mantine/core'
import type { AttendanceView } from '../../../shared/protocol/views'
import type { VoteRules } from '../../../shared/protocol/vote-rules.schema'
import { summarizeRuleDetails, summarizeRules } from '../../../shared/rules'
import { useI18n } from '../../common/i18n'

/** The plain-Chinese summary of a vote's rules, as the console, screen and archive say it. */
export function RulesSummary({
  rules,
  candidates,
  attendance,
}: {
  rules: VoteRules
  candidates: number
  attendance: AttendanceView | undefined
}) {
  const { lang } = useI18n()
  const counts = attendance ? { roster: attendance.roster } : {}
  return (
    <Stack gap={4}>
      <Text fw={600} data-testid="rules-summary">
        {summarizeRules(rules, candidates, counts, lang)}
      </Text>
      {summarizeRuleDetails(rules, lang).map((line) => (
        <Text key={line} size="sm" c="dimmed">
          · {line}
        </Text>
      ))}
    </Stack>
  )
}
