import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { withTransaction } from '../../platform/http/index.js'
import { invalidField } from '../../shared/errors.js'
import { manifestTemplate, MANIFEST_FIRST_ROW, readManifest } from './manifest-file.js'
import { intakeParcels, resolveCarrier } from './parcel-intake.js'
import { IntakeResult } from './schema.js'

// Intake (LOG-2): parcels handed over by API or as a manifest file.

export const intakeRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
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
}
