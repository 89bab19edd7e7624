import { Type, type Static } from 'typebox'
import { Nullable } from '../../platform/http/schemas.js'

// LOG-3 / LOG-4 tables and API shapes: the fleet, daily plans, trips and stops.

export interface VehicleTable {
  id: string
  plate: string
  name: string
  capacity_kg: number
  capacity_m3: number
  /** Local time (Asia/Shanghai), HH:MM. */
  shift_start: string
  shift_end: string
  max_duration_s: number | null
  home_site_id: string
  fixed_cost_fen: number
  cost_per_km_fen: number
  cost_per_hour_fen: number
  driver_user_id: string | null
  active: number
  created_at: string
  updated_at: string
}

export const PLAN_STATUSES = ['planning', 'draft', 'published', 'failed'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export interface DispatchPlanTable {
  id: string
  /** YYYY-MM-DD, Asia/Shanghai */
  service_date: string
  status: PlanStatus
  /** 0–100 while planning. */
  progress: number
  created_by: string | null
  created_at: string
  finished_at: string | null
  published_at: string | null
  /** JSON: PlanSummary */
  summary_json: string | null
  error: string | null
}

export interface TripTable {
  id: string
  plan_id: string
  vehicle_id: string
  driver_user_id: string | null
  departure_at: string
  return_at: string
  distance_m: number
  duration_s: number
  cost_fen: number
  locked: number
}

export interface TripStopTable {
  id: string
  trip_id: string
  seq: number
  site_id: string
  eta: string
  delivery_kg: number
  delivery_m3: number
  parcel_count: number
}

export interface DispatchTables {
  vehicle: VehicleTable
  dispatch_plan: DispatchPlanTable
  trip: TripTable
  trip_stop: TripStopTable
}

const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })

export const Vehicle = Type.Object({
  id: Type.String(),
  plate: Type.String(),
  name: Type.String(),
  capacityKg: Type.Integer(),
  capacityM3: Type.Number(),
  shiftStart: Type.String(),
  shiftEnd: Type.String(),
  homeSiteId: Type.String(),
  fixedCostFen: Type.Integer(),
  costPerKmFen: Type.Integer(),
  costPerHourFen: Type.Integer(),
  driverUserId: Nullable(Type.String()),
  active: Type.Boolean(),
})
export type Vehicle = Static<typeof Vehicle>

export const CreateVehicleBody = Type.Object(
  {
    plate: Type.String({ pattern: '^[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}$', description: '车牌号, e.g. 晋H12345' }),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    capacityKg: Type.Integer({ minimum: 1, maximum: 50000 }),
    capacityM3: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    shiftStart: ClockTime,
    shiftEnd: ClockTime,
    homeSiteId: Type.Optional(Type.String()),
    fixedCostFen: Type.Optional(Type.Integer({ minimum: 0 })),
    costPerKmFen: Type.Optional(Type.Integer({ minimum: 0 })),
    costPerHourFen: Type.Optional(Type.Integer({ minimum: 0 })),
    driverUserId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type CreateVehicleBody = Static<typeof CreateVehicleBody>

export const StartPlanBody = Type.Object(
  {
    serviceDate: Type.String({ format: 'date' }),
    timeLimitS: Type.Optional(Type.Number({ minimum: 0.1, maximum: 120, description: 'planning time, default 5 s' })),
  },
  { additionalProperties: false },
)
export type StartPlanBody = Static<typeof StartPlanBody>

export const TripStop = Type.Object({
  seq: Type.Integer(),
  siteId: Type.String(),
  siteName: Type.String(),
  eta: Type.String(),
  deliveryKg: Type.Number(),
  deliveryM3: Type.Number(),
  parcelCount: Type.Integer(),
})

export const Trip = Type.Object({
  id: Type.String(),
  vehicleId: Type.String(),
  vehiclePlate: Type.String(),
  driverUserId: Nullable(Type.String()),
  departureAt: Type.String(),
  returnAt: Type.String(),
  distanceKm: Type.Number(),
  durationS: Type.Integer(),
  costFen: Type.Integer(),
  locked: Type.Boolean(),
  stops: Type.Array(TripStop),
})
export type Trip = Static<typeof Trip>

export const PlanSummary = Type.Object({
  stations: Type.Integer(),
  parcels: Type.Integer(),
  trips: Type.Integer(),
  distanceKm: Type.Number(),
  costFen: Type.Integer(),
  planningMs: Type.Integer(),
  unassigned: Type.Array(Type.Object({ siteId: Type.String(), siteName: Type.String(), reason: Type.String(), parcels: Type.Integer() })),
  checkerViolations: Type.Array(Type.String()),
})
export type PlanSummary = Static<typeof PlanSummary>

export const Plan = Type.Object({
  id: Type.String(),
  serviceDate: Type.String(),
  status: Type.Enum(PLAN_STATUSES),
  progress: Type.Integer(),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  summary: Nullable(PlanSummary),
  error: Nullable(Type.String()),
  trips: Type.Array(Trip),
})
export type Plan = Static<typeof Plan>
