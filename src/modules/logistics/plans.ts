import type { Db } from '../../db/database.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Actor } from '../../platform/http/index.js'
import { claimLease, heldLeases, NODE_ID, releaseLease } from '../../platform/jobs/index.js'
import {
  checkSolution,
  type Problem,
  type Solution,
  type SolveImprovement,
  type SolveStats,
  type TravelMatrixProvider,
} from '../../routing/index.js'
import { nowIso } from '../../shared/clock.js'
import { conflict, invalidField, notFound } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { maskName } from '../../shared/personal-data.js'
import {
  buildDispatchProblem,
  dispatchPoints,
  planInstant as instant,
  type Depot,
  type StopLoad,
} from './dispatch-problem.js'
import type {
  Plan,
  PlanListItem,
  PlanSummary,
  StartPlanBody,
  StopParcel,
  Trip,
  TripStopTable,
  TripTable,
} from './dispatch-schema.js'
import { withCarrierNames } from './parcel-views.js'
import { solveInWorker } from './run-planner.js'

// LOG-3 / LOG-4: the day's plan. Every carrier's parcels for one station travel together
// (joint delivery); the route planner turns the loads into trips; a clerk reviews and publishes.

const PLAN = { en: 'dispatch plan', zh: '配送计划' }
const DEFAULT_TIME_LIMIT_S = 5

/** Plans still being solved by this node; awaited on shutdown and in tests. */
export const plansInFlight = new Set<Promise<void>>()

/**
 * The node solving a plan holds the lease `dispatch-plan:<id>` (issue 14), renewed while it
 * solves: a plan still 'planning' without a live lease lost its node.
 */
const planLease = (planId: string) => `dispatch-plan:${planId}`
const PLAN_LEASE_MS = 60_000
const leaseUntil = () => new Date(Date.now() + PLAN_LEASE_MS).toISOString()

