import type { Ack } from '../envelope'
import type { AuditEntryView } from '../views'

/** The console's view of the audit log. */
export interface ConsoleAuditEvents {
  /** The newest audit entries, newest first. */
  'audit:list': (input: { limit?: number }, ack: Ack<AuditEntryView[]>) => void
}
