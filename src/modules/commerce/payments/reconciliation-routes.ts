import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { Nullable } from '../../../platform/http/index.js'
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
        querystring: Type.Object({ date: Type.String({ format: 'date' }) }),
        response: {
          200: Type.Object({
            date: Type.String(),
            payments: Type.Integer(),
            paidCount: Type.Integer(),
            paidFen: Type.Integer(),
            refundedFen: Type.Integer(),
            problems: Type.Integer(),
            rows: Type.Array(
              Type.Object({
                outTradeNo: Type.String(),
                provider: Type.String(),
                status: Type.String(),
                amountFen: Type.Integer(),
                ordersFen: Type.Integer(),
                refundedFen: Type.Integer(),
                providerTransactionId: Nullable(Type.String()),
                problems: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
      config: { access: { permission: 'orders:manage' } },
    },
    (request) => reconcileDay(db, request.query.date),
  )
}
