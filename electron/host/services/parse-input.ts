import type { z } from 'zod'
import { ServiceError } from './service-error'

/** Validates a payload against its schema; the error names every field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const detail = parsed.error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(payload)'}: ${issue.message}`)
    .join('; ')
  throw new ServiceError('bad-request', detail)
}
