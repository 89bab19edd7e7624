import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import { actorOf, IdParams, withTransaction } from '../../platform/http/index.js'
import { CreateVehicleBody, UpdateVehicleBody, Vehicle } from './dispatch-schema.js'
import { CarrierOption, listAllianceCarriers } from './carriers.js'
import { createVehicle, listVehicles, updateVehicle } from './fleet.js'

// LOG-3: the fleet, and the carriers a plan's parcels come from.

export const fleetRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/vehicles',
    {
      schema: { tags: ['dispatch'], response: { 200: Type.Array(Vehicle) } },
      config: { access: { permission: 'network:read' } },
    },
    () => listVehicles(db),
  )

  app.post(
    '/vehicles',
    {
      schema: { tags: ['dispatch'], body: CreateVehicleBody, response: { 201: Vehicle } },
      config: { access: { permission: 'network:write' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(db, request, (trx, actor) =>
            createVehicle(trx, actor, request.body),
          ),
        ),
  )

  app.patch(
    '/vehicles/:id',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Assign a driver, change capacity or shift, or take a vehicle out of service',
        params: IdParams,
        body: UpdateVehicleBody,
        response: { 200: Vehicle },
      },
      config: { access: { permission: 'network:write' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) =>
        updateVehicle(trx, actor, request.params.id, request.body),
      ),
  )

  app.get(
    '/carriers',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'The alliance member carriers, names and ids (for filters and hand-over)',
        response: { 200: Type.Array(CarrierOption) },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => listAllianceCarriers(db, actorOf(request).scope),
  )
}
