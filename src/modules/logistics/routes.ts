import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { actorOf, IdParams, Page, withTransaction } from '../../platform/http/index.js'
import { nowIso } from '../../shared/clock.js'
import { invalidField } from '../../shared/errors.js'
import { manifestTemplate, MANIFEST_FIRST_ROW, readManifest } from './manifest-file.js'
import { intakeParcels, resolveCarrier } from './parcel-intake.js'
import * as parcels from './parcels.js'
import { promiseSummary } from './promise.js'
import { recordScan, type ScanListener } from './scans.js'
import {
  IntakeResult,
  Parcel,
  ParcelListQuery,
  PromisePeriod,
  PromiseSummaryQuery,
  ResolveDestinationBody,
  RowError,
  ScanBody,
  ScanEvent,
  Site,
  SiteListQuery,
  Tracking,
  TrackingQuery,
  UpdateSiteBody,
} from './schema.js'
import { importSiteCoordinates } from './site-coordinates.js'
import * as sites from './sites.js'

const MAX_MANIFEST_BYTES = 10 * 1024 * 1024

export const logisticsRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  /** Told of every scan, in its transaction (the shop's orders follow their parcels). */
  onScan?: ScanListener
}> = async (app, { db, onScan }) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_MANIFEST_BYTES, files: 1, fields: 5 },
  })

  // ---- network (LOG-1) ----
  app.get(
    '/sites',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Hub, township stations and village stations',
        querystring: SiteListQuery,
        response: { 200: Page(Site) },
      },
      config: { access: { permission: 'network:read' } },
    },
    (request) => sites.listSites(db, request.query),
  )

  app.get(
    '/sites/:id',
    {
      schema: { tags: ['logistics'], params: IdParams, response: { 200: Site } },
      config: { access: { permission: 'network:read' } },
    },
    (request) => sites.getSite(db, request.params.id),
  )

  app.patch(
    '/sites/:id',
    {
      schema: {
        tags: ['logistics'],
        summary: "Correct a station's details or position",
        params: IdParams,
        body: UpdateSiteBody,
        response: { 200: Site },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        sites.updateSite(trx, actor, request.params.id, request.body),
      ),
  )

  app.post(
    '/sites/coordinates',
    {
      schema: {
        tags: ['logistics'],
        summary:
          'Import surveyed station positions: CSV with 区划代码/code, 纬度/lat, 经度/lon (WGS84)',
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Object({
            updated: Type.Integer(),
            failed: Type.Integer(),
            errors: Type.Array(RowError),
          }),
        },
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request) => {
      const file = await request.file()
      if (!file)
        throw invalidField('file', {
          en: 'attach the CSV as "file"',
          zh: '请上传 CSV 文件（字段 file）',
        })
      const content = await file.toBuffer()
      return withTransaction(db, request, (trx, actor) =>
        importSiteCoordinates(trx, actor, content),
      )
    },
  )

  // ---- intake (LOG-2) ----
  app.post(
    '/parcels',
    {
      schema: {
        tags: ['logistics'],
        summary:
          'Hand parcels over (machine clients: a carrier API token). Each row passes or fails alone; re-sent waybills count as duplicates.',
        body: Type.Object(
          {
            carrierId: Type.Optional(Type.String()),
            parcels: Type.Array(Type.Unknown({ description: 'ParcelInput' }), {
              minItems: 1,
              maxItems: 5000,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: IntakeResult },
      },
      config: { access: { permission: 'parcels:submit' } },
    },
    (request) =>
      withTransaction(db, request, async (trx, actor) => {
        const carrierId = await resolveCarrier(trx, actor, request.body.carrierId)
        return intakeParcels(trx, actor, carrierId, request.body.parcels, {
          fileName: 'api',
          firstRowNumber: 1,
        })
      }),
  )

  app.post(
    '/manifests',
    {
      schema: {
        tags: ['logistics'],
        summary:
          'Upload a manifest (CSV or XLSX, multipart field "file"; "carrierId" for county clerks)',
        consumes: ['multipart/form-data'],
        response: { 200: IntakeResult },
      },
      config: { access: { permission: 'parcels:submit' } },
    },
    async (request) => {
      const file = await request.file()
      if (!file)
        throw invalidField('file', {
          en: 'attach the manifest as "file"',
          zh: '请上传运单文件（字段 file）',
        })
      const content = await file.toBuffer()
      const carrierField = file.fields.carrierId
      const carrierId =
        carrierField && !Array.isArray(carrierField) && carrierField.type === 'field'
          ? String(carrierField.value)
          : undefined
      const rows = await readManifest(file.filename, content)
      return withTransaction(db, request, async (trx, actor) => {
        const carrier = await resolveCarrier(trx, actor, carrierId)
        return intakeParcels(trx, actor, carrier, rows, {
          fileName: file.filename,
          firstRowNumber: MANIFEST_FIRST_ROW,
        })
      })
    },
  )

  app.get(
    '/manifests/template',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Download the manifest template',
        querystring: Type.Object({ format: Type.Optional(Type.Enum(['xlsx', 'csv'] as const)) }),
      },
      config: { access: { permission: 'parcels:submit' } },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx'
      const type =
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      return reply
        .header(
          'content-disposition',
          `attachment; filename="manifest-template.${format}"; filename*=UTF-8''${encodeURIComponent(`运单导入模板.${format}`)}`,
        )
        .type(type)
        .send(await manifestTemplate(format))
    },
  )

  // ---- parcels, scans (LOG-5) and the 72-hour promise (LOG-6) ----
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
