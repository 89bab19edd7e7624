import { AppError, type Bilingual } from '../../shared/errors.js'

/**
 * A request for something outside the caller's scope. It answers 404, as if the thing did not
 * exist (no probing for other merchants' ids), and the error handler audits the attempt.
 */
export class OutOfScopeError extends AppError {
  constructor(
    what: Bilingual,
    readonly entityType: string,
    readonly entityId: string,
    readonly organizationId: string | null,
  ) {
    super('not_found', {
      en: `${what.en} ${entityId} was not found`,
      zh: `未找到${what.zh} ${entityId}`,
    })
    this.name = 'OutOfScopeError'
  }
}

/** An action the caller's role may not take on something it can see; answers 403 and is audited. */
export class DeniedActionError extends AppError {
  constructor(
    detail: Bilingual,
    readonly entityType: string,
    readonly entityId: string | null,
    readonly organizationId: string | null,
  ) {
    super('forbidden', detail)
    this.name = 'DeniedActionError'
  }
}
