import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { fillSheet, sendWorkbook } from '../../platform/export/index.js'
import { actorOf } from '../../platform/http/index.js'
import { flowReport } from './reports.js'
import { FlowReportQuery, FlowRow } from './schema.js'
import { statementRoutes } from './statement-routes.js'

// LOG-7 reports, on screen and as an Excel download; the carriers' statements in statement-routes.ts.

const FLOW_HEADERS = {
  day: '日期',
  carrier: '快递公司',
  township: '乡镇',
  station: '服务站',
} as const

export const logisticsReportRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reports/flow',
    {
      schema: {
        tags: ['logistics'],
        summary:
          '送收发报表 (LOG-7): received, dispatched, delivered, picked up — by day, carrier, township or station',
        querystring: FlowReportQuery,
        response: { 200: Type.Array(FlowRow) },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => {
      return flowReport(db, request.query, actorOf(request).scope)
    },
  )

  app.get(
    '/reports/flow.xlsx',
    {
      schema: {
        tags: ['logistics'],
        summary: 'The same report as an Excel download',
        querystring: FlowReportQuery,
      },
      config: { access: { permission: 'parcels:read' } },
    },
    async (request, reply) => {
      const rows = await flowReport(db, request.query, actorOf(request).scope)
      const { from, to, groupBy } = request.query
      return sendWorkbook(reply, `送收发报表_${from}_${to}.xlsx`, [
        fillSheet({
          name: '送收发报表',
          caption: [`送收发报表（按${FLOW_HEADERS[groupBy]}）`, `${from} 至 ${to}（北京时间）`],
          columns: [
            { header: FLOW_HEADERS[groupBy], value: (r: FlowRow) => r.label, width: 28 },
            { header: '收件（入中心）', value: (r: FlowRow) => r.received },
            { header: '发出（发车）', value: (r: FlowRow) => r.dispatched },
            { header: '送达（到站）', value: (r: FlowRow) => r.delivered },
            { header: '取件（签收）', value: (r: FlowRow) => r.pickedUp },
          ],
          rows,
        }),
      ])
    },
  )

  await app.register(statementRoutes, { db })
}
