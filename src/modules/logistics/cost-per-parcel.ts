import type { Db } from '../../db/database.js'
import type { CostPerParcelRow } from './dispatch-schema.js'
import { periodOf, type Granularity } from './promise.js'

// LOG-8 / KPI-11: what one parcel costs to move — the published trips' cost split over every
// parcel delivered and every farm-product piece collected on them, both directions together.

export async function costPerParcel(
  db: Db,
  from: string,
  to: string,
  granularity: Granularity,
): Promise<CostPerParcelRow[]> {
  const trips = await db
    .selectFrom('trip')
    .innerJoin('dispatch_plan as plan', 'plan.id', 'trip.plan_id')
    .leftJoin('trip_stop as stop', 'stop.trip_id', 'trip.id')
    .select((eb) => [
      'trip.id',
      'plan.service_date as serviceDate',
      'trip.cost_fen as costFen',
      eb.fn.coalesce(eb.fn.sum<number | string>('stop.parcel_count'), eb.val(0)).as('parcels'),
      eb.fn.coalesce(eb.fn.sum<number | string>('stop.pickup_count'), eb.val(0)).as('pickups'),
    ])
    .where('plan.status', '=', 'published')
    .where('plan.service_date', '>=', from)
    .where('plan.service_date', '<=', to)
    .groupBy(['trip.id', 'plan.service_date', 'trip.cost_fen'])
    .execute()
  const periods = new Map<string, CostPerParcelRow>()
  for (const trip of trips) {
    // A service date is a Shanghai day: noon of it falls in the right day, week and month.
    const key = periodOf(`${trip.serviceDate}T04:00:00.000Z`, granularity)
    const row = periods.get(key) ?? {
      period: key,
      trips: 0,
      costFen: 0,
      deliveredParcels: 0,
      collectedPickups: 0,
      costPerParcelFen: null,
    }
    row.trips += 1
    row.costFen += trip.costFen
    row.deliveredParcels += Number(trip.parcels)
    row.collectedPickups += Number(trip.pickups)
    periods.set(key, row)
  }
  return [...periods.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((row) => {
      const moved = row.deliveredParcels + row.collectedPickups
      return {
        ...row,
        costPerParcelFen: moved === 0 ? null : Math.round((row.costFen / moved) * 100) / 100,
      }
    })
}
