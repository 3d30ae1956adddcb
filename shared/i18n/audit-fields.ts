import type { MessageKey } from '.'

/** How an audit sentence words itself: the language's messages. */
export type AuditT = (key: MessageKey, params?: Record<string, string | number>) => string

/**
 * An audit entry's fields as its sentence reads them: a text, or '' when the field is missing or
 * not one; a number, or 0. Nothing else of the entry reaches the words.
 */
export function auditFields(d: Record<string, unknown>) {
  return {
    str: (key: string): string => {
      const v = d[key]
      return typeof v === 'string' ? v : ''
    },
    num: (key: string): number => {
      const v = d[key]
      return typeof v === 'number' ? v : 0
    },
  }
}
