import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams } from '../../../platform/http/index.js'
import { SkuLabelFields } from '../shared/index.js'
import { skuLabel } from './sku-labels.js'

// The product a promotion's SKU belongs to: the console's edit forms show the product and SKU
// the promotion sells, while a promotion itself stores only the SKU id.

export const skuLabelRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/skus/:id/label',
    {
      schema: {
        tags: ['promotions'],
        summary: "A SKU's product and name, to show the SKU a promotion sells",
        params: IdParams,
        response: { 200: Type.Object(SkuLabelFields) },
      },
      config: { access: { permission: 'promotions:manage' } },
    },
    (request) => skuLabel(db, request.params.id),
  )
}
