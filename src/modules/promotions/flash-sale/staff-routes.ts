import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import { FlashReport, FlashSession, FlashSessionBody, FlashSessionStatus } from './schema.js'
import { listSessions, reportSession, toFlashSession } from './session-views.js'
import {
  createSession,
  endSession,
  pauseSession,
  scheduleSession,
  sessionRow,
  updateSession,
  type FlashSaleContext,
} from './sessions.js'

// Operators' side of the flash sale (promotions:manage): sessions, their status and report.

const tags = ['promotions']
const manage = { permission: 'promotions:manage' } as const
// Lists and reports: also for the bureau, which supervises the promotions without running them.
const read = { permission: 'promotions:read' } as const

export const flashSaleStaffRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  context: FlashSaleContext
}> = async (app, { db, context }) => {
  app.get(
    '/flash-sales',
    {
      schema: {
        tags,
        querystring: Type.Object({ status: Type.Optional(FlashSessionStatus) }),
        response: { 200: Type.Array(FlashSession) },
      },
      config: { access: read },
    },
    (request) =>
      listSessions(db, context, {
        ...(request.query.status ? { statuses: [request.query.status] } : {}),
        limit: 200,
      }),
  )

  app.post(
    '/flash-sales',
    {
      schema: {
        tags,
        summary: 'Create a flash sale (a draft) with its SKUs, sale prices and stock',
        body: FlashSessionBody,
        response: { 201: FlashSession },
      },
      config: { access: manage },
    },
    async (request, reply) => {
      const session = await withTransaction(db, request, (trx, actor) =>
        createSession(trx, actor, request.body),
      )
      return reply.status(201).send(await toFlashSession(db, context, session))
    },
  )

  app.get(
    '/flash-sales/:id',
    {
      schema: { tags, params: IdParams, response: { 200: FlashSession } },
      config: { access: read },
    },
    async (request) => toFlashSession(db, context, await sessionRow(db, request.params.id)),
  )

  app.put(
    '/flash-sales/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft flash sale',
        params: IdParams,
        body: FlashSessionBody,
        response: { 200: FlashSession },
      },
      config: { access: manage },
    },
    async (request) => {
      const session = await withTransaction(db, request, (trx, actor) =>
        updateSession(trx, actor, request.params.id, request.body),
      )
      return toFlashSession(db, context, session)
    },
  )

  const moves = {
    schedule: (trx: Db, actor: Parameters<typeof scheduleSession>[1], id: string) =>
      scheduleSession(trx, actor, context, id),
    pause: (trx: Db, actor: Parameters<typeof scheduleSession>[1], id: string) =>
      pauseSession(trx, actor, context, id, 'paused'),
    resume: (trx: Db, actor: Parameters<typeof scheduleSession>[1], id: string) =>
      pauseSession(trx, actor, context, id, 'scheduled'),
    end: async (trx: Db, actor: Parameters<typeof scheduleSession>[1], id: string) =>
      endSession(trx, actor, context, await sessionRow(trx, id)),
  }
  for (const [name, move] of Object.entries(moves)) {
    app.post(
      `/flash-sales/:id/${name}`,
      {
        schema: { tags, params: IdParams, response: { 200: FlashSession } },
        config: { access: manage },
      },
      async (request) => {
        const session = await withTransaction(db, request, (trx, actor) =>
          move(trx, actor, request.params.id),
        )
        return toFlashSession(db, context, session)
      },
    )
  }

  app.get(
    '/flash-sales/:id/report',
    {
      schema: {
        tags,
        summary: 'Units admitted, held, ordered, paid, released and refunded per SKU',
        params: IdParams,
        response: { 200: FlashReport },
      },
      config: { access: read },
    },
    (request) => reportSession(db, context, request.params.id),
  )
}
