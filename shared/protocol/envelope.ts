/**
 * Every request over Socket.IO answers through its acknowledgement with this envelope, so a
 * client never has to guess whether a silence means success.
 */
export const errorCodes = [
  'bad-request',
  'unknown-event',
  'unauthorized',
  'not-found',
  'no-meeting',
  'vote-not-open',
  'vote-not-draft',
  'vote-not-closed',
  /** Only an annulled vote is voted again (重新表决). */
  'vote-not-annulled',
  'another-vote-open',
  'not-eligible',
  'already-voted',
  'invalid-ballot',
  'replaced',
  /** Too many requests from this connection, or too many failed logins from this address. */
  'rate-limited',
  /** Too few deputies present to open a vote; staff may override with a reason. */
  'no-quorum',
  /** Attendance cannot be taken back while a vote is open (issued ballots are fixed). */
  'attendance-locked',
  /** Only a deputy on leave whose card was opened on a tablet awaits a confirmed check-in. */
  'not-awaiting-check-in',
  /** The result leaves no seats to run off (no tie, or the shortfall is accepted). */
  'no-runoff',
  /** The vote's ballot box was found damaged at a start: staff must acknowledge it first. */
  'box-damaged',
  /** The list an import preview was compared with has changed since: preview it again. */
  'preview-outdated',
  /** Scrutineers are approved only with a 总监票人 and a 监票人 at least. */
  'scrutineers-incomplete',
  /** An approved list of scrutineers is changed after a vote has opened only with a reason. */
  'reason-required',
  /**
   * The paper count refused a step (params.reason says which, shared/rules/paper-count.ts), or
   * a tablet's ballot for a vote now counted from paper.
   */
  'paper-count',
  'internal',
  /** Client-side: the host did not answer in time. */
  'timeout',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface AppError {
  code: ErrorCode
  /** Extra detail for the person reading it: the field or row at fault. */
  detail?: string
  /**
   * What the message names, in either language: with `reason`, the page words it as
   * `error.<code>.<reason>` where its dictionary has that (else as the code alone).
   */
  params?: Record<string, string | number>
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export type Ack<T> = (result: Result<T>) => void

export function ok<T>(data: T): Result<T> {
  return { ok: true, data }
}

export function fail(
  code: ErrorCode,
  detail?: string,
  params?: Record<string, string | number>,
): Result<never> {
  const error: AppError = detail === undefined ? { code } : { code, detail }
  if (params) error.params = params
  return { ok: false, error }
}
