import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { intakeRoutes } from './intake-routes.js'
import { parcelRoutes } from './parcel-routes.js'
import * as parcels from './parcels.js'
import type { ScanListener } from './scans.js'
import { Tracking, TrackingQuery } from './schema.js'
import { siteRoutes } from './site-routes.js'

// The logistics API under /api/logistics, one plugin per resource; public tracking under /api/tracking.

const MAX_MANIFEST_BYTES = 10 * 1024 * 1024

export const logisticsRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  /** Told of every scan, in its transaction (the shop's orders follow their parcels). */
  onScan?: ScanListener
}> = async (app, { db, onScan }) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_MANIFEST_BYTES, files: 1, fields: 5 },
  })

  await app.register(siteRoutes, { db })
  await app.register(intakeRoutes, { db })
  await app.register(parcelRoutes, { db, onScan })
}

export const trackingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/:waybill',
    {
      schema: {
        tags: ['logistics'],
        summary:
          "Public tracking; add phoneTail (last four digits of the recipient's phone) for places and names",
        params: Type.Object({ waybill: Type.String({ minLength: 1, maxLength: 32 }) }),
        querystring: TrackingQuery,
        response: { 200: Tracking },
      },
      config: { access: { public: true } },
    },
    (request) => parcels.trackParcel(db, request.params.waybill, request.query.phoneTail),
  )
}
