import type { Db } from '../../db/database.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor } from '../../platform/http/index.js'
import { evaluateRoute, type TravelMatrixProvider } from '../../routing/index.js'
import { AppError, conflict, invalidField, notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import {
  buildDispatchProblem,
  dispatchPoints,
  planInstant,
  type StopLoad,
} from './dispatch-problem.js'
import type { MoveStopBody, PlanSummary } from './dispatch-schema.js'
import { describeViolations } from './move-violations.js'
import { loadDepots } from './plans.js'

// LOG-3: a clerk reviewing a draft moves a station to another trip. The two changed routes are
// re-walked by the routing library's checker; a move that breaks capacity, a shift or an opening
// hour is refused with the reasons, so a published plan is always feasible.

export async function moveStop(
  db: Db,
  actor: Actor,
  planId: string,
  body: MoveStopBody,
  roadMatrix?: TravelMatrixProvider,
): Promise<void> {
  const plan = await db
    .selectFrom('dispatch_plan')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirst()
  if (!plan) throw notFound({ en: 'dispatch plan', zh: '配送计划' }, planId)
  if (plan.status !== 'draft')
    throw conflict({ en: 'only a draft plan can be changed', zh: '只能修改草稿计划' })
  const trips = await db.selectFrom('trip').selectAll().where('plan_id', '=', planId).execute()
  const stops = await db
    .selectFrom('trip_stop as stop')
    .innerJoin('logistics_site as site', 'site.id', 'stop.site_id')
    .selectAll('stop')
    .select(['site.lat', 'site.lon', 'site.kind', 'site.opening_hours', 'site.name as site_name'])
    .where('stop.trip_id', 'in', [...trips.map((t) => t.id), ''])
    .orderBy('stop.seq')
    .execute()
  const moving = stops.find((s) => s.site_id === body.siteId)
  if (!moving)
    throw invalidField('siteId', {
      en: 'this station is not on the plan',
      zh: '该站点不在本计划中',
    })
  const from = trips.find((t) => t.id === moving.trip_id)
  const to = trips.find((t) => t.id === body.toTripId)
  if (!from || !to)
    throw invalidField('toTripId', { en: 'no such trip in this plan', zh: '本计划中没有该车次' })
  if (from.locked === 1 || to.locked === 1)
    throw conflict({ en: 'a locked trip cannot change', zh: '已锁定的车次不能调整' })

  const sequence = (tripId: string) =>
    stops.filter((s) => s.trip_id === tripId && s.site_id !== body.siteId).map((s) => s.site_id)
  const changed = new Map<string, string[]>([[from.id, sequence(from.id)]])
  const target = from.id === to.id ? (changed.get(from.id) ?? []) : sequence(to.id)
  target.splice(Math.min(body.position - 1, target.length), 0, body.siteId)
  changed.set(to.id, target)

  const vehicles = await db
    .selectFrom('vehicle')
    .selectAll()
    .where(
      'id',
      'in',
      trips.map((t) => t.vehicle_id),
    )
    .execute()
  const loads: StopLoad[] = stops.map((s) => ({
    siteId: s.site_id,
    lat: s.lat ?? 0,
    lon: s.lon ?? 0,
    roadClass: s.kind === 'hub' ? 'county' : s.kind,
    openingHours: s.opening_hours,
    deliveryKg: s.delivery_kg,
    deliveryM3: s.delivery_m3,
    parcelCount: s.parcel_count,
    pickupKg: s.pickup_kg,
    pickupM3: s.pickup_m3,
    pickupCount: s.pickup_count,
  }))
  const depots = await loadDepots(db, vehicles)
  // Re-walked on the same kind of roads the plan was made on; only the two trips' stations are
  // asked for, so a road service answers at once.
  const problem = buildDispatchProblem(
    depots,
    loads,
    vehicles,
    roadMatrix ? await roadMatrix.buildMatrix(dispatchPoints(depots, loads)) : undefined,
  )
  const evaluations = [...changed].map(([tripId, siteIds]) => {
    const trip = trips.find((t) => t.id === tripId)
    return { trip, siteIds, evaluation: evaluateRoute(problem, trip?.vehicle_id ?? '', siteIds) }
  })
  const names = {
    vehicles: new Map(
      vehicles.map((v) => [
        v.id,
        { plate: v.plate, capacityKg: v.capacity_kg, capacityM3: v.capacity_m3 },
      ]),
    ),
    sites: new Map(stops.map((s) => [s.site_id, s.site_name])),
  }
  const violations = describeViolations(
    evaluations.flatMap((e) => e.evaluation.violations),
    names,
  )
  if (violations.length > 0) {
    throw new AppError(
      'conflict',
      {
        en: `the move breaks the plan: ${violations.map((v) => v.en).join('; ')}`,
        zh: `调整后计划不可行：${violations.map((v) => v.zh).join('；')}`,
      },
      [{ field: 'toTripId', message: violations[0] ?? { en: '', zh: '' } }],
    )
  }

  const byId = new Map(stops.map((s) => [s.site_id, s]))
  for (const { trip, siteIds, evaluation } of evaluations) {
    if (!trip) continue
    await db.deleteFrom('trip_stop').where('trip_id', '=', trip.id).execute()
    if (siteIds.length === 0) {
      await db.deleteFrom('trip').where('id', '=', trip.id).execute()
      continue
    }
    await db
      .insertInto('trip_stop')
      .values(
        evaluation.visits.map((visit, index) => {
          const stop = byId.get(visit.jobId)
          return {
            id: newId(),
            trip_id: trip.id,
            seq: index + 1,
            site_id: visit.jobId,
            eta: planInstant(plan.service_date, visit.startS),
            delivery_kg: stop?.delivery_kg ?? 0,
            delivery_m3: stop?.delivery_m3 ?? 0,
            parcel_count: stop?.parcel_count ?? 0,
            pickup_kg: stop?.pickup_kg ?? 0,
            pickup_m3: stop?.pickup_m3 ?? 0,
            pickup_count: stop?.pickup_count ?? 0,
          }
        }),
      )
      .execute()
    await db
      .updateTable('trip')
      .set({
        departure_at: planInstant(plan.service_date, evaluation.departureS),
        return_at: planInstant(plan.service_date, evaluation.arrivalS),
        distance_m: Math.round(evaluation.distanceM),
        duration_s: Math.round(evaluation.durationS),
        cost_fen: Math.round(evaluation.cost),
      })
      .where('id', '=', trip.id)
      .execute()
  }
  await refreshSummary(db, planId, plan.summary_json)
  await recordAudit(db, actor, {
    action: 'dispatch_plan.move_stop',
    entityType: 'dispatch_plan',
    entityId: planId,
    organizationId: null,
    before: { tripId: from.id, position: moving.seq },
    after: { tripId: to.id, position: body.position, siteId: body.siteId },
  })
}

/** The plan's totals follow its trips after a manual change. */
async function refreshSummary(db: Db, planId: string, summaryJson: string | null): Promise<void> {
  if (summaryJson === null) return
  const trips = await db
    .selectFrom('trip')
    .select(['distance_m', 'cost_fen'])
    .where('plan_id', '=', planId)
    .execute()
  const summary = JSON.parse(summaryJson) as PlanSummary
  summary.trips = trips.length
  summary.distanceKm = Math.round(trips.reduce((sum, t) => sum + t.distance_m, 0) / 100) / 10
  summary.costFen = trips.reduce((sum, t) => sum + t.cost_fen, 0)
  await db
    .updateTable('dispatch_plan')
    .set({ summary_json: JSON.stringify(summary) })
    .where('id', '=', planId)
    .execute()
}
