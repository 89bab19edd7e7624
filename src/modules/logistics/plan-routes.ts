import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/database.js'
import type { RevokeSessions } from '../../platform/accounts/index.js'
import type { TravelMatrixProvider } from '../../routing/index.js'
import { IdParams, withTransaction } from '../../platform/http/index.js'
import { AppError } from '../../shared/errors.js'
import {
  MoveStopBody,
  Plan,
  PlanListItem,
  StartPlanBody,
  StopParcel,
  Trip,
} from './dispatch-schema.js'
import { AssignTripBody } from './fleet-schema.js'
import { moveStop } from './plan-adjustments.js'
import { assignTrip } from './trip-assignment.js'
import {
  getPlan,
  listPlans,
  parcelsOfTrip,
  publishPlan,
  runPlan,
  setTripLocked,
  startPlan,
  tripsOfDriver,
} from './plans.js'
import { fleetRoutes } from './fleet-routes.js'

// LOG-3 / LOG-4: the fleet and the day's dispatch plan.

export interface PlanRoutesOptions {
  db: Db
  /** Road distances and times (OSRM); plans use straight-line estimates without it. */
  roadMatrix?: TravelMatrixProvider
  /** Ends a disabled driver's sessions. */
  revokeSessions: RevokeSessions
}

export const planRoutes: FastifyPluginAsyncTypebox<PlanRoutesOptions> = async (
  app,
  { db, roadMatrix, revokeSessions },
) => {
  await app.register(fleetRoutes, { db, revokeSessions })

  app.get(
    '/plans',
    {
      schema: {
        tags: ['dispatch'],
        summary: "A day's plans, newest first",
        querystring: Type.Object({ date: Type.String({ format: 'date' }) }),
        response: { 200: Type.Array(PlanListItem) },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    (request) => listPlans(db, request.query.date),
  )

  app.get(
    '/trips/:id/parcels',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'The parcels a trip carries, by stop (drivers: own trips only)',
        params: IdParams,
        response: { 200: Type.Array(StopParcel) },
      },
      config: { access: { permission: 'parcels:scan' } },
    },
    (request) => {
      // Hub staff see every trip; a driver (or anyone not county-wide) only the trips they drive.
      const isDriver = request.principal?.memberships.some((m) => m.role === 'driver') ?? false
      const seesAll = (request.scope?.county ?? false) && !isDriver
      return parcelsOfTrip(
        db,
        request.params.id,
        seesAll ? null : (request.principal?.userId ?? ''),
      )
    },
  )

  app.post(
    '/plans',
    {
      schema: {
        tags: ['dispatch'],
        summary:
          "Plan the day: every carrier's parcels at the hub, by station, onto the fleet. Answers 202; poll the plan for progress.",
        body: StartPlanBody,
        response: { 202: Plan },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    async (request, reply) => {
      const job = await withTransaction(db, request, (trx, actor) =>
        startPlan(trx, actor, request.body),
      )
      runPlan(db, job, { roadMatrix })
      return reply.status(202).send(await getPlan(db, job.planId))
    },
  )

  app.get(
    '/plans/:id',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'A plan with its progress, trips, stops and what could not be planned',
        params: IdParams,
        response: { 200: Plan },
      },
      config: { access: { permission: 'parcels:read' } },
    },
    (request) => {
      if (!request.scope?.county)
        throw new AppError('forbidden', {
          en: 'Plans are for the county hub',
          zh: '仅物流中心可查看配送计划',
        })
      return getPlan(db, request.params.id)
    },
  )

  app.post(
    '/plans/:id/moves',
    {
      schema: {
        tags: ['dispatch'],
        summary:
          'Move a station to another trip (or place) of a draft plan; refused with reasons when infeasible',
        params: IdParams,
        body: MoveStopBody,
        response: { 200: Plan },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    async (request) => {
      await withTransaction(db, request, (trx, actor) =>
        moveStop(trx, actor, request.params.id, request.body, roadMatrix),
      )
      return getPlan(db, request.params.id)
    },
  )

  app.post(
    '/plans/:id/publish',
    {
      schema: { tags: ['dispatch'], params: IdParams, response: { 200: Plan } },
      config: { access: { permission: 'parcels:manage' } },
    },
    (request) =>
      withTransaction(db, request, (trx, actor) => publishPlan(trx, actor, request.params.id)),
  )

  app.put(
    '/trips/:id/lock',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Lock or unlock a trip of a draft plan',
        params: IdParams,
        body: Type.Object({ locked: Type.Boolean() }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    async (request, reply) => {
      await withTransaction(db, request, (trx, actor) =>
        setTripLocked(trx, actor, request.params.id, request.body.locked),
      )
      return reply.status(204).send(null)
    },
  )

  app.put(
    '/trips/:id/assignment',
    {
      schema: {
        tags: ['dispatch'],
        summary:
          'Give a trip of a draft plan its driver and/or vehicle; refused (naming the field) for a vehicle out of service, too small, based elsewhere or off shift, or a driver or vehicle already on another trip of the plan',
        params: IdParams,
        body: AssignTripBody,
        response: { 200: Plan },
      },
      config: { access: { permission: 'parcels:manage' } },
    },
    async (request) => {
      const planId = await withTransaction(db, request, (trx, actor) =>
        assignTrip(trx, actor, request.params.id, request.body),
      )
      return getPlan(db, planId)
    },
  )

  app.get(
    '/trips/mine',
    {
      schema: {
        tags: ['dispatch'],
        summary: "The signed-in driver's trips in the day's published plan",
        querystring: Type.Object({ date: Type.String({ format: 'date' }) }),
        response: { 200: Type.Array(Trip) },
      },
      config: { access: { permission: 'parcels:scan' } },
    },
    (request) => tripsOfDriver(db, request.principal?.userId ?? '', request.query.date),
  )
}
