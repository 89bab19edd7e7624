import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { notFound } from '../../../shared/errors.js'
import { buyerIdOf, type PaymentProvider, payActionFor } from '../../commerce/index.js'
import {
  ActivityWithTeams,
  SeatBody,
  SeatTaken,
  ShareQuery,
  ShareTarget,
  TeamWithViewer,
} from './schema.js'
import { takeSeat, type SeatRequest } from './seats.js'
import { visitShareLink } from '../share-links/index.js'
import { getTeam, joinableActivities } from './team-views.js'
import { viewerSeat } from './viewer-teams.js'

// Buyers' side of 拼团: running activities and their joinable teams, opening and joining a team
// (then paying like any order), a team's page, and share links.

export interface TeamShopRoutesOptions {
  db: Db
  payments: PaymentProvider
  /** Where the provider posts payment callbacks (the same URL checkout gives it). */
  notifyUrl: string
}

const tags = ['promotions']
const signedIn = { authenticated: true } as const

export const teamShopRoutes: FastifyPluginAsyncTypebox<TeamShopRoutesOptions> = async (
  app,
  { db, payments, notifyUrl },
) => {
  app.get(
    '/shop/team-buys',
    {
      schema: {
        tags,
        summary: 'Running activities of a product or SKU, with the teams one can join now',
        querystring: Type.Object({
          productId: Type.Optional(Type.String()),
          skuId: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Array(ActivityWithTeams) },
      },
      config: { access: { public: true } },
    },
    (request) =>
      joinableActivities(db, {
        ...(request.query.productId ? { productId: request.query.productId } : {}),
        ...(request.query.skuId ? { skuId: request.query.skuId } : {}),
      }),
  )

  app.get(
    '/shop/team-buys/:id',
    {
      schema: {
        tags,
        summary: 'One running activity with the teams one can join now',
        params: IdParams,
        response: { 200: ActivityWithTeams },
      },
      config: { access: { public: true } },
    },
    async (request) => {
      const [found] = await joinableActivities(db, { ids: [request.params.id] })
      if (!found)
        throw notFound({ en: 'running team-buy activity', zh: '拼团活动' }, request.params.id)
      return found
    },
  )

  const seatRoute = async (request: FastifyRequest, seat: Omit<SeatRequest, 'userId'>) => {
    const userId = buyerIdOf(request)
    const taken = await withTransaction(db, request, (trx, actor) =>
      takeSeat(trx, actor, payments.name, { ...seat, userId }),
    )
    const { payment, action } = await payActionFor(
      db,
      payments,
      notifyUrl,
      request,
      taken.paymentId,
      '村通商城拼团订单',
    )
    return { teamId: taken.teamId, seatId: taken.seatId, orderId: taken.orderId, payment, action }
  }

  app.post(
    '/shop/team-buys/:id/teams',
    {
      schema: {
        tags,
        summary:
          'Open a team as its leader: holds the seat, places the order at the team price, answers how to pay',
        params: IdParams,
        querystring: ShareQuery,
        body: SeatBody,
        response: { 201: SeatTaken },
      },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const taken = await seatRoute(request, {
        activityId: request.params.id,
        body: request.body,
        ...(request.query.share ? { shareCode: request.query.share } : {}),
      })
      return reply.status(201).send(taken)
    },
  )

  app.post(
    '/shop/teams/:id/join',
    {
      schema: {
        tags,
        summary: 'Join an open team: holds a seat for the payment window and places the order',
        params: IdParams,
        querystring: ShareQuery,
        body: SeatBody,
        response: { 201: SeatTaken },
      },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const team = await db
        .selectFrom('team')
        .select('activity_id')
        .where('id', '=', request.params.id)
        .where('status', '<>', 'pending')
        .executeTakeFirst()
      if (!team) throw notFound({ en: 'team', zh: '拼团' }, request.params.id)
      const taken = await seatRoute(request, {
        activityId: team.activity_id,
        teamId: request.params.id,
        body: request.body,
        ...(request.query.share ? { shareCode: request.query.share } : {}),
      })
      return reply.status(201).send(taken)
    },
  )

  app.get(
    '/shop/teams/:id',
    {
      schema: {
        tags,
        summary: "A team: status, masked members, expiry, share link and the viewer's own seat",
        params: IdParams,
        response: { 200: TeamWithViewer },
      },
      config: { access: { public: true } },
    },
    async (request) => {
      const viewerId = request.principal?.userId ?? null
      const team = await getTeam(db, request.params.id, viewerId, nowIso())
      return { ...team, viewerSeat: await viewerSeat(db, team.id, viewerId) }
    },
  )

  app.get(
    '/shop/share/:code',
    {
      schema: {
        tags,
        summary: 'Follow a share link: counts the visit and answers what it leads to',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }),
        response: { 200: ShareTarget },
      },
      config: { access: { public: true } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        visitShareLink(trx, actor, request.params.code, request.principal?.userId ?? null),
      ),
  )
}
