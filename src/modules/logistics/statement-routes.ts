import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.js'
import { isInScope, OutOfScopeError, type Scope } from '../../platform/access/index.js'
import { fillSheet, sendWorkbook } from '../../platform/export/index.js'
import { actorOf, IdParams, withTransaction } from '../../platform/http/index.js'
import { fenToYuanNumber } from '../../shared/money.js'
import { FeeRule, Statement, StatementQuery } from './schema.js'
import { buildStatement, findFeeRule, setFeeRule } from './statements.js'

// LOG-2 carrier statements and fee rules, on screen and as Excel downloads.

/** A carrier reads only its own statements and fees; county roles (and the hub) read any. */
function assertCarrierInScope(scope: Scope, carrierId: string): void {
  if (!isInScope(scope, carrierId))
    throw new OutOfScopeError(
      { en: 'carrier', zh: '快递公司' },
      'organization',
      carrierId,
      carrierId,
    )
}

export const statementRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/carriers/:id/fee-rule',
    {
      schema: {
        tags: ['logistics'],
        summary: "A carrier's fee rule (the default until one is set)",
        params: IdParams,
        response: { 200: FeeRule },
      },
      config: { access: { permission: 'statements:read' } },
    },
    (request) => {
      assertCarrierInScope(actorOf(request).scope, request.params.id)
      return findFeeRule(db, request.params.id)
    },
  )

  app.put(
    '/carriers/:id/fee-rule',
    {
      schema: {
        tags: ['logistics'],
        summary: "Set a carrier's fee rule",
        params: IdParams,
        body: FeeRule,
        response: { 200: FeeRule },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        setFeeRule(trx, actor, request.params.id, request.body),
      ),
  )

  app.get(
    '/statements',
    {
      schema: {
        tags: ['logistics'],
        summary: "A carrier's monthly statement: parcels, fees, cash on delivery",
        querystring: StatementQuery,
        response: { 200: Statement },
      },
      config: { access: { permission: 'statements:read' } },
    },
    async (request) => {
      assertCarrierInScope(actorOf(request).scope, request.query.carrierId)
      return (await buildStatement(db, request.query.carrierId, request.query.month)).statement
    },
  )

  app.get(
    '/statements.xlsx',
    {
      schema: {
        tags: ['logistics'],
        summary: 'The statement with every parcel, as an Excel download',
        querystring: StatementQuery,
      },
      config: { access: { permission: 'statements:read' } },
    },
    async (request, reply) => {
      assertCarrierInScope(actorOf(request).scope, request.query.carrierId)
      const { statement, lines } = await buildStatement(
        db,
        request.query.carrierId,
        request.query.month,
      )
      return sendWorkbook(reply, `对账单_${statement.carrierName}_${statement.month}.xlsx`, [
        fillSheet({
          name: '汇总',
          caption: [`${statement.carrierName} ${statement.month} 对账单`],
          columns: [
            { header: '项目', value: (r: [string, number]) => r[0], width: 30 },
            { header: '数值', value: (r: [string, number]) => r[1], width: 16 },
          ],
          rows: [
            ['入中心包裹数', statement.parcels],
            ['总重量（kg）', statement.weightKg],
            ['应付配送费（元）', fenToYuanNumber(statement.feeFen)],
            ['代收货款件数', statement.codParcels],
            ['代收货款（元，应返还）', fenToYuanNumber(statement.codFen)],
          ],
        }),
        fillSheet({
          name: '明细',
          columns: [
            { header: '运单号', value: (l: (typeof lines)[number]) => l.waybillNo, width: 18 },
            {
              header: '入中心时间（UTC）',
              value: (l: (typeof lines)[number]) => l.receivedAt,
              width: 26,
            },
            {
              header: '目的服务站',
              value: (l: (typeof lines)[number]) => l.destination,
              width: 24,
            },
            {
              header: '重量（kg）',
              value: (l: (typeof lines)[number]) => l.weightKg,
              numberFormat: '0.000',
            },
            {
              header: '配送费（元）',
              value: (l: (typeof lines)[number]) => fenToYuanNumber(l.feeFen),
              numberFormat: '0.00',
            },
            {
              header: '代收货款（元）',
              value: (l: (typeof lines)[number]) => fenToYuanNumber(l.codFen),
              numberFormat: '0.00',
            },
            { header: '状态', value: (l: (typeof lines)[number]) => l.status },
          ],
          rows: lines,
        }),
      ])
    },
  )
}
