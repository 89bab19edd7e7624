import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import {
  campaignReport,
  closeCampaignNow,
  createCampaign,
  listCampaigns,
  setCampaignStatus,
} from './campaigns.js'
import { updateCampaign } from './edit-campaign.js'
import {
  Campaign,
  CAMPAIGN_STATUSES,
  CampaignReport,
  CampaignStatusBody,
  CreateCampaignBody,
} from './schema.js'

// Operators' side of 团购 (promotions:manage): campaigns, their status, closing and report.

const tags = ['promotions']
const manage = { permission: 'promotions:manage' } as const
// Lists and reports: also for the bureau, which supervises the promotions without running them.
const read = { permission: 'promotions:read' } as const

export const bulkBuyStaffRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/bulk-buys',
    {
      schema: {
        tags,
        summary: 'Create a tiered bulk-purchase (团购) campaign, open at once unless open: false',
        body: CreateCampaignBody,
        response: { 201: Campaign },
      },
      config: { access: manage },
    },
    async (request, reply) => {
      const created = await withTransaction(db, request, (trx, actor) =>
        createCampaign(trx, actor, request.body),
      )
      return reply.status(201).send(created)
    },
  )

  app.put(
    '/bulk-buys/:id',
    {
      schema: {
        tags,
        summary:
          'Replace the terms of a draft campaign, or an open one not yet started (open is ignored)',
        params: IdParams,
        body: CreateCampaignBody,
        response: { 200: Campaign },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateCampaign(trx, actor, request.params.id, request.body),
      ),
  )

  app.get(
    '/bulk-buys',
    {
      schema: {
        tags,
        summary: 'Campaigns, newest first',
        querystring: Type.Object({ status: Type.Optional(Type.Enum(CAMPAIGN_STATUSES)) }),
        response: { 200: Type.Array(Campaign) },
      },
      config: { access: read },
    },
    (request) => listCampaigns(db, request.query.status),
  )

  app.post(
    '/bulk-buys/:id/status',
    {
      schema: {
        tags,
        summary: 'Open a draft, pause or resume a campaign (paused: no new orders)',
        params: IdParams,
        body: CampaignStatusBody,
        response: { 200: Campaign },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        setCampaignStatus(trx, actor, request.params.id, request.body.status),
      ),
  )

  app.post(
    '/bulk-buys/:id/close',
    {
      schema: {
        tags,
        summary:
          'End a running campaign now (提前结束): no more orders; the next round settles it from what was paid',
        params: IdParams,
        response: { 200: Campaign },
      },
      config: { access: manage },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) => closeCampaignNow(trx, actor, request.params.id)),
  )

  app.get(
    '/bulk-buys/:id/report',
    {
      schema: {
        tags,
        summary: 'Paid quantity, final price, orders by status, paid and refunded amounts',
        params: IdParams,
        response: { 200: CampaignReport },
      },
      config: { access: read },
    },
    (request) => campaignReport(db, request.params.id),
  )
}
