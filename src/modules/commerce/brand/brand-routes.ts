import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, withTransaction } from '../../../platform/http/index.js'
import * as licenses from './brand-licenses.js'
import * as brands from './brands.js'
import {
  Brand,
  BrandBody,
  BrandLicense,
  BrandSeries,
  GrantLicenseBody,
  RevokeLicenseBody,
  SeriesBody,
  UpdateBrandBody,
  UpdateSeriesBody,
} from './brand-schema.js'

// BR-1: the county brand, its series and licences, kept by the operating company.

const tags = ['commerce']

export const brandRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/brands',
    {
      schema: { tags, body: BrandBody, response: { 201: Brand } },
      config: { access: { permission: 'brand:manage' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            brands.createBrand(trx, actor, request.body),
          ),
        ),
  )

  app.patch(
    '/brands/:id',
    {
      schema: { tags, params: IdParams, body: UpdateBrandBody, response: { 200: Brand } },
      config: { access: { permission: 'brand:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        brands.updateBrand(trx, actor, request.params.id, request.body),
      ),
  )

  app.post(
    '/brands/:id/series',
    {
      schema: { tags, params: IdParams, body: SeriesBody, response: { 201: BrandSeries } },
      config: { access: { permission: 'brand:manage' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            brands.createSeries(trx, actor, request.params.id, request.body),
          ),
        ),
  )

  app.patch(
    '/brand-series/:id',
    {
      schema: { tags, params: IdParams, body: UpdateSeriesBody, response: { 200: BrandSeries } },
      config: { access: { permission: 'brand:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        brands.updateSeries(trx, actor, request.params.id, request.body),
      ),
  )

  app.delete(
    '/brand-series/:id',
    {
      schema: { tags, params: IdParams, response: { 204: Type.Null() } },
      config: { access: { permission: 'brand:manage' } },
    },
    async (request, reply) => {
      await withTransaction(db, request, (trx, actor) =>
        brands.deleteSeries(trx, actor, request.params.id),
      )
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/brands/:id/licenses',
    {
      schema: {
        tags,
        summary: 'The merchants licensed to sell under the brand, and past licences',
        params: IdParams,
        response: { 200: Type.Array(BrandLicense) },
      },
      config: { access: { permission: 'brand:manage' } },
    },
    (request) => licenses.listLicenses(db, request.params.id),
  )

  app.post(
    '/brands/:id/licenses',
    {
      schema: {
        tags,
        summary: 'License a merchant to use the brand: one series, or all (no seriesId)',
        params: IdParams,
        body: GrantLicenseBody,
        response: { 201: BrandLicense },
      },
      config: { access: { permission: 'brand:manage' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            licenses.grantLicense(trx, actor, request.params.id, request.body),
          ),
        ),
  )

  app.post(
    '/brand-licenses/:id/revoke',
    {
      schema: { tags, params: IdParams, body: RevokeLicenseBody, response: { 200: BrandLicense } },
      config: { access: { permission: 'brand:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        licenses.revokeLicense(trx, actor, request.params.id, request.body.reason),
      ),
  )
}
