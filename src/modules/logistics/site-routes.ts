import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.js'
import { IdParams, Page, withTransaction } from '../../platform/http/index.js'
import { invalidField } from '../../shared/errors.js'
import { CoordinateImportResult, Site, SiteListQuery, UpdateSiteBody } from './schema.js'
import { importSiteCoordinates } from './site-coordinates.js'
import * as sites from './sites.js'

// The network (LOG-1): hub, township and village stations.

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
