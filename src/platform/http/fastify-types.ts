import type { Permission, Principal, Scope } from '../access/index.js'

/**
 * Who may call a route. Every /api route declares one in `config.access`; the app refuses to
 * start when a route does not.
 */
export type AccessRule = { public: true } | { authenticated: true } | { permission: Permission }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule
  }
  interface FastifyRequest {
    principal: Principal | null
    /** Set by the access guard from the route's permission. */
    scope: Scope | null
  }
}
