import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.js'
import { organizationRoutes } from './organization-routes.js'
import { userRoutes } from './user-routes.js'
import type { RevokeSessions } from './user-service.js'

// /api/roles, /api/organizations and /api/users.

export interface AccountRoutesOptions {
  db: Db
  /** auth's revokeSessionsOf, wired by server/build-app.ts (accounts never imports auth). */
  revokeSessions: RevokeSessions
}

export const accountRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (
  app,
  { db, revokeSessions },
) => {
  await app.register(organizationRoutes, { db })
  await app.register(userRoutes, { db, revokeSessions })
}
