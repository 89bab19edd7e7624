// The one error type services throw. Services speak the domain; server/ maps codes to HTTP.

export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'too_many_requests'
  | 'challenge_required'
  /** A one-time thing (a setup link) that was used up. */
  | 'gone'
  /** The installation has no county yet: only the setup page answers (issue 15). */
  | 'setup_required'

/** A message in both languages the console speaks. */
export interface Bilingual {
  en: string
  zh: string
}

export interface FieldError {
  /** JSON-pointer-like path without the leading slash: `memberships/0/role`. */
  field: string
  message: Bilingual
}

export class AppError extends Error {
  /**
   * A finer, machine-readable reason within the code (e.g. `unknown_waybill` within
   * `not_found`): the problem's `type` ends with it and `reason` carries it (see withReason).
   */
  reason?: string

  constructor(
    readonly code: ErrorCode,
    readonly detail: Bilingual,
    readonly fieldErrors: FieldError[] = [],
    /** Seconds after which a refused request may be retried (locked, too_many_requests). */
    readonly retryAfterS?: number,
  ) {
    // An AppError is an answer (a 4xx), not a fault: nobody reads its stack, and capturing one
    // costs about as much as the rest of a refused flash sale request (issue 14).
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(detail.en)
    Error.stackTraceLimit = stackTraceLimit
    this.name = 'AppError'
  }
}

/** Gives an error its machine-readable reason (a client tells refusals apart by it). */
export function withReason<E extends AppError>(error: E, reason: string): E {
  error.reason = reason
  return error
}

export const notFound = (what: Bilingual, id: string) =>
  new AppError('not_found', { en: `${what.en} ${id} was not found`, zh: `未找到${what.zh} ${id}` })

export const conflict = (detail: Bilingual, field?: string) =>
  new AppError('conflict', detail, field ? [{ field, message: detail }] : [])

export const invalidField = (field: string, message: Bilingual) =>
  new AppError('invalid', message, [{ field, message }])

export const forbidden = (
  detail: Bilingual = { en: 'You may not do this', zh: '无权执行此操作' },
) => new AppError('forbidden', detail)
