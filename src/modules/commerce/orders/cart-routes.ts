import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { IdParams, NoContent, withTransaction } from '../../../platform/http/index.js'
import { addAddress, deleteAddress, listAddresses } from './addresses.js'
import { buyerIdOf } from './buyer.js'
import { readCart, setCartQuantity } from './cart.js'
import { Address, AddressBody, CartLine, CartQuantityBody, PickupPoint } from './order-schema.js'
import { toPickupPoint } from './order-views.js'

// The H5 shop before checkout: where orders can be picked up, the buyer's cart and addresses.

const tags = ['commerce: buyer']
const signedIn = { authenticated: true } as const

export const cartRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/shop/pickup-points',
    {
      schema: {
        tags,
        summary: 'Where an order can be picked up: O2O stores and village stations',
        querystring: Type.Object({ kind: Type.Optional(Type.Enum(['store', 'station'])) }),
        response: { 200: Type.Array(PickupPoint) },
      },
      config: { access: { public: true } },
    },
    async (request) => {
      let query = db
        .selectFrom('stock_location')
        .selectAll()
        .where('active', '=', 1)
        .where('kind', 'in', request.query.kind ? [request.query.kind] : ['store', 'station'])
      query = query.orderBy('kind', 'desc').orderBy('name')
      return (await query.execute()).map(toPickupPoint)
    },
  )

  app.get(
    '/shop/cart',
    { schema: { tags, response: { 200: Type.Array(CartLine) } }, config: { access: signedIn } },
    (request) => readCart(db, buyerIdOf(request)),
  )

  app.put(
    '/shop/cart/:id',
    {
      schema: {
        tags,
        summary: 'Set how many of a SKU are in the cart (0 takes it out)',
        params: IdParams,
        body: CartQuantityBody,
        response: { 200: Type.Array(CartLine) },
      },
      config: { access: signedIn },
    },
    async (request) => {
      const userId = buyerIdOf(request)
      await withTransaction(db, request, (trx, actor) =>
        setCartQuantity(trx, actor, userId, request.params.id, request.body.quantity),
      )
      return readCart(db, userId)
    },
  )

  app.get(
    '/shop/addresses',
    { schema: { tags, response: { 200: Type.Array(Address) } }, config: { access: signedIn } },
    (request) => listAddresses(db, buyerIdOf(request)),
  )

  app.post(
    '/shop/addresses',
    {
      schema: { tags, body: AddressBody, response: { 201: Address } },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      const address = await withTransaction(db, request, (trx, actor) =>
        addAddress(trx, actor, userId, request.body),
      )
      return reply.status(201).send(address)
    },
  )

  app.delete(
    '/shop/addresses/:id',
    {
      schema: { tags, params: IdParams, response: { 204: NoContent } },
      config: { access: signedIn },
    },
    async (request, reply) => {
      const userId = buyerIdOf(request)
      await withTransaction(db, request, (trx, actor) =>
        deleteAddress(trx, actor, userId, request.params.id),
      )
      return reply.status(204).send(null)
    },
  )
}
