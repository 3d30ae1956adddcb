import type { Language } from '../../i18n'
import type { Ack } from '../envelope'
import type { AuditEntryView } from '../views'

/** The console's view of the audit log. */
export interface ConsoleAuditEvents {
  /** The newest audit entries, newest first, each also as a sentence in `lang` (zh-CN unless told). */
  'audit:list': (input: { limit?: number; lang?: Language }, ack: Ack<AuditEntryView[]>) => void
}
