import { z } from 'zod'
import { languages } from '../../../../shared/i18n'
import { auditSentence } from '../../../../shared/i18n/audit-sentence'
import type { ConsoleAuditEvents } from '../../../../shared/protocol/console/audit.events'
import { auditNamesOf } from '../../services/audit-text'
import type { Hall } from '../../state/hall'
import { parseInput } from '../../services/parse-input'
import type { Handlers } from '../handle'

const auditListInputSchema = z.object({
  limit: z.number().int().min(1).max(1000).default(200),
  lang: z.enum(languages).default('zh-CN'),
})

export function auditHandlers(hall: Hall): Handlers<ConsoleAuditEvents> {
  return {
    'audit:list': async (input) => {
      const { limit, lang } = parseInput(auditListInputSchema, input ?? {})
      const entries = await hall.session.audit.entries()
      const names = auditNamesOf(hall.session.meeting.data)
      return entries
        .slice(-limit)
        .reverse()
        .map(({ seq, at, type, data, hash }) => ({
          seq,
          at,
          type,
          data,
          hash,
          text: auditSentence({ type, data }, names, lang),
        }))
    },
  }
}
