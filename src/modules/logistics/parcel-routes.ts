import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import type { FastifyRequest } from 'fastify'
import { type Actor, actorOf, IdParams, Page, withTransaction } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import * as parcels from './parcels.js'
import { promiseSummary } from './promise.js'
import { noteWrongPickupCode, WrongPickupCodeError } from './pickup-codes.js'
import { handOverByCode, recordScan, type ScanListener } from './scans.js'
import {
  HandOverByCodeBody,
  Parcel,
  ParcelListQuery,
  PromisePeriod,
  PromiseSummaryQuery,
  ResolveDestinationBody,
  ScanBody,
  ScanEvent,
  ScanResult,
} from './schema.js'

/** The request in its transaction; a wrong pickup code is counted and audited after the rollback. */
async function countingWrongCodes<T>(
  db: Db,
  request: FastifyRequest,
  work: (trx: Db, actor: Actor) => Promise<T>,
): Promise<T> {
  try {
    return await withTransaction(db, request, work)
  } catch (error) {
    if (error instanceof WrongPickupCodeError)
      await noteWrongPickupCode(db, actorOf(request), error)
    throw error
  }
}

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
        description:
          'Idempotent: a parcel already scanned so answers 200 with duplicate: true. Refusals carry a `reason` (and a `type` ending with it): unknown_waybill (404), wrong_station (403), wrong_step (409, or 403 for a step the caller never takes), no_destination, wrong_phone_tail, wrong_pickup_code (400), too_many_wrong_codes (429).',
        body: ScanBody,
        response: { 200: ScanResult },
      },
      config: { access: { permission: 'parcels:scan' } },
    },
    (request) =>
      countingWrongCodes(db, request, (trx, actor) => recordScan(trx, actor, request.body, onScan)),
  )

  app.post(
    '/handovers',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Hand over the parcel waiting at a village station by its pickup code (取件码)',
        description:
          'A wrong code answers 400 (reason wrong_pickup_code) and is audited; after 10 wrong codes in 10 minutes the station is refused for a while (429, reason too_many_wrong_codes).',
        body: HandOverByCodeBody,
        response: { 200: ScanResult },
      },
      config: { access: { permission: 'parcels:scan' } },
    },
    (request) =>
      countingWrongCodes(db, request, (trx, actor) =>
        handOverByCode(trx, actor, request.body, onScan),
      ),
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
