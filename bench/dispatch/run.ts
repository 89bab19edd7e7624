// `npm run bench:dispatch [-- --stations 500 --parcels 20000 --time 5]`: how long the county's
// daily plan takes through the logistics module (SQLite in memory): loading the day's parcels,
// building the routing problem, solving in the worker, checking and storing the trips.
// Figures are reported against a baseline measured in the same run: the same pipeline for a
// 20-station day, so machine noise cancels out of the ratio.
import { parseArgs } from 'node:util'
import { createDb } from '../../src/db/create-db.js'
import type { Db } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { seedDemoData } from '../../src/demo/seed.js'
import { plansInFlight, runPlan, startPlan } from '../../src/modules/logistics/index.js'
import type { Actor } from '../../src/platform/http/index.js'
import { newId } from '../../src/shared/ids.js'

const { values } = parseArgs({
  options: {
    stations: { type: 'string', default: '500' },
    parcels: { type: 'string', default: '20000' },
    time: { type: 'string', default: '5' },
    vehicles: { type: 'string', default: '20' },
  },
})
const STATIONS = Number(values.stations)
const PARCELS = Number(values.parcels)
const VEHICLES = Number(values.vehicles)
const TIME_LIMIT_S = Number(values.time)

const system: Actor = {
  principal: null,
  scope: { county: true, organizationIds: new Set() },
  requestId: 'bench',
  ip: '127.0.0.1',
  claimed: { userId: null, name: 'bench' },
  auditedEntries: 0,
}

/** A demo county with `stations` village stations loaded with `parcels` parcels and a mixed fleet. */
async function prepareDay(stations: number, parcels: number, vehicles: number): Promise<Db> {
  const { db } = createDb('sqlite::memory:')
  await migrateToLatest(db)
  await seedDemoData(db)
  const villages = await db
    .selectFrom('logistics_site')
    .selectAll()
    .where('kind', '=', 'village')
    .execute()
  const now = new Date().toISOString()
  // Wutai has 284 village stations; larger days add stations beside them.
  for (let i = villages.length; i < stations; i++) {
    const base = villages[i % villages.length]
    if (!base) break
    const extra = {
      ...base,
      id: newId(),
      name: `${base.name}·${i}`,
      lat: (base.lat ?? 0) + 0.004,
      lon: (base.lon ?? 0) + 0.004,
    }
    await db.insertInto('logistics_site').values(extra).execute()
    villages.push(extra)
  }
  const used = villages.slice(0, stations)
  const carriers = await db
    .selectFrom('organization')
    .select('id')
    .where('type', '=', 'carrier')
    .execute()
  const rows = Array.from({ length: parcels }, (_, i) => ({
    id: newId(),
    carrier_id: carriers[i % carriers.length]?.id ?? '',
    waybill_no: `BENCH${String(i).padStart(9, '0')}`,
    recipient_name: '收件人',
    recipient_phone: '13900000000',
    address_text: '五台县',
    destination_site_id: used[i % used.length]?.id ?? null,
    weight_g: 300 + ((i * 7919) % 4000),
    volume_cm3: 2000 + ((i * 104729) % 8000),
    cod_fen: 0,
    status: 'sorted' as const,
    received_at: now,
    due_at: now,
    arrived_at: null,
    import_id: null,
    created_at: now,
    updated_at: now,
  }))
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('parcel')
      .values(rows.slice(i, i + 500))
      .execute()
  const hub = await db
    .selectFrom('logistics_site')
    .select('id')
    .where('kind', '=', 'hub')
    .executeTakeFirstOrThrow()
  await db.deleteFrom('vehicle').execute()
  const fleet = Array.from({ length: vehicles }, (_, i) => {
    const big = i % 3 === 0
    return {
      id: newId(),
      plate: `晋H9${String(i).padStart(4, '0')}`,
      name: big ? '轻卡' : '厢式货车',
      capacity_kg: big ? 4000 : 2000,
      capacity_m3: big ? 20 : 10,
      shift_start: '06:00',
      shift_end: '20:00',
      max_duration_s: null,
      home_site_id: hub.id,
      fixed_cost_fen: big ? 18000 : 12000,
      cost_per_km_fen: big ? 220 : 160,
      cost_per_hour_fen: 3000,
      driver_user_id: null,
      active: 1,
      created_at: now,
      updated_at: now,
    }
  })
  await db.insertInto('vehicle').values(fleet).execute()
  return db
}

async function timePlan(db: Db, timeLimitS: number) {
  const started = performance.now()
  const job = await startPlan(db, system, { serviceDate: '2026-12-01', timeLimitS })
  const prepared = performance.now()
  runPlan(db, job)
  await Promise.all(plansInFlight)
  const finished = performance.now()
  const plan = await db
    .selectFrom('dispatch_plan')
    .selectAll()
    .where('id', '=', job.planId)
    .executeTakeFirstOrThrow()
  const summary = JSON.parse(plan.summary_json ?? '{}') as {
    trips?: number
    unassigned?: unknown[]
    checkerViolations?: string[]
    distanceKm?: number
  }
  return {
    status: plan.status,
    prepareMs: prepared - started,
    totalMs: finished - started,
    trips: summary.trips,
    unassigned: summary.unassigned?.length,
    violations: summary.checkerViolations?.length,
    distanceKm: summary.distanceKm,
  }
}

const baselineDb = await prepareDay(20, 400, 4)
const baseline = await timePlan(baselineDb, TIME_LIMIT_S)
const db = await prepareDay(STATIONS, PARCELS, VEHICLES)
const day = await timePlan(db, TIME_LIMIT_S)
console.log(`planning time limit: ${TIME_LIMIT_S} s`)
console.log(
  `baseline  20 stations,    400 parcels,  4 vehicles: ${baseline.status}, prepare ${baseline.prepareMs.toFixed(0)} ms, total ${baseline.totalMs.toFixed(0)} ms, trips ${baseline.trips}, unassigned ${baseline.unassigned}, checker violations ${baseline.violations}`,
)
console.log(
  `county   ${STATIONS} stations, ${PARCELS} parcels, ${VEHICLES} vehicles: ${day.status}, prepare ${day.prepareMs.toFixed(0)} ms, total ${day.totalMs.toFixed(0)} ms, trips ${day.trips}, unassigned ${day.unassigned}, checker violations ${day.violations}, ${day.distanceKm} km`,
)
console.log(
  `ratio county / baseline: prepare ${(day.prepareMs / baseline.prepareMs).toFixed(2)}×, total ${(day.totalMs / baseline.totalMs).toFixed(2)}×`,
)
await baselineDb.destroy()
await db.destroy()
