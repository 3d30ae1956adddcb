import type { ErrorCode } from '../../../shared/protocol/envelope'

/** A refusal the caller should see as a typed error; anything else is a bug (code internal). */
export class ServiceError extends Error {
  readonly code: ErrorCode
  readonly detail: string | undefined
  /** What the message names (envelope.ts: AppError.params). */
  readonly params: Record<string, string | number> | undefined

  constructor(code: ErrorCode, detail?: string, params?: Record<string, string | number>) {
    super(detail ? `${code}: ${detail}` : code)
    this.name = 'ServiceError'
    this.code = code
    this.detail = detail
    this.params = params
  }
}
