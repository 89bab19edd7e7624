import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { sendWorkbook } from '../../../platform/export/index.js'
import { IdParams, Page, withTransaction } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import {
  cancelEvent,
  createEvent,
  getEvent,
  listEvents,
  recordEventResults,
  updateEvent,
} from './events.js'
import { eventsSheet } from './events-sheet.js'
import {
  CancelEventBody,
  EventBody,
  EventQuery,
  EventResultBody,
  PromotionEvent,
} from './schema.js'

// SVC-4 offline promotion events: the operator plans, records and reports them; anyone sees the
// upcoming ones (the H5 shop's 线下活动).

const tags = ['promotions']
const manage = { access: { permission: 'promotions:manage' } } as const
// The bureau supervises the events (SVC-4): it reads them and their yearly sheet.
const read = { access: { permission: 'promotions:read' } } as const

export const eventRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/events',
    {
      schema: { tags, querystring: EventQuery, response: { 200: Page(PromotionEvent) } },
      config: read,
    },
    (request) => listEvents(db, request.query),
  )

  app.get(
    '/events.xlsx',
    {
      schema: { tags, summary: 'The events as an Excel download', querystring: EventQuery },
      config: read,
    },
    async (request, reply) => {
      const { items, total } = await listEvents(db, { ...request.query, page: 1, pageSize: 500 })
      const year = request.query.year === undefined ? '' : `${request.query.year} 年`
      return sendWorkbook(reply, `线下推广活动${year}.xlsx`, [
        eventsSheet(items, `线下推广活动 ${year}（共 ${total} 场，北京时间）`),
      ])
    },
  )

  app.get(
    '/events/upcoming',
    {
      schema: {
        tags,
        summary: 'Planned events that have not ended yet, soonest first (public)',
        response: { 200: Type.Array(PromotionEvent) },
      },
      config: { access: { public: true } },
    },
    async () => {
      const now = nowIso()
      const { items } = await listEvents(db, { status: 'planned', page: 1, pageSize: 50 })
      return items
        .filter((e) => e.endsAt > now)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    },
  )

  app.get(
    '/events/:id',
    { schema: { tags, params: IdParams, response: { 200: PromotionEvent } }, config: read },
    (request) => getEvent(db, request.params.id),
  )

  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Plan an event',
        body: EventBody,
        response: { 201: PromotionEvent },
      },
      config: manage,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) => createEvent(trx, actor, request.body)),
        ),
  )

  app.put(
    '/events/:id',
    {
      schema: { tags, params: IdParams, body: EventBody, response: { 200: PromotionEvent } },
      config: manage,
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateEvent(trx, actor, request.params.id, request.body),
      ),
  )

  app.post(
    '/events/:id/results',
    {
      schema: {
        tags,
        summary: 'What came of it: visitors, orders, sales (fen); the event is then held',
        params: IdParams,
        body: EventResultBody,
        response: { 200: PromotionEvent },
      },
      config: manage,
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        recordEventResults(trx, actor, request.params.id, request.body),
      ),
  )

  app.post(
    '/events/:id/cancel',
    {
      schema: { tags, params: IdParams, body: CancelEventBody, response: { 200: PromotionEvent } },
      config: manage,
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        cancelEvent(trx, actor, request.params.id, request.body.reason),
      ),
  )
}
