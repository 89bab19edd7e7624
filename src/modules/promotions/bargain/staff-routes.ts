import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import { activityReport, createActivity, listActivities, setActivityStatus } from './activities.js'
import { updateActivity } from './edit-activity.js'
import {
  ACTIVITY_STATUSES,
  BargainActivity,
  BargainActivityReport,
  BargainActivityStatusBody,
  CreateBargainActivityBody,
} from './schema.js'

// Operators' side of 砍价 (promotions:manage): activities, their status and their report.

const tags = ['promotions']
const manage = { permission: 'promotions:manage' } as const
// Lists and reports: also for the bureau, which supervises the promotions without running them.
const read = { permission: 'promotions:read' } as const

export const bargainStaffRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/bargains',
    {
      schema: {
        tags,
        summary: 'Create a bargain (砍价) activity; it runs from startsAt to endsAt',
        body: CreateBargainActivityBody,
        response: { 201: BargainActivity },
      },
      config: { access: manage },
    },
    async (request, reply) => {
      const created = await withTransaction(db, request, (trx, actor) =>
        createActivity(trx, actor, request.body),
      )
      return reply.status(201).send(created)
    },
  )

  app.put(
    '/bargains/:id',
    {
      schema: {
        tags,
        summary: 'Replace the terms of a bargain activity that has not started yet (nor ended)',
        params: IdParams,
        body: CreateBargainActivityBody,
        response: { 200: BargainActivity },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateActivity(trx, actor, request.params.id, request.body),
      ),
  )

  app.get(
    '/bargains',
    {
      schema: {
        tags,
        summary: 'Bargain activities, newest first',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(ACTIVITY_STATUSES)) }),
        response: { 200: Type.Array(BargainActivity) },
      },
      config: { access: read },
    },
    (request) => listActivities(db, request.query.status),
  )

  app.post(
    '/bargains/:id/status',
    {
      schema: {
        tags,
        summary: 'Pause, resume or end a bargain activity (paused: no launches, no helps)',
        params: IdParams,
        body: BargainActivityStatusBody,
        response: { 200: BargainActivity },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        setActivityStatus(trx, actor, request.params.id, request.body.status),
      ),
  )

  app.get(
    '/bargains/:id/report',
    {
      schema: {
        tags,
        summary: 'Bargains by status, helps and helpers, paid orders and stock',
        params: IdParams,
        response: { 200: BargainActivityReport },
      },
      config: { access: read },
    },
    (request) => activityReport(db, request.params.id),
  )
}
