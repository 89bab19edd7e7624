import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.js'
import { withTransaction } from '../http/index.js'
import * as countySettings from './county-settings.js'
import { CountySettings, PublicCounty, UpdateCountySettingsBody } from './schema.js'

// /api/county: the county anyone may know (code, name, brand), and its settings for the operator.

export const countyRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['county'],
        summary: 'The county this installation serves: code, name, public brand',
        response: { 200: PublicCounty },
      },
      config: { access: { public: true } },
    },
    () => countySettings.getPublicCounty(db),
  )

  app.get(
    '/settings',
    {
      schema: {
        tags: ['county'],
        summary: 'The county settings: SMS signature, brand, KPI targets',
        response: { 200: CountySettings },
      },
      config: { access: { permission: 'county:manage' } },
    },
    () => countySettings.getCountySettings(db),
  )

  app.patch(
    '/settings',
    {
      schema: {
        tags: ['county'],
        summary: 'Change the county settings (audited)',
        body: UpdateCountySettingsBody,
        response: { 200: CountySettings },
      },
      config: { access: { permission: 'county:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        countySettings.updateCountySettings(trx, actor, request.body),
      ),
  )
}
