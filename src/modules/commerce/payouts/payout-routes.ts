import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../../db/database.js'
import { sendWorkbook } from '../../../platform/export/index.js'
import { actorOf } from '../../../platform/http/index.js'
import { PayoutQuery, PayoutReport } from './payout-schema.js'
import { payoutReport } from './payouts.js'
import { payoutsSheets } from './payouts-sheet.js'

// The merchant payouts report (商家结算报表): a merchant its own shop, operators every shop.

const tags = ['commerce: orders']

export const payoutRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/payouts',
    {
      schema: {
        tags,
        summary: 'Goods sold, refunds, net payable and pending per Shanghai day and per shop',
        querystring: PayoutQuery,
        response: { 200: PayoutReport },
      },
      config: { access: { permission: 'payouts:read' } },
    },
    (request) => payoutReport(db, actorOf(request), request.query),
  )

  app.get(
    '/payouts.xlsx',
    {
      schema: {
        tags,
        summary: 'The same report as an Excel download (a sheet of days, a sheet of shops)',
        querystring: PayoutQuery,
      },
      config: { access: { permission: 'payouts:read' } },
    },
    async (request, reply) => {
      const report = await payoutReport(db, actorOf(request), request.query)
      const only = report.shopId === null ? undefined : report.shops[0]?.shopName
      const scope = only === undefined ? `店铺 ${report.shops.length} 家` : `店铺：${only}`
      return sendWorkbook(
        reply,
        `商家结算_${report.from}_${report.to}.xlsx`,
        payoutsSheets(report, scope),
      )
    },
  )
}
