import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { sendWorkbook, tableTemplate, TEMPLATE_TYPES } from '../../../platform/export/index.js'
import { IdParams, Page, withTransaction } from '../../../platform/http/index.js'
import { invalidField } from '../../../shared/errors.js'
import * as locations from './locations.js'
import {
  CreateStockLocationBody,
  StockLocation,
  StockLocationQuery,
  UpdateStockLocationBody,
} from './stock-schema.js'

// SVC-1, SVC-5 (issue 15): the O2O stores and the warehouse in the console. They are commerce's
// places (stock_location), so their API lives here; the permissions are the network's.

const tags = ['commerce: stores and warehouses']
const RowError = Type.Object({
  row: Type.Integer(),
  field: Type.String(),
  message: Type.String(),
  messageZh: Type.String(),
})
const ImportResult = Type.Object({
  rowsTotal: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(RowError),
})

const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export const locationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2 },
  })
  app.get(
    '/locations',
    {
      schema: {
        tags,
        summary: 'Stores (体验店) and warehouses',
        querystring: StockLocationQuery,
        response: { 200: Page(StockLocation) },
      },
      config: { access: { permission: 'network:read' } },
    },
    (request) => locations.listStockLocations(db, request.query),
  )

  app.get(
    '/locations.xlsx',
    {
      schema: {
        tags,
        summary: 'Stores and warehouses matching the filters, as Excel (re-importable)',
        querystring: Type.Omit(StockLocationQuery, ['page', 'pageSize']),
      },
      config: { access: { permission: 'network:read' } },
    },
    async (request, reply) =>
      sendWorkbook(reply, '门店与仓库.xlsx', [
        locations.locationsSheet(await locations.allStockLocations(db, request.query)),
      ]),
  )

  app.get(
    '/locations/template',
    {
      schema: {
        tags,
        summary: 'Download the store and warehouse import template',
        querystring: Type.Object({ format: Type.Optional(Type.Enum(['xlsx', 'csv'] as const)) }),
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx'
      return reply
        .header(
          'content-disposition',
          `attachment; filename="location-template.${format}"; filename*=UTF-8''${encodeURIComponent(`门店仓库导入模板.${format}`)}`,
        )
        .type(TEMPLATE_TYPES[format])
        .send(await tableTemplate(format, '门店与仓库', locations.LOCATION_COLUMNS))
    },
  )

  app.post(
    '/locations',
    {
      schema: {
        tags,
        summary: 'Open a store or a warehouse',
        body: CreateStockLocationBody,
        response: { 201: StockLocation },
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request, reply) => {
      const location = await withTransaction(db, request, (trx, actor) =>
        locations.createStockLocation(trx, actor, request.body),
      )
      return reply.status(201).send(location)
    },
  )

  app.post(
    '/locations/import',
    {
      schema: {
        tags,
        summary: 'Create or update stores and warehouses from CSV or XLSX; all rows or none',
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult },
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request) => {
      const file = await request.file()
      if (!file)
        throw invalidField('file', {
          en: 'attach the CSV or XLSX as "file"',
          zh: '请上传 CSV 或 XLSX 文件（字段 file）',
        })
      const content = await file.toBuffer()
      return withTransaction(db, request, (trx, actor) =>
        locations.importStockLocations(trx, actor, file.filename, content),
      )
    },
  )

  app.get(
    '/locations/:id',
    {
      schema: { tags, params: IdParams, response: { 200: StockLocation } },
      config: { access: { permission: 'network:read' } },
    },
    (request) => locations.getStockLocation(db, request.params.id),
  )

  app.patch(
    '/locations/:id',
    {
      schema: {
        tags,
        summary: 'Edit a store or warehouse',
        params: IdParams,
        body: UpdateStockLocationBody,
        response: { 200: StockLocation },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        locations.updateStockLocation(trx, actor, request.params.id, request.body),
      ),
  )

  for (const [action, summary] of [
    ['close', 'Close a store or warehouse (409 while orders wait there)'],
    ['reopen', 'Reopen a closed store or warehouse'],
  ] as const)
    app.post(
      `/locations/:id/${action}`,
      {
        schema: { tags, summary, params: IdParams, response: { 200: StockLocation } },
        config: { access: { permission: 'network:write' } },
      },
      (request) =>
        withTransaction(db, request, (trx, actor) =>
          action === 'close'
            ? locations.closeStockLocation(trx, actor, request.params.id)
            : locations.reopenStockLocation(trx, actor, request.params.id),
        ),
    )
}
