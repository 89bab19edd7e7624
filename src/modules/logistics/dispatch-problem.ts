import type {
  GeoPoint,
  Job,
  Problem,
  Vehicle as RoutingVehicle,
  TravelMatrix,
} from '../../routing/index.js'
import { buildStraightLineMatrix } from '../../routing/index.js'
import { shanghaiDayStartMs } from '../../shared/clock.js'
import type { VehicleTable } from './dispatch-schema.js'

// LOG-3 / LOG-4: turns the day's loads into a routing problem. Times are seconds from local
// midnight (Asia/Shanghai) of the service day; money is fen.

export interface StopLoad {
  siteId: string
  lat: number
  lon: number
  roadClass: 'county' | 'township' | 'village'
  /** HH:MM-HH:MM, local time */
  openingHours: string
  deliveryKg: number
  deliveryM3: number
  parcelCount: number
  pickupKg: number
  pickupM3: number
  pickupCount: number
}

export interface Depot {
  siteId: string
  lat: number
  lon: number
}

/** A stop: a fixed handover plus a little per parcel unloaded or piece loaded. */
export const serviceSeconds = (items: number): number => 300 + 10 * items

export const clockSeconds = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 3600 + (m ?? 0) * 60
}

/** The matrix's locations: depots first, then stops, in the order the problem uses. */
export const dispatchPoints = (
  depots: readonly Depot[],
  stops: readonly StopLoad[],
): GeoPoint[] => [
  ...depots.map((d) => ({ lat: d.lat, lon: d.lon, roadClass: 'county' })),
  ...stops.map((s) => ({ lat: s.lat, lon: s.lon, roadClass: s.roadClass })),
]

/** The routing problem; travel defaults to straight-line estimates, or pass a road matrix. */
export function buildDispatchProblem(
  depots: readonly Depot[],
  stops: readonly StopLoad[],
  vehicles: readonly VehicleTable[],
  matrix: TravelMatrix = buildStraightLineMatrix(dispatchPoints(depots, stops)),
): Problem {
  const depotIndex = new Map(depots.map((d, i) => [d.siteId, i]))
  const jobs: Job[] = stops.map((stop, i) => {
    const [open = '00:00', close = '24:00'] = stop.openingHours.split('-')
    return {
      id: stop.siteId,
      location: depots.length + i,
      delivery: { weightKg: stop.deliveryKg, volumeM3: stop.deliveryM3 },
      pickup: { weightKg: stop.pickupKg, volumeM3: stop.pickupM3 },
      serviceS: serviceSeconds(stop.parcelCount + stop.pickupCount),
      timeWindows: [{ startS: clockSeconds(open), endS: clockSeconds(close) }],
    }
  })
  const fleet: RoutingVehicle[] = vehicles.map((v) => {
    const home = depotIndex.get(v.home_site_id) ?? 0
    return {
      id: v.id,
      startLocation: home,
      endLocation: home,
      capacity: { weightKg: v.capacity_kg, volumeM3: v.capacity_m3 },
      shift: { startS: clockSeconds(v.shift_start), endS: clockSeconds(v.shift_end) },
      ...(v.max_duration_s !== null ? { maxDurationS: v.max_duration_s } : {}),
      fixedCost: v.fixed_cost_fen,
      costPerKm: v.cost_per_km_fen,
      costPerHour: v.cost_per_hour_fen,
    }
  })
  return { jobs, vehicles: fleet, matrix, objective: 'cost' }
}

/** Seconds after local midnight of the service day (the planner's clock) as an instant. */
export const planInstant = (serviceDate: string, seconds: number): string =>
  new Date(shanghaiDayStartMs(serviceDate) + seconds * 1000).toISOString()
