import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import {
  activityReport,
  createActivity,
  getActivity,
  setActivityStatus,
  updateActivity,
} from './activities.js'
import {
  Activity,
  ActivityReport,
  ActivityStatusBody,
  CreateActivityBody,
  UpdateActivityBody,
} from './schema.js'
import { activitiesOf } from './team-views.js'

// Operators' side of 拼团 (promotions:manage): activities, their status and their report.

const tags = ['promotions']
const manage = { permission: 'promotions:manage' } as const
// Lists and reports: also for the bureau, which supervises the promotions without running them.
const read = { permission: 'promotions:read' } as const

export const activityRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/team-buys',
    {
      schema: {
        tags,
        summary: 'Create a team-buy activity (a draft until activated)',
        body: CreateActivityBody,
        response: { 201: Activity },
      },
      config: { access: manage },
    },
    async (request, reply) => {
      const activity = await withTransaction(db, request, (trx, actor) =>
        createActivity(trx, actor, request.body),
      )
      return reply.status(201).send(activity)
    },
  )

  app.get(
    '/team-buys',
    {
      schema: {
        tags,
        summary: 'Team-buy activities, newest first',
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(['draft', 'active', 'paused', 'ended'])),
          productId: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Array(Activity) },
      },
      config: { access: read },
    },
    (request) =>
      activitiesOf(db, {
        ...(request.query.status ? { status: request.query.status } : {}),
        ...(request.query.productId ? { productId: request.query.productId } : {}),
      }),
  )

  app.get(
    '/team-buys/:id',
    {
      schema: { tags, params: IdParams, response: { 200: Activity } },
      config: { access: read },
    },
    (request) => getActivity(db, request.params.id),
  )

  app.patch(
    '/team-buys/:id',
    {
      schema: {
        tags,
        summary: 'Change the terms of a draft or paused activity',
        params: IdParams,
        body: UpdateActivityBody,
        response: { 200: Activity },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateActivity(trx, actor, request.params.id, request.body),
      ),
  )

  app.post(
    '/team-buys/:id/status',
    {
      schema: {
        tags,
        summary: 'Activate (or resume), pause or end an activity',
        params: IdParams,
        body: ActivityStatusBody,
        response: { 200: Activity },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        setActivityStatus(trx, actor, request.params.id, request.body.status),
      ),
  )

  app.get(
    '/team-buys/:id/report',
    {
      schema: {
        tags,
        summary: 'Teams by status, paid and virtual members, refunds, share-link traffic',
        params: IdParams,
        response: { 200: ActivityReport },
      },
      config: { access: read },
    },
    (request) => activityReport(db, request.params.id),
  )
}
