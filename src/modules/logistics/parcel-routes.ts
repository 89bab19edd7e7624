import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { actorOf, IdParams, Page, withTransaction } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import * as parcels from './parcels.js'
import { promiseSummary } from './promise.js'
import { recordScan, type ScanListener } from './scans.js'
import {
  Parcel,
  ParcelListQuery,
  PromisePeriod,
  PromiseSummaryQuery,
  ResolveDestinationBody,
  ScanBody,
  ScanEvent,
} from './schema.js'

// Parcels, scans (LOG-5) and the 72-hour promise (LOG-6).

export const parcelRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  onScan?: ScanListener
}> = async (app, { db, onScan }) => {
  app.get(
    '/parcels',
    {
      schema: {
        tags: ['logistics'],
        summary:
          'Parcels in your scope, filtered by status, carrier, township, unmatched, at risk or breached',
        querystring: ParcelListQuery,
        response: { 200: Page(Parcel) },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => parcels.listParcels(db, actorOf(request), request.query),
  )

  app.get(
    '/parcels/:id',
    {
      schema: {
        tags: ['logistics'],
        params: IdParams,
        response: { 200: Type.Object({ ...Parcel.properties, events: Type.Array(ScanEvent) }) },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => parcels.getParcel(db, actorOf(request), request.params.id),
  )

  app.put(
    '/parcels/:id/destination',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Pick the station for a parcel whose address matched none',
        params: IdParams,
        body: ResolveDestinationBody,
        response: { 200: Parcel },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        parcels.resolveDestination(trx, actor, request.params.id, request.body.siteId),
      ),
  )

  app.post(
    '/scans',
    {
      schema: {
        tags: ['logistics'],
        summary:
          'Record a scan: received, sorted, loaded, departed, arrived, picked_up or returned',
        body: ScanBody,
        response: { 200: Parcel },
      },
      config: { access: { permission: 'parcels:scan' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) => recordScan(trx, actor, request.body, onScan)),
  )

  app.get(
    '/promise',
    {
      schema: {
        tags: ['logistics'],
        summary: '72-hour promise: on-time rate by day, week or month of hub receipt (KPI-1)',
        querystring: PromiseSummaryQuery,
        response: { 200: Type.Array(PromisePeriod) },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => {
      const actor = actorOf(request)
      return promiseSummary(
        db,
        request.query.from,
        request.query.to,
        request.query.granularity ?? 'day',
        nowIso(),
        actor.scope,
      )
    },
  )
}
