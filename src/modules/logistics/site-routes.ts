import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { sendWorkbook, tableTemplate, TEMPLATE_TYPES } from '../../platform/export/index.js'
import { IdParams, Page, withTransaction } from '../../platform/http/index.js'
import { invalidField } from '../../shared/errors.js'
import {
  CoordinateImportResult,
  CreateSiteBody,
  Site,
  SiteImportResult,
  SiteListQuery,
  UpdateSiteBody,
} from './schema.js'
import { importSiteCoordinates } from './site-coordinates.js'
import { importSites, SITE_COLUMNS, sitesSheet } from './site-import.js'
import * as sites from './sites.js'

// The network (LOG-1): hub, township and village stations, managed by the operator (issue 15).

const SiteExportQuery = Type.Omit(SiteListQuery, ['page', 'pageSize'])

export const siteRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
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
    '/sites.xlsx',
    {
      schema: {
        tags: ['logistics'],
        summary: 'The sites matching the filters, as an Excel download (re-importable)',
        querystring: SiteExportQuery,
      },
      config: { access: { permission: 'network:read' } },
    },
    async (request, reply) =>
      sendWorkbook(reply, '物流站点.xlsx', [sitesSheet(await sites.allSites(db, request.query))]),
  )

  app.get(
    '/sites/template',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Download the site import template',
        querystring: Type.Object({ format: Type.Optional(Type.Enum(['xlsx', 'csv'] as const)) }),
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx'
      return reply
        .header(
          'content-disposition',
          `attachment; filename="site-template.${format}"; filename*=UTF-8''${encodeURIComponent(`站点导入模板.${format}`)}`,
        )
        .type(TEMPLATE_TYPES[format])
        .send(await tableTemplate(format, '站点', SITE_COLUMNS))
    },
  )

  app.post(
    '/sites',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Create a hub, township station or village station',
        body: CreateSiteBody,
        response: { 201: Site },
      },
      config: { access: { permission: 'network:write' } },
    },
    async (request, reply) => {
      const site = await withTransaction(db, request, (trx, actor) =>
        sites.createSite(trx, actor, request.body),
      )
      return reply.status(201).send(site)
    },
  )

  app.post(
    '/sites/import',
    {
      schema: {
        tags: ['logistics'],
        summary:
          'Create or update sites from a CSV or XLSX (template: GET /sites/template); all rows or none',
        consumes: ['multipart/form-data'],
        response: { 200: SiteImportResult },
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
        importSites(trx, actor, file.filename, content),
      )
    },
  )

  app.post(
    '/sites/:id/close',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Close a site: it takes no new parcels (409 while parcels are on their way to it)',
        params: IdParams,
        response: { 200: Site },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) => sites.closeSite(trx, actor, request.params.id)),
  )

  app.post(
    '/sites/:id/reopen',
    {
      schema: {
        tags: ['logistics'],
        summary: 'Reopen a closed site',
        params: IdParams,
        response: { 200: Site },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) => sites.reopenSite(trx, actor, request.params.id)),
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
        summary: "Correct a site's code, division, details, station master or position",
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
          200: CoordinateImportResult,
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
}
