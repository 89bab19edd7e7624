import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { actorOf, IdParams, Page, PageQuery, withTransaction } from '../../platform/http/index.js'
import { AppError } from '../../shared/errors.js'
import { costPerParcel } from './cost-per-parcel.js'
import {
  CostPerParcelQuery,
  CostPerParcelRow,
  FarmPickup,
  HandOverPickupBody,
  PICKUP_STATUSES,
  RegisterPickupBody,
} from './dispatch-schema.js'
import { advancePickup, listPickups, registerPickup } from './pickups.js'

// LOG-8 农产品上行 and KPI-11 cost per parcel.

export const uplinkRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/pickups',
    {
      schema: {
        tags: ['uplink'],
        summary: 'A village station registers farm products to collect (揽收)',
        body: RegisterPickupBody,
        response: { 201: FarmPickup },
      },
      config: { access: { permission: 'parcels:scan' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            registerPickup(trx, actor, request.body),
          ),
        ),
  )

  app.get(
    '/pickups',
    {
      schema: {
        tags: ['uplink'],
        querystring: Type.Object({
          ...PageQuery.properties,
          status: Type.Optional(Type.Enum(PICKUP_STATUSES)),
        }),
        response: { 200: Page(FarmPickup) },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => listPickups(db, actorOf(request), request.query),
  )

  app.post(
    '/pickups/:id/receive',
    {
      schema: {
        tags: ['uplink'],
        summary: 'The hub receives what a trip brought back',
        params: IdParams,
        response: { 200: FarmPickup },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        advancePickup(trx, actor, request.params.id, { kind: 'receive' }),
      ),
  )

  app.post(
    '/pickups/:id/hand-over',
    {
      schema: {
        tags: ['uplink'],
        summary: "Hand the products to the sender's chosen carrier for nationwide delivery",
        params: IdParams,
        body: HandOverPickupBody,
        response: { 200: FarmPickup },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        advancePickup(trx, actor, request.params.id, { kind: 'hand_over', body: request.body }),
      ),
  )

  app.get(
    '/reports/cost-per-parcel',
    {
      schema: {
        tags: ['uplink'],
        summary: 'Trip cost per parcel moved, both directions (KPI-11: should fall)',
        querystring: CostPerParcelQuery,
        response: { 200: Type.Array(CostPerParcelRow) },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => {
      if (!request.scope?.county)
        throw new AppError('forbidden', {
          en: 'County-wide figures are for the bureau and the operator',
          zh: '全县指标仅对商务局和运营中心开放',
        })
      return costPerParcel(
        db,
        request.query.from,
        request.query.to,
        request.query.granularity ?? 'month',
      )
    },
  )
}
