import type { ErrorCode } from '../../../shared/protocol/envelope'

/** A refusal the caller should see as a typed error; anything else is a bug (code internal). */
export class ServiceError extends Error {
  readonly code: ErrorCode
  readonly detail: string | undefined

  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code)
    this.name = 'ServiceError'
    this.code = code
    this.detail = detail
  }
}
