import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/database.js'
import { DeniedActionError, OutOfScopeError } from '../platform/access/index.js'
import { recordAudit } from '../platform/audit/index.js'
import { actorOf, classifyError, sendProblem } from '../platform/http/index.js'

/** The one place errors become HTTP: problem+json for every 4xx, a generic 500 for the rest. */
export function createErrorHandler(db: Db) {
  return async function handleError(
    error: FastifyError,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const appError = classifyError(error, request)
    if (!appError) {
      request.log.error({ err: error }, 'unexpected error')
      return reply.status(500).type('application/problem+json').send({
        type: 'urn:cuntong:problem:internal',
        title: 'Internal error',
        titleZh: '服务器内部错误',
        status: 500,
        detail: 'Something went wrong on our side; nothing was saved',
        detailZh: '服务器内部错误，本次操作未保存',
        code: 'internal',
        instance: request.id,
      })
    }
    if (appError instanceof OutOfScopeError || appError instanceof DeniedActionError) {
      // The request's transaction has rolled back by now; the denial is recorded on its own.
      await recordAudit(db, actorOf(request), {
        action: 'access.denied',
        entityType: appError.entityType,
        entityId: appError.entityId,
        organizationId: appError.organizationId,
        outcome: 'denied',
        after: { method: request.method, url: request.url },
      })
    }
    return sendProblem(reply, appError, request.id)
  }
}
