import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { Reconciliation, ReconciliationQuery } from './payment-schema.js'
import { reconcileDay } from './reconciliation.js'

// The operating company's daily check of orders against payments.

const tags = ['commerce: orders']

export const reconciliationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reports/payment-reconciliation',
    {
      schema: {
        tags,
        summary: 'Orders against payments for one day (Asia/Shanghai)',
        querystring: ReconciliationQuery,
        response: { 200: Reconciliation },
      },
      config: { access: { permission: 'orders:manage' } },
    },
    (request) => reconcileDay(db, request.query.date),
  )
}