/** Every station with parcels waiting at the hub (all carriers together) or farm products to collect. */
async function loadStops(db: Db): Promise<StopLoad[]> {
  const deliveries = await db
    .selectFrom('parcel')
    .select((eb) => [
      'parcel.destination_site_id as siteId',
      eb.fn.sum<number | string>('parcel.weight_g').as('weightG'),
      eb.fn.sum<number | string>('parcel.volume_cm3').as('volumeCm3'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('parcel.status', 'in', ['received', 'sorted'])
    .where('parcel.destination_site_id', 'is not', null)
    .groupBy('parcel.destination_site_id')
    .execute()
  const pickups = await db
    .selectFrom('farm_pickup')
    .select((eb) => [
      'farm_pickup.station_site_id as siteId',
      eb.fn.sum<number | string>('farm_pickup.weight_g').as('weightG'),
      eb.fn.sum<number | string>('farm_pickup.volume_cm3').as('volumeCm3'),
      eb.fn.sum<number | string>('farm_pickup.pieces').as('count'),
    ])
    .where('farm_pickup.status', '=', 'registered')
    .groupBy('farm_pickup.station_site_id')
    .execute()
  const siteIds = [
    ...new Set(
      [...deliveries, ...pickups].map((r) => r.siteId).filter((id): id is string => id !== null),
    ),
  ].sort()
  const sites = new Map(
    (
      await db
        .selectFrom('logistics_site')
        .selectAll()
        .where('id', 'in', [...siteIds, ''])
        // A closed site is not visited (closing is refused while anything waits for it).
        .where('closed_at', 'is', null)
        .execute()
    ).map((s) => [s.id, s]),
  )
  const deliveryBySite = new Map(deliveries.map((d) => [d.siteId, d]))
  const pickupBySite = new Map(pickups.map((p) => [p.siteId, p]))
  return siteIds.flatMap((siteId) => {
    const site = sites.get(siteId)
    if (!site || site.lat === null || site.lon === null) return []
    const delivery = deliveryBySite.get(siteId)
    const pickup = pickupBySite.get(siteId)
    return [
      {
        siteId,
        lat: site.lat,
        lon: site.lon,
        roadClass: site.kind === 'hub' ? 'county' : site.kind,
        openingHours: site.opening_hours,
        deliveryKg: Number(delivery?.weightG ?? 0) / 1000,
        deliveryM3: Number(delivery?.volumeCm3 ?? 0) / 1_000_000,
        parcelCount: delivery?.count ?? 0,
        pickupKg: Number(pickup?.weightG ?? 0) / 1000,
        pickupM3: Number(pickup?.volumeCm3 ?? 0) / 1_000_000,
        pickupCount: Number(pickup?.count ?? 0),
      },
    ]
  })
}

/** The sites the vehicles start from and return to. */
export async function loadDepots(
  db: Db,
  vehicles: readonly { home_site_id: string }[],
): Promise<Depot[]> {
  const depotIds = [...new Set(vehicles.map((v) => v.home_site_id))]
  const rows = await db
    .selectFrom('logistics_site')
    .select(['id', 'lat', 'lon'])
    .where('id', 'in', [...depotIds, ''])
    .execute()
  return rows.map((d) => ({ siteId: d.id, lat: d.lat ?? 0, lon: d.lon ?? 0 }))
}

export interface PlanJob {
  planId: string
  serviceDate: string
  problem: Problem
  depots: Depot[]
  stops: StopLoad[]
  timeLimitMs: number
}

/** Creates the plan (status planning) and the routing problem; `runPlan` solves it after commit. */
export async function startPlan(db: Db, actor: Actor, body: StartPlanBody): Promise<PlanJob> {
  const vehicles = await db
    .selectFrom('vehicle')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('plate')
    .execute()
  if (vehicles.length === 0)
    throw invalidField('serviceDate', { en: 'no active vehicle to plan with', zh: '没有可用车辆' })
  const depots = await loadDepots(db, vehicles)
  const stops = await loadStops(db)
  const problem = buildDispatchProblem(depots, stops, vehicles)
  const planId = newId()
  await db
    .insertInto('dispatch_plan')
    .values({
      id: planId,
      service_date: body.serviceDate,
      status: 'planning',
      progress: 0,
      created_by: actor.principal?.userId ?? null,
      created_at: nowIso(),
      finished_at: null,
      published_at: null,
      summary_json: null,
      error: null,
    })
    .execute()
  // In the plan's transaction: no other node ever sees the plan without its solver's lease.
  await claimLease(db, planLease(planId), NODE_ID, leaseUntil())
  await recordAudit(db, actor, {
    action: 'dispatch_plan.create',
    entityType: 'dispatch_plan',
    entityId: planId,
    organizationId: null,
    after: { serviceDate: body.serviceDate, stations: stops.length, vehicles: vehicles.length },
  })
  return {
    planId,
    serviceDate: body.serviceDate,
    problem,
    depots,
    stops,
    timeLimitMs: (body.timeLimitS ?? DEFAULT_TIME_LIMIT_S) * 1000,
  }
}

/**
 * Solves in a worker thread, in the background, on the root database handle (the request's
 * transaction has committed by then); the plan's progress and result land in its row.
 */
export function runPlan(db: Db, job: PlanJob, options: RunPlanOptions = {}): void {
  const running = solvePlan(db, job, options).finally(() => plansInFlight.delete(running))
  plansInFlight.add(running)
}

export interface RunPlanOptions {
  /** Road distances and times (OSRM); absent, the straight-line estimates the job was built with. */
  roadMatrix?: TravelMatrixProvider
  /** Each new best plan while solving (bench:dispatch traces the cost over time). */
  onImprove?: (improvement: SolveImprovement) => void
  /** The solver's own figures once it returns, so a caller can tell solving from the rest. */
  onSolved?: (stats: SolveStats) => void
}

async function solvePlan(
  db: Db,
  { planId, serviceDate, problem: estimated, depots, stops, timeLimitMs }: PlanJob,
  { roadMatrix, onImprove, onSolved }: RunPlanOptions,
): Promise<void> {
  const started = performance.now()
  let lastProgress = 0
  const renewal = setInterval(() => {
    void claimLease(db, planLease(planId), NODE_ID, leaseUntil()).catch(() => undefined)
  }, PLAN_LEASE_MS / 3)
  renewal.unref()
  try {
    // Fetched here, after the request's transaction, so a slow road service holds no locks.
    const problem =
      roadMatrix === undefined || estimated.jobs.length === 0
        ? estimated
        : { ...estimated, matrix: await roadMatrix.buildMatrix(dispatchPoints(depots, stops)) }
    const solution =
      problem.jobs.length === 0
        ? emptySolution()
        : await solveInWorker(
            problem,
            { timeLimitMs, seed: 1 },
            {
              onImprove,
              onProgress: (share) => {
                const percent = Math.floor(share * 95)
                if (percent >= lastProgress + 5) {
                  lastProgress = percent
                  void db
                    .updateTable('dispatch_plan')
                    .set({ progress: percent })
                    .where('id', '=', planId)
                    .where('status', '=', 'planning')
                    .execute()
                }
              },
            },
          )
    onSolved?.(solution.stats)
    // Every plan passes the independent checker before anyone sees it.
    const check = checkSolution(problem, {
      routes: solution.routes.map((r) => ({
        vehicleId: r.vehicleId,
        jobIds: r.jobIds,
        distanceM: r.distanceM,
      })),
      unassigned: solution.unassigned,
      cost: solution.cost,
    })
    await db.transaction().execute(async (trx) => {
      const summary = summarise(
        solution,
        stops,
        check.violations,
        Math.round(performance.now() - started),
      )
      const finished = await trx
        .updateTable('dispatch_plan')
        .set({
          status: 'draft',
          progress: 100,
          finished_at: nowIso(),
          summary_json: JSON.stringify(summary),
        })
        .where('id', '=', planId)
        // A plan failed meanwhile as abandoned (this node stalled past its lease) stays failed.
        .where('status', '=', 'planning')
        .executeTakeFirst()
      if (Number(finished.numUpdatedRows) === 1) {
        await writeTrips(trx, planId, serviceDate, solution, stops)
      }
    })
  } catch (error) {
    // If even this fails (the database closed under a shutdown), the plan stays `planning` and
    // failAbandonedPlans fails it once its lease lapses.
    await db
      .updateTable('dispatch_plan')
      .set({
        status: 'failed',
        finished_at: nowIso(),
        error: error instanceof Error ? error.message : String(error),
      })
      .where('id', '=', planId)
      .execute()
      .catch(() => undefined)
  } finally {
    clearInterval(renewal)
    // A lease left behind expires by itself.
    await releaseLease(db, planLease(planId), NODE_ID).catch(() => undefined)
  }
}

const emptySolution = (): Solution => ({
  routes: [],
  unassigned: [],
  cost: 0,
  distanceM: 0,
  vehicleCount: 0,
  stats: { iterations: 0, elapsedMs: 0, timeToBestMs: 0, stoppedBy: 'iterations' },
})

/** Writes the trips with the loads the plan was solved for (parcels arriving meanwhile wait for the next plan). */
async function writeTrips(
  db: Db,
  planId: string,
  serviceDate: string,
  solution: Solution,
  stops: readonly StopLoad[],
): Promise<void> {
  const vehicles = new Map(
    (await db.selectFrom('vehicle').select(['id', 'driver_user_id']).execute()).map((v) => [
      v.id,
      v.driver_user_id,
    ]),
  )
  const loads = new Map(stops.map((s) => [s.siteId, s]))
  for (const route of solution.routes.filter((r) => r.jobIds.length > 0)) {
    const trip: TripTable = {
      id: newId(),
      plan_id: planId,
      vehicle_id: route.vehicleId,
      driver_user_id: vehicles.get(route.vehicleId) ?? null,
      departure_at: instant(serviceDate, route.departureS),
      return_at: instant(serviceDate, route.arrivalS),
      distance_m: Math.round(route.distanceM),
      duration_s: Math.round(route.durationS),
      cost_fen: Math.round(route.cost),
      locked: 0,
    }
    await db.insertInto('trip').values(trip).execute()
    const stops: TripStopTable[] = route.visits.map((visit, seq) => {
      const load = loads.get(visit.jobId)
      return {
        id: newId(),
        trip_id: trip.id,
        seq: seq + 1,
        site_id: visit.jobId,
        eta: instant(serviceDate, visit.startS),
        delivery_kg: load?.deliveryKg ?? 0,
        delivery_m3: load?.deliveryM3 ?? 0,
        parcel_count: load?.parcelCount ?? 0,
        pickup_kg: load?.pickupKg ?? 0,
        pickup_m3: load?.pickupM3 ?? 0,
        pickup_count: load?.pickupCount ?? 0,
      }
    })
    if (stops.length > 0) await db.insertInto('trip_stop').values(stops).execute()
  }
}

function summarise(
  solution: Solution,
  stops: StopLoad[],
  violations: string[],
  planningMs: number,
): PlanSummary {
  const bySite = new Map(stops.map((s) => [s.siteId, s]))
  return {
    stations: stops.length,
    parcels: stops.reduce((sum, s) => sum + s.parcelCount, 0),
    pickups: stops.reduce((sum, s) => sum + s.pickupCount, 0),
    trips: solution.routes.filter((r) => r.jobIds.length > 0).length,
    distanceKm: Math.round(solution.distanceM / 100) / 10,
    costFen: Math.round(solution.cost),
    planningMs,
    unassigned: solution.unassigned.map((u) => ({
      siteId: u.jobId,
      siteName: '',
      reason: u.reason,
      parcels: bySite.get(u.jobId)?.parcelCount ?? 0,
    })),
    checkerViolations: violations,
  }
}

/**
 * A plan still 'planning' whose solver's lease has lapsed lost its node (a crash or a restart
 * mid-solve); marking it failed lets the clerk start again. A plan another live node is solving
 * keeps its lease and is left alone (issue 14).
 */
export async function failAbandonedPlans(db: Db, now = nowIso()): Promise<number> {
  const planning = await db
    .selectFrom('dispatch_plan')
    .select('id')
    .where('status', '=', 'planning')
    .execute()
  const solving = await heldLeases(
    db,
    planning.map((plan) => planLease(plan.id)),
    now,
  )
  const abandoned = planning.filter((plan) => !solving.has(planLease(plan.id)))
  if (abandoned.length === 0) return 0
  const result = await db
    .updateTable('dispatch_plan')
    .set({
      status: 'failed',
      finished_at: now,
      error: 'abandoned: the server stopped while planning',
    })
    .where('status', '=', 'planning')
    .where(
      'id',
      'in',
      abandoned.map((plan) => plan.id),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function getPlan(db: Db, id: string): Promise<Plan> {
  const plan = await db
    .selectFrom('dispatch_plan')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!plan) throw notFound(PLAN, id)
  const trips = await loadTrips(db, [id])
  const summary = plan.summary_json === null ? null : (JSON.parse(plan.summary_json) as PlanSummary)
  if (summary) {
    const names = new Map(
      (
        await db
          .selectFrom('logistics_site')
          .select(['id', 'name'])
          .where('id', 'in', [...summary.unassigned.map((u) => u.siteId), ''])
          .execute()
      ).map((s) => [s.id, s.name]),
    )
    for (const u of summary.unassigned) u.siteName = names.get(u.siteId) ?? u.siteId
  }
  return {
    id: plan.id,
    serviceDate: plan.service_date,
    status: plan.status,
    progress: plan.progress,
    createdAt: plan.created_at,
    finishedAt: plan.finished_at,
    publishedAt: plan.published_at,
    summary,
    error: plan.error,
    trips,
  }
}

async function loadTrips(db: Db, planIds: string[], driverUserId?: string): Promise<Trip[]> {
  let query = db
    .selectFrom('trip')
    .innerJoin('vehicle', 'vehicle.id', 'trip.vehicle_id')
    .selectAll('trip')
    .select('vehicle.plate')
    .where('trip.plan_id', 'in', [...planIds, ''])
  if (driverUserId !== undefined) query = query.where('trip.driver_user_id', '=', driverUserId)
  const trips = await query.orderBy('trip.departure_at').orderBy('vehicle.plate').execute()
  const stops = await db
    .selectFrom('trip_stop')
    .innerJoin('logistics_site as site', 'site.id', 'trip_stop.site_id')
    .selectAll('trip_stop')
    .select('site.name as siteName')
    .where('trip_stop.trip_id', 'in', [...trips.map((t) => t.id), ''])
    .orderBy('trip_stop.seq')
    .execute()
  return trips.map((t) => ({
    id: t.id,
    vehicleId: t.vehicle_id,
    vehiclePlate: t.plate,
    driverUserId: t.driver_user_id,
    departureAt: t.departure_at,
    returnAt: t.return_at,
    distanceKm: Math.round(t.distance_m / 100) / 10,
    durationS: t.duration_s,
    costFen: t.cost_fen,
    locked: t.locked === 1,
    stops: stops
      .filter((s) => s.trip_id === t.id)
      .map((s) => ({
        seq: s.seq,
        siteId: s.site_id,
        siteName: s.siteName,
        eta: s.eta,
        deliveryKg: s.delivery_kg,
        deliveryM3: s.delivery_m3,
        parcelCount: s.parcel_count,
        pickupKg: s.pickup_kg,
        pickupCount: s.pickup_count,
      })),
  }))
}

/** A clerk publishes a reviewed draft; drivers then see their trips. One published plan a day. */
export async function publishPlan(db: Db, actor: Actor, id: string): Promise<Plan> {
  const plan = await getPlan(db, id)
  if (plan.status !== 'draft')
    throw conflict({
      en: `a ${plan.status} plan cannot be published`,
      zh: '只有草稿状态的计划可以发布',
    })
  if ((plan.summary?.checkerViolations.length ?? 0) > 0)
    throw conflict({
      en: 'the plan breaks constraints; plan again',
      zh: '计划违反约束，请重新规划',
    })
  const published = await db
    .selectFrom('dispatch_plan')
    .select('id')
    .where('service_date', '=', plan.serviceDate)
    .where('status', '=', 'published')
    .executeTakeFirst()
  if (published)
    throw conflict({
      en: `plan ${published.id} is already published for ${plan.serviceDate}`,
      zh: `${plan.serviceDate} 已有已发布的计划`,
    })
  await db
    .updateTable('dispatch_plan')
    .set({ status: 'published', published_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute()
  // The farm products registered at each stop now ride back on that stop's trip (LOG-8).
  for (const trip of plan.trips) {
    const stations = trip.stops.filter((s) => s.pickupCount > 0).map((s) => s.siteId)
    if (stations.length === 0) continue
    await db
      .updateTable('farm_pickup')
      .set({ status: 'planned', trip_id: trip.id, updated_at: nowIso() })
      .where('status', '=', 'registered')
      .where('station_site_id', 'in', stations)
      .execute()
  }
  await recordAudit(db, actor, {
    action: 'dispatch_plan.publish',
    entityType: 'dispatch_plan',
    entityId: id,
    organizationId: null,
    before: { status: 'draft' },
    after: { status: 'published' },
  })
  return getPlan(db, id)
}

export async function setTripLocked(
  db: Db,
  actor: Actor,
  tripId: string,
  locked: boolean,
): Promise<void> {
  const trip = await db
    .selectFrom('trip')
    .innerJoin('dispatch_plan as plan', 'plan.id', 'trip.plan_id')
    .select(['trip.id', 'trip.locked', 'plan.status'])
    .where('trip.id', '=', tripId)
    .executeTakeFirst()
  if (!trip) throw notFound({ en: 'trip', zh: '车次' }, tripId)
  if (trip.status !== 'draft')
    throw conflict({ en: 'only a draft plan can be changed', zh: '只能修改草稿计划' })
  await db
    .updateTable('trip')
    .set({ locked: locked ? 1 : 0 })
    .where('id', '=', tripId)
    .execute()
  await recordAudit(db, actor, {
    action: locked ? 'trip.lock' : 'trip.unlock',
    entityType: 'trip',
    entityId: tripId,
    organizationId: null,
    before: { locked: trip.locked === 1 },
    after: { locked },
  })
}

/** A driver's trips in the published plan of a day. */
export async function tripsOfDriver(db: Db, userId: string, serviceDate: string): Promise<Trip[]> {
  const plans = await db
    .selectFrom('dispatch_plan')
    .select('id')
    .where('service_date', '=', serviceDate)
    .where('status', '=', 'published')
    .execute()
  return loadTrips(
    db,
    plans.map((p) => p.id),
    userId,
  )
}

/** The plans of a day, newest first, without their trips. */
export async function listPlans(db: Db, serviceDate: string): Promise<PlanListItem[]> {
  const rows = await db
    .selectFrom('dispatch_plan')
    .selectAll()
    .where('service_date', '=', serviceDate)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((p) => ({
    id: p.id,
    serviceDate: p.service_date,
    status: p.status,
    progress: p.progress,
    createdAt: p.created_at,
    publishedAt: p.published_at,
    summary: p.summary_json === null ? null : (JSON.parse(p.summary_json) as PlanSummary),
  }))
}

/**
 * The parcels a trip carries to each stop: those for the stop's station still at the hub or on
 * the way. A driver sees only their own trips.
 */
export async function parcelsOfTrip(
  db: Db,
  tripId: string,
  driverUserId: string | null,
): Promise<StopParcel[]> {
  const trip = await db
    .selectFrom('trip')
    .select(['id', 'driver_user_id'])
    .where('id', '=', tripId)
    .executeTakeFirst()
  if (!trip || (driverUserId !== null && trip.driver_user_id !== driverUserId))
    throw notFound({ en: 'trip', zh: '车次' }, tripId)
  const rows = await withCarrierNames(
    db,
    await db
      .selectFrom('trip_stop as stop')
      .innerJoin('parcel', 'parcel.destination_site_id', 'stop.site_id')
      .select([
        'stop.site_id as siteId',
        'stop.seq',
        'parcel.waybill_no as waybillNo',
        'parcel.carrier_id',
        'parcel.recipient_name as recipientName',
        'parcel.status',
      ])
      .where('stop.trip_id', '=', tripId)
      .where('parcel.status', 'in', ['received', 'sorted', 'loaded', 'in_transit'])
      .orderBy('stop.seq')
      .orderBy('parcel.waybill_no')
      .execute(),
  )
  return rows.map((r) => ({
    siteId: r.siteId,
    waybillNo: r.waybillNo,
    carrierName: r.carrier_name,
    recipientName: maskName(r.recipientName),
    status: r.status,
  }))
}
