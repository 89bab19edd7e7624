import type { FastifyInstance } from 'fastify'
import type { Db } from '../../db/database.js'
import { AppError } from '../../shared/errors.js'
import { recordAudit } from '../audit/index.js'
import { actorOf } from '../http/index.js'
import { scopeFor } from './principal.js'

const COUNTY: { county: true; organizationIds: ReadonlySet<string> } = {
  county: true,
  organizationIds: new Set(),
}

/**
 * The one guard every /api route goes through. A route says who may call it in
 * `config.access`; a route without one stops the app from starting.
 */
export function registerAccessGuard(app: FastifyInstance, db: Db): void {
  app.decorateRequest('scope', null)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return
    const access = route.config?.access
    if (!access)
      throw new Error(`route ${String(route.method)} ${route.url} declares no config.access`)
    // The OpenAPI description says who may call each route, from the same rule the guard applies.
    const schema = (route.schema ??= {}) as { security?: unknown; description?: string }
    schema.security = 'public' in access ? [] : [{ session: [] }, { apiToken: [] }]
    const requirement =
      'permission' in access ? `Requires the \`${access.permission}\` permission.` : ''
    // GET routes come through here twice (GET and HEAD share one schema object).
    if (requirement && !schema.description?.includes(requirement))
      schema.description = [schema.description, requirement].filter(Boolean).join(' ')
  })
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access
    if (!access) return // not an /api route, or no route matched (404)
    if ('public' in access) {
      request.scope = COUNTY
      return
    }
    if (!request.principal)
      throw new AppError('unauthenticated', { en: 'Sign in first', zh: '请先登录' })
    if ('authenticated' in access) {
      request.scope = {
        county: false,
        organizationIds: new Set(request.principal.memberships.map((m) => m.organizationId)),
      }
      return
    }
    const scope = scopeFor(request.principal, access.permission)
    if (!scope) {
      const actor = actorOf(request)
      await recordAudit(db, actor, {
        action: 'access.denied',
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        organizationId: request.principal.memberships[0]?.organizationId ?? null,
        outcome: 'denied',
        after: { permission: access.permission },
      })
      throw new AppError('forbidden', {
        en: `You need the ${access.permission} permission`,
        zh: `需要 ${access.permission} 权限`,
      })
    }
    request.scope = scope
  })
}
