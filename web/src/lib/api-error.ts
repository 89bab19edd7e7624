export type ApiErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'too_many_requests'
  | 'challenge_required' // solve the proof-of-work challenge, then ask again
  | 'gone' // a one-time link that was used up
  | 'setup_required' // no county yet: the /setup page is the only way on
  | 'network' // no answer at all: the client made this one up
  | 'unexpected' // an answer that is not problem+json

export interface FieldError {
  /** JSON-pointer-like path without the leading slash, e.g. `memberships/0/role`. */
  field: string
  message: string
}

/** The one error type the web console deals with; `message` is already in the UI language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly title: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** From the Retry-After header on 429 answers. */
    readonly retryAfterS: number | null = null,
    /** The problem's finer machine-readable reason, when the server gave one (`unknown_waybill`). */
    readonly reason: string | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError
