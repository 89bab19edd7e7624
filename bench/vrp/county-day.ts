import {
  buildStraightLineMatrix,
  type GeoPoint,
  type Job,
  type Problem,
  type TimeWindow,
  type Vehicle,
} from '../../src/routing/index.js'
import { Random } from '../../src/routing/random.js'

const HOUR_S = 3600
const ROAD_CLASSES = ['county', 'township', 'township', 'village', 'village', 'village']

/**
 * A realistic county day, generated from a seed (no files, no network): one hub, 500 village
 * stations within ~35 km on winding roads, deliveries and farm-product pickups on the same visit,
 * opening hours (some split at lunch), and a mixed fleet of 20 vehicles with different costs.
 */
export function buildCountyDay(seed = 2026, stationCount = 500): Problem {
  const random = new Random(seed)
  const hub: GeoPoint = { lat: 27.6, lon: 109.2, roadClass: 'national' }
  const points: GeoPoint[] = [hub]
  const jobs: Job[] = []
  for (let i = 0; i < stationCount; i++) {
    // Villages cluster along valleys: a few bearings, spread along each.
    const valley = random.int(7)
    const bearing = (valley / 7) * 2 * Math.PI + (random.next() - 0.5) * 0.5
    const radiusKm = 3 + 32 * Math.sqrt(random.next())
    points.push({
      lat: hub.lat + (radiusKm / 111) * Math.cos(bearing),
      lon: hub.lon + (radiusKm / (111 * Math.cos((hub.lat * Math.PI) / 180))) * Math.sin(bearing),
      roadClass: ROAD_CLASSES[random.int(ROAD_CLASSES.length)],
    })
    const deliveryKg = 5 + Math.round(random.next() * 60)
    const pickupKg = random.next() < 0.4 ? Math.round(random.next() * 80) : 0
    jobs.push({
      id: `station-${String(i + 1).padStart(3, '0')}`,
      location: i + 1,
      delivery: { weightKg: deliveryKg, volumeM3: deliveryKg / 150 },
      pickup: { weightKg: pickupKg, volumeM3: pickupKg / 250 },
      serviceS: 240 + Math.round((deliveryKg + pickupKg) * 3),
      timeWindows: stationHours(random),
    })
  }
  const vehicles: Vehicle[] = []
  const fleet = [
    {
      type: 'van',
      count: 8,
      weightKg: 1200,
      volumeM3: 8,
      fixedCost: 150,
      costPerKm: 1.2,
      costPerHour: 40,
    },
    {
      type: 'light-truck',
      count: 8,
      weightKg: 3000,
      volumeM3: 18,
      fixedCost: 260,
      costPerKm: 1.8,
      costPerHour: 45,
    },
    {
      type: 'truck',
      count: 4,
      weightKg: 6000,
      volumeM3: 32,
      fixedCost: 400,
      costPerKm: 2.6,
      costPerHour: 50,
    },
  ]
  for (const type of fleet) {
    for (let k = 0; k < type.count; k++) {
      vehicles.push({
        id: `${type.type}-${k + 1}`,
        startLocation: 0,
        endLocation: 0,
        capacity: { weightKg: type.weightKg, volumeM3: type.volumeM3 },
        shift: { startS: 6 * HOUR_S, endS: 20 * HOUR_S },
        maxDurationS: 11 * HOUR_S,
        maxDistanceM: 400_000,
        fixedCost: type.fixedCost,
        costPerKm: type.costPerKm,
        costPerHour: type.costPerHour,
      })
    }
  }
  const matrix = buildStraightLineMatrix(points, { circuityFactor: 1.5 })
  return { jobs, vehicles, matrix, objective: 'cost' }
}

function stationHours(random: Random): TimeWindow[] {
  const draw = random.next()
  if (draw < 0.5) return [{ startS: 8 * HOUR_S, endS: 18 * HOUR_S }]
  if (draw < 0.7)
    return [
      { startS: 8 * HOUR_S, endS: 12 * HOUR_S },
      { startS: 14 * HOUR_S, endS: 18 * HOUR_S },
    ]
  if (draw < 0.85) return [{ startS: 8 * HOUR_S, endS: 12 * HOUR_S }]
  return [{ startS: 13 * HOUR_S, endS: 18 * HOUR_S }]
}
