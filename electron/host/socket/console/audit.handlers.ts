import { z } from 'zod'
import type { ConsoleAuditEvents } from '../../../../shared/protocol/console/audit.events'
import type { Hall } from '../../state/hall'
import { parseInput } from '../../services/parse-input'
import type { Handlers } from '../handle'

const auditListInputSchema = z.object({ limit: z.number().int().min(1).max(1000).default(200) })

export function auditHandlers(hall: Hall): Handlers<ConsoleAuditEvents> {
  return {
    'audit:list': async (input) => {
      const { limit } = parseInput(auditListInputSchema, input ?? {})
      const entries = await hall.session.audit.entries()
      return entries
        .slice(-limit)
        .reverse()
        .map(({ seq, at, type, data, hash }) => ({ seq, at, type, data, hash }))
    },
  }
}
