import type { FastifyPluginAsync } from 'fastify'
import { sql } from 'kysely'
import type { Db } from '../db/database.js'

/** Liveness (the process answers) and readiness (the database answers) for the load balancer. */
export const healthRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }))
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db)
      return { status: 'ready' }
    } catch (error) {
      app.log.warn({ err: error }, 'database not reachable')
      return reply.status(503).send({ status: 'database unavailable' })
    }
  })
}
